/**
 * The conflict view for one record of a planning file: both versions as the same labelled
 * fields, differences highlighted; keep mine, use the file's, or (when no field was changed
 * differently on both sides) merge them field by field. The side not chosen is kept in the
 * recovered-text store before anything else happens.
 */
import { useState } from 'react';
import { errorMessage } from '../api.js';
import { ConflictDialog } from './ConflictDialog.js';
import { RECOVERED_NOTE, keepAside } from './keep-aside.js';
import { mergeRecords, recordAsText, recordFieldRows, type RecordField } from './record-merge.js';
import type { RecordEdit } from '../hooks/useRecordEdit.js';

export interface RecordConflict<T> {
  base: T;
  mine: T;
  theirs: T;
}

export interface RecordConflictDialogProps<T> {
  conflict: RecordConflict<T>;
  fields: RecordField<T>[];
  /** Library-relative file, e.g. `college.yml`. */
  file: string;
  /** The record for people, e.g. `the venue “The Old Library”`. */
  what: string;
  /** Carries out the choice: save `value`, or (for the file's version) just show it. */
  onResolved(value: T, save: boolean): void;
  announce(message: string): void;
}

export function RecordConflictDialog<T>(props: RecordConflictDialogProps<T>) {
  const { conflict, fields, file, what, onResolved, announce } = props;
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const merged = mergeRecords(fields, conflict.base, conflict.mine, conflict.theirs);
  const choose = async (
    value: T,
    save: boolean,
    aside?: { whose: 'mine' | 'theirs'; value: T },
  ) => {
    try {
      if (aside) {
        const text = recordAsText(fields, aside.value);
        await keepAside(
          file,
          what,
          aside.whose === 'mine' ? { whose: 'mine', value: text } : { whose: 'theirs', text },
          (t: string) => t,
        );
        announce(RECOVERED_NOTE);
      }
      onResolved(value, save);
    } catch (error) {
      setProblem(
        `Nothing was changed: the other version could not be kept (${errorMessage(error)})`,
      );
    }
  };
  return (
    <>
      <ConflictDialog
        open
        what={what}
        mine={recordAsText(fields, conflict.mine)}
        theirs={recordAsText(fields, conflict.theirs)}
        fields={recordFieldRows(fields, conflict.mine, conflict.theirs)}
        keepBothLabel="Merge field by field"
        onKeepBoth={merged === undefined ? undefined : () => void choose(merged, true)}
        onKeepMine={() =>
          void choose(conflict.mine, true, { whose: 'theirs', value: conflict.theirs })
        }
        onTakeTheirs={() =>
          void choose(conflict.theirs, false, { whose: 'mine', value: conflict.mine })
        }
      />
      {problem && (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** What a record's form shows about its save: the conflict view, or that the record is gone. */
export function RecordEditNotices<T>({ edit }: { edit: RecordEdit<T> }) {
  return (
    <>
      {edit.gone && (
        <p className="notice notice--problem" role="alert">
          {edit.gone}
        </p>
      )}
      {edit.conflict && <RecordConflictDialog {...edit.conflict} />}
    </>
  );
}
