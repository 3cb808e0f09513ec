/**
 * The course's modules in order: open one, add, rename, delete, and reorder by dragging, with
 * Move up / Move down, or with Alt+Up / Alt+Down on a module.
 */
import { useRef, useState } from 'react';
import type { ModuleRef } from '../../main/api/contract.js';
import { Icon } from './Icon.js';

/** One row: a module, or another ordered file such as a front page. */
export type ListItem = Pick<ModuleRef, 'file' | 'title' | 'duration'>;

export interface ModuleListProps {
  modules: ListItem[];
  /** What the items are called: `Modules` and `Module` unless told otherwise. */
  labels?: { heading: string; item: string };
  selected: string | undefined;
  busy: boolean;
  onSelect(file: string): void;
  /** Without it, the list has no add form (the screen adds its own way). */
  onAdd?(title: string): Promise<void>;
  /** The complete list of files in their new order. */
  onReorder(files: string[]): Promise<void>;
  onRename(file: string, title: string): Promise<void>;
  onDelete(file: string): Promise<void>;
  problem?: string;
}

function moved(files: string[], from: number, to: number): string[] {
  const next = [...files];
  const [file] = next.splice(from, 1);
  if (file !== undefined) next.splice(to, 0, file);
  return next;
}

/** The module list panel. */
export function ModuleList(props: ModuleListProps) {
  const { modules, selected, busy, problem } = props;
  const labels = props.labels ?? { heading: 'Modules', item: 'Module' };
  const noun = labels.item.toLowerCase();
  const [newTitle, setNewTitle] = useState('');
  const [renaming, setRenaming] = useState<string | undefined>(undefined);
  const [dragFrom, setDragFrom] = useState<number | undefined>(undefined);
  const [dropAt, setDropAt] = useState<number | undefined>(undefined);
  const listRef = useRef<HTMLOListElement>(null);
  const files = modules.map((m) => m.file);

  // Back to the row once its list is drawn again, unless the person has meanwhile gone on
  // somewhere else (straight back into the text, say): focus is never taken from them.
  const focusRow = (index: number) =>
    setTimeout(() => {
      const active = document.activeElement;
      if (active && active !== document.body && !listRef.current?.contains(active)) return;
      listRef.current?.querySelectorAll<HTMLButtonElement>('.module-row__open')[index]?.focus();
    }, 0);

  const move = async (from: number, to: number) => {
    if (to < 0 || to >= modules.length || from === to) return;
    await props.onReorder(moved(files, from, to));
    focusRow(to);
  };

  return (
    <section className="module-list" aria-labelledby="module-list-title">
      <h2 id="module-list-title" className="module-list__title">
        {labels.heading}
      </h2>
      <p className="hint" id="module-list-hint">
        Drag a {noun}, or use Alt+Up and Alt+Down, to change the order.
      </p>
      <ol ref={listRef} className="module-list__items" aria-describedby="module-list-hint">
        {modules.map((m, index) => (
          <li
            key={m.file}
            className={[
              'module-row',
              m.file === selected ? 'module-row--selected' : '',
              dropAt === index && dragFrom !== undefined && dragFrom !== index
                ? 'module-row--drop'
                : '',
            ].join(' ')}
            draggable={!busy && renaming === undefined}
            onDragStart={(event) => {
              setDragFrom(index);
              event.dataTransfer.effectAllowed = 'move';
              event.dataTransfer.setData('text/plain', m.title);
            }}
            onDragOver={(event) => {
              if (dragFrom === undefined) return;
              event.preventDefault();
              setDropAt(index);
            }}
            onDragEnd={() => {
              setDragFrom(undefined);
              setDropAt(undefined);
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragFrom !== undefined) void move(dragFrom, index);
              setDragFrom(undefined);
              setDropAt(undefined);
            }}
          >
            {renaming === m.file ? (
              <RenameForm
                module={m}
                onDone={async (title) => {
                  setRenaming(undefined);
                  if (title && title !== m.title) await props.onRename(m.file, title);
                  focusRow(index);
                }}
              />
            ) : (
              <>
                <button
                  type="button"
                  className="module-row__open"
                  aria-current={m.file === selected ? 'true' : undefined}
                  onClick={() => props.onSelect(m.file)}
                  onKeyDown={(event) => {
                    if (!event.altKey) return;
                    if (event.key === 'ArrowUp') {
                      event.preventDefault();
                      void move(index, index - 1);
                    } else if (event.key === 'ArrowDown') {
                      event.preventDefault();
                      void move(index, index + 1);
                    }
                  }}
                >
                  <span className="module-row__number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="module-row__text">
                    <span className="visually-hidden">
                      {labels.item} {index + 1}:{' '}
                    </span>
                    <span className="module-row__title">{m.title}</span>
                    {m.duration && <span className="module-row__duration">{m.duration}</span>}
                  </span>
                </button>
                {m.file === selected && (
                  <span className="module-row__actions">
                    <button
                      type="button"
                      className="row-action"
                      aria-label={`Move “${m.title}” up`}
                      title="Move up (Alt+Up)"
                      disabled={busy || index === 0}
                      onClick={() => void move(index, index - 1)}
                    >
                      <Icon name="up" />
                    </button>
                    <button
                      type="button"
                      className="row-action"
                      aria-label={`Move “${m.title}” down`}
                      title="Move down (Alt+Down)"
                      disabled={busy || index === modules.length - 1}
                      onClick={() => void move(index, index + 1)}
                    >
                      <Icon name="down" />
                    </button>
                    <button
                      type="button"
                      className="row-action"
                      aria-label={`Rename “${m.title}”`}
                      disabled={busy}
                      onClick={() => setRenaming(m.file)}
                    >
                      <Icon name="pencil" />
                      <span aria-hidden="true">Rename</span>
                    </button>
                    <button
                      type="button"
                      className="row-action"
                      aria-label={`Delete “${m.title}”`}
                      disabled={busy}
                      onClick={() => void props.onDelete(m.file)}
                    >
                      <Icon name="trash" />
                      <span aria-hidden="true">Delete</span>
                    </button>
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
      {problem && (
        <p className="field__problem" role="alert">
          {problem}
        </p>
      )}
      {props.onAdd && (
        <form
          className="module-list__add"
          onSubmit={(event) => {
            event.preventDefault();
            const title = newTitle.trim();
            if (!title) return;
            void props.onAdd?.(title).then(() => setNewTitle(''));
          }}
        >
          <label htmlFor="new-module-title">New module title</label>
          <div className="input-row">
            <input
              id="new-module-title"
              type="text"
              value={newTitle}
              onChange={(event) => setNewTitle(event.target.value)}
            />
            <button type="submit" className="button" disabled={busy || !newTitle.trim()}>
              Add module
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

function RenameForm({
  module,
  onDone,
}: {
  module: ListItem;
  onDone(title: string | undefined): Promise<void>;
}) {
  const [title, setTitle] = useState(module.title);
  return (
    <form
      className="module-row__rename"
      onSubmit={(event) => {
        event.preventDefault();
        void onDone(title.trim());
      }}
    >
      <label className="visually-hidden" htmlFor={`rename-${module.file}`}>
        New title for “{module.title}”
      </label>
      <input
        id={`rename-${module.file}`}
        type="text"
        value={title}
        autoFocus
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            void onDone(undefined);
          }
        }}
      />
      <button type="submit" className="button button--small">
        Save
      </button>
      <button type="button" className="button button--small" onClick={() => void onDone(undefined)}>
        Cancel
      </button>
    </form>
  );
}
