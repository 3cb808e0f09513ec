/**
 * One record's form on a planning screen (a venue, a trainer, a category, a session, the term's
 * dates, the college settings): its draft, and a save that first reads the record as it is on
 * disk now. When someone else changed it since this edit started, nothing is written: both
 * versions are offered side by side (RecordConflictDialog) and the person chooses.
 */
import { useState } from 'react';
import type { RecordField } from '../components/record-merge.js';
import type { RecordConflictDialogProps } from '../components/RecordConflictDialog.js';
import { useApp } from '../state/AppContext.js';
import { changedSince, useRecordDraft, type RecordDraft } from './useRecordDraft.js';

export interface RecordEditOptions<T> {
  /** The record as read; keep it the same object between reads (a new one means a new read). */
  record: T;
  fields: RecordField<T>[];
  /** Library-relative file, e.g. `college.yml`. */
  file: string;
  /** The record for people, e.g. `the venue “The Old Library”`. */
  what: string;
  /** The record as it is on disk now; absent for a new record, which nobody else can change. */
  latest?(): Promise<T | undefined>;
  /** Saves `value` (applied to the file as read now); true when it landed. */
  onSave(value: T): Promise<boolean>;
}

export interface RecordEdit<T> {
  draft: RecordDraft<T>;
  /** Saves `value` (the draft when absent), or shows both versions when theirs changed. */
  submit(value?: T): Promise<boolean>;
  /** Props for the conflict view while one is open. */
  conflict: RecordConflictDialogProps<T> | undefined;
  /** Set when the record is no longer in the file: nothing was saved, the draft stays. */
  gone: string | undefined;
}

export function useRecordEdit<T>(options: RecordEditOptions<T>): RecordEdit<T> {
  const { record, fields, file, what, latest, onSave } = options;
  const { announce } = useApp();
  const draft = useRecordDraft(record);
  const [open, setOpen] = useState<{ base: T; mine: T; theirs: T } | undefined>(undefined);
  const [gone, setGone] = useState<string | undefined>(undefined);
  const save = async (next: T) => {
    const saved = await onSave(next);
    if (saved) draft.saved(next);
    return saved;
  };
  const submit = async (value: T = draft.value) => {
    setGone(undefined);
    const theirs = await latest?.();
    if (latest && theirs === undefined) {
      // Removed on disk meanwhile, or the file cannot be read now: a save would be lost.
      setGone(
        `Your changes to ${what} are not saved yet: ${file} no longer has it, or cannot be read just now. They are still in the form.`,
      );
      return false;
    }
    if (theirs !== undefined && changedSince(draft.base, theirs)) {
      setOpen({ base: draft.base, mine: value, theirs });
      return false;
    }
    return save(value);
  };
  const conflict: RecordConflictDialogProps<T> | undefined = open && {
    conflict: open,
    fields,
    file,
    what,
    announce,
    onResolved: (next, saveIt) => {
      setOpen(undefined);
      // Their version is the new starting point; what was chosen is saved over it.
      draft.reset(open.theirs);
      if (saveIt) {
        draft.setValue(next);
        void save(next);
      }
    },
  };
  return { draft, submit, conflict, gone };
}
