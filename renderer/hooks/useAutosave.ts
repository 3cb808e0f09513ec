/** Saves a changed document after a short pause in typing. */
import { useEffect, useRef } from 'react';

export interface AutosaveOptions {
  /** True when the draft differs from what was last saved. */
  dirty: boolean;
  /** Changes on every edit, so the pause restarts while someone is typing. */
  draft: unknown;
  /** False while a save must wait for a person (a conflict, or a failure to retry). */
  enabled: boolean;
  save: () => void;
  /** Pause in milliseconds before saving. */
  delay?: number;
}

/** Calls `save` once the draft has stopped changing for `delay` ms. */
export function useAutosave({ dirty, draft, enabled, save, delay = 800 }: AutosaveOptions): void {
  const latestSave = useRef(save);
  useEffect(() => {
    latestSave.current = save;
  });
  useEffect(() => {
    if (!dirty || !enabled) return;
    const timer = setTimeout(() => latestSave.current(), delay);
    return () => clearTimeout(timer);
  }, [dirty, draft, enabled, delay]);
}
