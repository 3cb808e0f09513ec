/** A list of short texts (e.g. learning outcomes) that people can add to, remove and reorder. */
import { useLayoutEffect, useRef, useState } from 'react';
import { Icon } from './Icon.js';

export interface EditableListProps {
  /** Names the list and each item, e.g. "Learning outcomes" / "Outcome". */
  label: string;
  itemLabel: string;
  items: string[];
  onChange(items: string[]): void;
  hint?: string;
}

function moved(items: string[], from: number, to: number): string[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** Text inputs with Move up, Move down and Remove, and an Add button. */
export function EditableList({ label, itemLabel, items, onChange, hint }: EditableListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  // Focus moves in the same commit as the change, so typing straight after Add is never lost.
  const [focusIndex, focusItem] = useState<number | undefined>(undefined);
  useLayoutEffect(() => {
    if (focusIndex === undefined) return;
    listRef.current?.querySelectorAll<HTMLInputElement>('input')[focusIndex]?.focus();
    focusItem(undefined);
  }, [focusIndex]);
  return (
    <fieldset className="field editable-list">
      <legend>{label}</legend>
      {hint && <p className="hint">{hint}</p>}
      <ol ref={listRef}>
        {items.map((item, index) => (
          <li key={index} className="editable-list__item">
            <input
              type="text"
              aria-label={`${itemLabel} ${index + 1}`}
              value={item}
              onChange={(event) =>
                onChange(items.map((v, i) => (i === index ? event.target.value : v)))
              }
              onKeyDown={(event) => {
                if (!event.altKey) return;
                if (event.key === 'ArrowUp' && index > 0) {
                  event.preventDefault();
                  onChange(moved(items, index, index - 1));
                  focusItem(index - 1);
                } else if (event.key === 'ArrowDown' && index < items.length - 1) {
                  event.preventDefault();
                  onChange(moved(items, index, index + 1));
                  focusItem(index + 1);
                }
              }}
            />
            <span className="editable-list__actions">
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} up`}
                disabled={index === 0}
                onClick={() => onChange(moved(items, index, index - 1))}
              >
                <Icon name="up" />
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} down`}
                disabled={index === items.length - 1}
                onClick={() => onChange(moved(items, index, index + 1))}
              >
                <Icon name="down" />
              </button>
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                onClick={() => {
                  onChange(items.filter((_, i) => i !== index));
                  focusItem(Math.max(0, index - 1));
                }}
              >
                <Icon name="trash" />
                <span aria-hidden="true">Remove</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onChange([...items, '']);
          focusItem(items.length);
        }}
      >
        Add {itemLabel.toLowerCase()}
      </button>
    </fieldset>
  );
}
