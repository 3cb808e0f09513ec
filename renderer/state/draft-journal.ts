/**
 * A journal of unsaved text, kept in the page's own storage (localStorage: the browser's for
 * browser mode, the desktop app's profile in Electron), one entry per library and file. Every
 * edit that is not yet saved is written here at once, and removed when the file is saved; so
 * text typed before a reload, a crash or a stopped server is offered back when the file is
 * opened again. Nothing here knows which transport carries the API.
 */

/** What is kept for one file while it has unsaved changes. */
export interface JournalEntry<T> {
  /** When the unsaved text was last changed (ISO 8601). */
  changedAt: string;
  /** The file's name for people ("the module “Breathing”"). */
  label: string;
  /** The version on disk the text was based on, and that version's content. */
  baseVersion: string;
  base: T;
  draft: T;
}

/** The parts of the Web Storage API the journal uses. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftJournal {
  read<T>(file: string, isValue: (value: unknown) => value is T): JournalEntry<T> | undefined;
  write<T>(file: string, entry: JournalEntry<T>): void;
  remove(file: string): void;
}

const PREFIX = 'tandem.unsaved.v1';

/** The journal for one library (its absolute path) in `storage`. */
export function draftJournal(storage: JournalStorage, library: string): DraftJournal {
  const keyOf = (file: string) => `${PREFIX}:${JSON.stringify([library, file])}`;
  return {
    read<T>(file: string, isValue: (value: unknown) => value is T) {
      let parsed: unknown;
      try {
        const text = storage.getItem(keyOf(file));
        if (text === null) return undefined;
        parsed = JSON.parse(text);
      } catch {
        return undefined;
      }
      if (typeof parsed !== 'object' || parsed === null) return undefined;
      const entry = parsed as Record<string, unknown>; // cast: narrowed to an object just above
      if (
        typeof entry.changedAt !== 'string' ||
        typeof entry.label !== 'string' ||
        typeof entry.baseVersion !== 'string' ||
        !isValue(entry.base) ||
        !isValue(entry.draft)
      ) {
        return undefined;
      }
      return {
        changedAt: entry.changedAt,
        label: entry.label,
        baseVersion: entry.baseVersion,
        base: entry.base,
        draft: entry.draft,
      };
    },
    write(file, entry) {
      try {
        storage.setItem(keyOf(file), JSON.stringify(entry));
      } catch {
        // Storage full or turned off: saving to disk still works, only this safety net is gone.
      }
    },
    remove(file) {
      try {
        storage.removeItem(keyOf(file));
      } catch {
        // As above.
      }
    },
  };
}

/** The page's own journal for `library`, or none where the page has no storage. */
export function pageJournal(library: string | undefined): DraftJournal | undefined {
  if (!library) return undefined;
  try {
    return draftJournal(window.localStorage, library);
  } catch {
    return undefined;
  }
}
