/** Tabs following the ARIA pattern: arrow keys move between tabs, Tab moves into the panel. */
import { useId, useRef } from 'react';
import type { ReactNode } from 'react';

export interface TabsProps<T extends string> {
  label: string;
  tabs: { id: T; label: string }[];
  current: T;
  onSelect(id: T): void;
  children: ReactNode;
}

/** A tab list with one panel showing the current tab's content. */
export function Tabs<T extends string>({ label, tabs, current, onSelect, children }: TabsProps<T>) {
  const base = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const move = (offset: number) => {
    const index = tabs.findIndex((t) => t.id === current);
    const next = tabs[(index + offset + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.id);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLButtonElement>(`[data-tab="${next.id}"]`)?.focus(),
    );
  };
  return (
    <div className="tabs">
      <div
        ref={listRef}
        role="tablist"
        aria-label={label}
        className="tabs__list"
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') move(1);
          else if (event.key === 'ArrowLeft') move(-1);
          else return;
          event.preventDefault();
        }}
      >
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-${tab.id}`}
            data-tab={tab.id}
            aria-selected={tab.id === current}
            aria-controls={`${base}-panel`}
            tabIndex={tab.id === current ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${base}-panel`}
        aria-labelledby={`${base}-${current}`}
        className="tabs__panel"
      >
        {children}
      </div>
    </div>
  );
}
