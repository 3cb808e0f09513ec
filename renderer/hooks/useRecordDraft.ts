/**
 * A form's draft of one record of a planning file (a venue, a trainer, the college settings).
 * While the form has unsaved changes, a new version of the record read from disk does not
 * replace them: the form keeps the version its edit started from (`base`), so a save can tell
 * that someone else changed the record meanwhile and show both instead of overwriting theirs.
 */
import { useEffect, useState } from 'react';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface RecordDraft<T> {
  value: T;
  setValue(value: T): void;
  /** The record as it was when this edit started. */
  base: T;
  dirty: boolean;
  /** Starts again from `record` (when the person takes the file's version). */
  reset(record: T): void;
  /** `record` was saved: it is the new base; anything typed since stays in the draft. */
  saved(record: T): void;
}

export function useRecordDraft<T>(record: T): RecordDraft<T> {
  const [state, setState] = useState({ value: record, base: record });
  const dirty = !same(state.value, state.base);
  useEffect(() => {
    // Only a clean form follows the file; an edited one keeps its text and its base. Decided
    // inside the update, so typing queued in the same moment is never replaced.
    setState((now) => (same(now.value, now.base) ? { value: record, base: record } : now));
  }, [record]);
  return {
    value: state.value,
    setValue: (value) => setState((now) => ({ ...now, value })),
    base: state.base,
    dirty,
    reset: (next) => setState({ value: next, base: next }),
    saved: (next) => setState((now) => ({ value: now.value, base: next })),
  };
}

/** True when `theirs` (on disk now) differs from the version the edit started from. */
export function changedSince<T>(base: T, theirs: T | undefined): boolean {
  return theirs !== undefined && !same(base, theirs);
}
