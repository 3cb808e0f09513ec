/**
 * One file being edited: loads it, keeps the draft, autosaves against the version it loaded,
 * and turns a refused save (the file changed on disk) into a conflict a person resolves.
 * The draft is never thrown away without someone choosing to: while it is unsaved it is also
 * kept in a journal in the page's storage, and offered back when the file is opened again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult } from '../../main/api/contract.js';
import { errorMessage } from '../api.js';
import type { DraftJournal, JournalEntry } from '../state/draft-journal.js';
import { useAutosave } from './useAutosave.js';

export type SaveStatus = 'saved' | 'saving' | 'error' | 'conflict';

export interface Conflict<T> {
  /** The whole file as it is on disk now. */
  theirs: string;
  /** The body part of `theirs`. */
  theirsBody: string;
  version: string;
  /** The draft that could not be saved. */
  mine: T;
  /** The last version saved from here: what both sides started from. */
  base: T;
}

export interface Loaded<T> {
  value: T;
  version: string;
}

export interface DocumentOptions<T> {
  /** Which file; undefined while nothing is open. Changing it loads another file. */
  key: string | undefined;
  load(key: string): Promise<Loaded<T>>;
  save(key: string, value: T, baseVersion: string): Promise<SaveResult>;
  equals(a: T, b: T): boolean;
  delay?: number;
  /** Where unsaved drafts are kept until they are saved (see draft-journal.ts). */
  journal?: JournalOptions<T>;
  /**
   * Keeps the side a person did not choose (in the recovered-text store); the choice is
   * carried out only once this resolves.
   */
  setAside?(key: string, side: SetAside<T>): Promise<void>;
}

/**
 * What is set aside: my draft, the file on disk, unsaved text someone discarded, or unsaved
 * text that could not be saved when its file was left (`left`).
 */
export type SetAside<T> =
  | { whose: 'mine'; value: T }
  | { whose: 'theirs'; text: string }
  | { whose: 'unsaved'; value: T }
  | { whose: 'left'; value: T };

export interface JournalOptions<T> {
  store: DraftJournal;
  /** The journal's name for file `key`, unique in the library. */
  file(key: string): string;
  /** The file's name for people, for the offer to restore it. */
  label(key: string, value: T): string;
  isValue(value: unknown): value is T;
}

/** Unsaved text found in the journal when a file was opened. */
export interface RecoveredDraft {
  changedAt: string;
  label: string;
}

export interface SavedDocument<T> {
  value: T | undefined;
  loadError: string | undefined;
  /** Goes up whenever the draft is replaced from disk, so editors can start afresh. */
  generation: number;
  status: SaveStatus;
  dirty: boolean;
  saveError: string | undefined;
  conflict: Conflict<T> | undefined;
  update(change: (value: T) => T): void;
  /** Saves now if needed; resolves false if the draft could not be saved. */
  flush(): Promise<boolean>;
  retry(): void;
  /** Saves the draft over the version on disk. */
  keepMine(): void;
  /** Replaces the draft with the file on disk. */
  takeTheirs(): Promise<void>;
  /**
   * Saves `merged` (both sides, put together) over the version on disk; with `setTheirsAside`
   * the file on disk is also kept whole in the recovered-text store (part of it could not be
   * merged).
   */
  keepBoth(merged: T, options?: { setTheirsAside?: boolean }): void;
  /** Reloads when the file changed on disk: silently if clean, through a save (and so a conflict) if not. */
  fileChanged(): Promise<void>;
  /** Unsaved text from an earlier visit, waiting for the person to restore or discard it. */
  recovered: RecoveredDraft | undefined;
  /** Puts the recovered text back in the draft; it saves as usual (a conflict if the file changed since). */
  restoreRecovered(): void;
  discardRecovered(): void;
  /**
   * Runs `rename`, which gives the open file a new name: saves wait until it has finished, and
   * the draft (with anything typed meanwhile) follows the file to `renamedTo(result)` instead
   * of being reloaded from it. The file's content must be what the draft was based on.
   */
  /** The draft was kept somewhere else (Recovered text): it is neither saved nor offered again. */
  forgetDraft(): void;
  followRename<R>(
    rename: () => Promise<R>,
    renamedTo: (result: R) => string | undefined,
  ): Promise<R>;
}

type Phase = 'idle' | 'saving' | 'error' | 'conflict';

/** Edits one file with autosave and conflict handling. */
export function useSavedDocument<T>(options: DocumentOptions<T>): SavedDocument<T> {
  const { key, equals, delay } = options;
  const [draft, setDraft] = useState<T | undefined>(undefined);
  const [saved, setSaved] = useState<T | undefined>(undefined);
  const [phase, setPhaseState] = useState<Phase>('idle');
  const [generation, setGeneration] = useState(0);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [conflict, setConflictState] = useState<Conflict<T> | undefined>(undefined);
  const conflictRef = useRef<Conflict<T> | undefined>(undefined);
  const setConflict = useCallback((next: Conflict<T> | undefined) => {
    conflictRef.current = next;
    setConflictState(next);
  }, []);

  // Refs mirror the state for async work, which must see the latest values.
  const keyRef = useRef(key);
  const draftRef = useRef<T | undefined>(undefined);
  const savedRef = useRef<T | undefined>(undefined);
  const versionRef = useRef('');
  const phaseRef = useRef<Phase>('idle');
  const inFlight = useRef<Promise<boolean> | null>(null);
  // A rename of the open file under way (saves wait for it), and the key the draft follows to.
  const renaming = useRef<Promise<unknown> | null>(null);
  const carriedTo = useRef<string | undefined>(undefined);
  const failedDraft = useRef<T | undefined>(undefined);
  // The file the draft in state belongs to (undefined while another file loads).
  const draftKey = useRef<string | undefined>(undefined);
  // Counts saves that landed, so a reload that raced with a save can tell it is out of date.
  const landed = useRef(0);
  const io = useRef(options);
  useEffect(() => {
    io.current = options;
  });
  // While an earlier visit's text is on offer, its journal entry is left alone.
  const [recovered, setRecoveredState] = useState<JournalEntry<T> | undefined>(undefined);
  const recoveredRef = useRef<JournalEntry<T> | undefined>(undefined);
  const setRecovered = useCallback((next: JournalEntry<T> | undefined) => {
    recoveredRef.current = next;
    setRecoveredState(next);
  }, []);

  const setPhase = (next: Phase) => {
    phaseRef.current = next;
    setPhaseState(next);
  };

  // Reads `equals` through the ref so callers may pass an inline function.
  const isDirty = useCallback(
    () =>
      draftRef.current !== undefined &&
      savedRef.current !== undefined &&
      !io.current.equals(draftRef.current, savedRef.current),
    [],
  );

  const apply = useCallback(
    (loaded: Loaded<T>) => {
      draftRef.current = loaded.value;
      savedRef.current = loaded.value;
      versionRef.current = loaded.version;
      setDraft(loaded.value);
      setSaved(loaded.value);
      setConflict(undefined);
      setSaveError(undefined);
      setPhase('idle');
      setGeneration((g) => g + 1);
    },
    [setConflict],
  );

  const runSave = useCallback(async (): Promise<boolean> => {
    // One save at a time, each based on the version the previous one returned, and none while
    // the file is being renamed.
    while (inFlight.current || renaming.current) await (inFlight.current ?? renaming.current);
    const fileKey = keyRef.current;
    const snapshot = draftRef.current;
    if (!fileKey || snapshot === undefined) return true;
    if (phaseRef.current === 'conflict') return false;
    if (!isDirty()) return true;
    setPhase('saving');
    const attempt = (async () => {
      try {
        const result = await io.current.save(fileKey, snapshot, versionRef.current);
        if (keyRef.current !== fileKey) return result.ok;
        if (result.ok) {
          landed.current += 1;
          versionRef.current = result.version;
          savedRef.current = snapshot;
          setSaved(snapshot);
          setSaveError(undefined);
          setPhase('idle');
          return true;
        }
        setConflict({ ...result.conflict, mine: snapshot, base: savedRef.current ?? snapshot });
        setPhase('conflict');
        return false;
      } catch (error) {
        if (keyRef.current !== fileKey) return false;
        failedDraft.current = snapshot;
        setSaveError(errorMessage(error));
        setPhase('error');
        return false;
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      if (inFlight.current === attempt) inFlight.current = null;
    }
  }, [isDirty, setConflict]);

  // Load whenever the file changes; on leaving a file, save what is left (best effort:
  // callers flush first, this only catches an unexpected unmount).
  useEffect(() => {
    keyRef.current = key;
    /** On leaving a file: save what is left, unless the draft follows the file to a new name. */
    const leave = (left: string) => () => {
      const draft = draftRef.current;
      if (carriedTo.current !== undefined) return;
      if (draft === undefined || !isDirty()) return;
      const { save, setAside, journal } = io.current;
      // Not saved (the file moved or went away, or changed meanwhile): the text is kept under
      // Recovered text, as the journal's entry for a file that is gone would never be offered.
      const keepAside = () => {
        void setAside?.(left, { whose: 'left', value: draft })
          .then(() => journal?.store.remove(journal.file(left)))
          .catch(() => undefined);
      };
      if (phaseRef.current === 'conflict') keepAside();
      else
        void save(left, draft, versionRef.current).then((result) => {
          if (!result.ok) keepAside();
        }, keepAside);
    };
    const carried = key !== undefined && key === carriedTo.current;
    carriedTo.current = undefined;
    // The open file was renamed from here: its draft, version and state carry on as they are.
    if (carried) {
      draftKey.current = key;
      return leave(key);
    }
    // Until this file's text is loaded, the draft still shown is the last file's.
    draftKey.current = undefined;
    draftRef.current = undefined;
    savedRef.current = undefined;
    setDraft(undefined);
    setSaved(undefined);
    setConflict(undefined);
    setSaveError(undefined);
    setLoadError(undefined);
    setPhase('idle');
    setRecovered(undefined);
    if (!key) return;
    let cancelled = false;
    io.current
      .load(key)
      .then((loaded) => {
        if (cancelled) return;
        // Read before the render that follows, which would otherwise clear the entry.
        const journal = io.current.journal;
        const entry = journal?.store.read(journal.file(key), journal.isValue);
        if (entry && !io.current.equals(entry.draft, loaded.value)) setRecovered(entry);
        apply(loaded);
        draftKey.current = key;
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(errorMessage(error));
      });
    const leaveKey = leave(key);
    return () => {
      cancelled = true;
      leaveKey();
    };
  }, [key, apply, isDirty, setConflict, setRecovered]);

  // Every unsaved draft goes to the journal at once; a saved one leaves it.
  useEffect(() => {
    const journal = io.current.journal;
    if (!journal || !key || draft === undefined || saved === undefined) return;
    // Right after a switch to another file, the draft in state is still the last file's.
    if (draftKey.current !== key || recoveredRef.current) return;
    const file = journal.file(key);
    if (io.current.equals(draft, saved)) {
      journal.store.remove(file);
      return;
    }
    journal.store.write(file, {
      changedAt: new Date().toISOString(),
      label: journal.label(key, draft),
      baseVersion: versionRef.current,
      base: saved,
      draft,
    });
  }, [key, draft, saved, recovered]);

  const dirty = draft !== undefined && saved !== undefined && !equals(draft, saved);
  const retryBlocked = phase === 'error' && failedDraft.current === draft;
  useAutosave({
    dirty,
    draft,
    enabled: phase !== 'conflict' && !retryBlocked,
    save: () => void runSave(),
    delay,
  });

  const update = useCallback((change: (value: T) => T) => {
    if (draftRef.current === undefined) return;
    const next = change(draftRef.current);
    draftRef.current = next;
    setDraft(next);
  }, []);

  const retry = useCallback(() => {
    failedDraft.current = undefined;
    setPhase('idle');
    void runSave();
  }, [runSave]);

  /** Sets `side` aside; false (with the reason shown) when it could not be kept. */
  const setAside = useCallback(async (side: SetAside<T>): Promise<boolean> => {
    const fileKey = keyRef.current;
    if (!fileKey || !io.current.setAside) return true;
    try {
      await io.current.setAside(fileKey, side);
      return true;
    } catch (error) {
      setSaveError(
        `Nothing was changed: the other version could not be kept (${errorMessage(error)})`,
      );
      return false;
    }
  }, []);

  const keepMine = useCallback(() => {
    void (async () => {
      const current = conflictRef.current;
      if (current && !(await setAside({ whose: 'theirs', text: current.theirs }))) return;
      // The next save is based on the version on disk now, so it replaces it with the draft.
      if (current) versionRef.current = current.version;
      conflictRef.current = undefined;
      setConflict(undefined);
      setPhase('idle');
      void runSave();
    })();
  }, [runSave, setAside, setConflict]);

  const keepBoth = useCallback(
    (merged: T, { setTheirsAside = false }: { setTheirsAside?: boolean } = {}) => {
      void (async () => {
        const current = conflictRef.current;
        if (current && setTheirsAside) {
          if (!(await setAside({ whose: 'theirs', text: current.theirs }))) return;
        }
        if (current) versionRef.current = current.version;
        draftRef.current = merged;
        setDraft(merged);
        setGeneration((g) => g + 1);
        conflictRef.current = undefined;
        setConflict(undefined);
        setPhase('idle');
        void runSave();
      })();
    },
    [runSave, setAside, setConflict],
  );

  const takeTheirs = useCallback(async () => {
    const fileKey = keyRef.current;
    if (!fileKey) return;
    const mine = draftRef.current;
    if (conflictRef.current && mine !== undefined) {
      if (!(await setAside({ whose: 'mine', value: mine }))) return;
    }
    try {
      apply(await io.current.load(fileKey));
    } catch (error) {
      setSaveError(errorMessage(error));
    }
  }, [apply, setAside]);

  const fileChanged = useCallback(async () => {
    const fileKey = keyRef.current;
    if (!fileKey || draftRef.current === undefined || phaseRef.current === 'conflict') return;
    if (isDirty() || inFlight.current) {
      // Our save is based on the version we loaded, so a real change on disk shows as a conflict.
      await runSave();
      return;
    }
    try {
      const before = landed.current;
      const loaded = await io.current.load(fileKey);
      const stale = landed.current !== before;
      if (keyRef.current !== fileKey || stale || isDirty() || inFlight.current) return;
      if (loaded.version !== versionRef.current) apply(loaded);
    } catch {
      // The file may be mid-rename or removed; the screen reloads its list separately.
    }
  }, [apply, isDirty, runSave]);

  const restoreRecovered = useCallback(() => {
    const entry = recoveredRef.current;
    if (!entry || draftRef.current === undefined) return;
    if (entry.baseVersion !== versionRef.current) {
      // Based on an older version: saving it is refused with both versions, and the person
      // chooses in the conflict view, as for any change made on disk meanwhile.
      savedRef.current = entry.base;
      versionRef.current = entry.baseVersion;
      setSaved(entry.base);
    }
    draftRef.current = entry.draft;
    setDraft(entry.draft);
    setGeneration((g) => g + 1);
    setRecovered(undefined);
  }, [setRecovered]);

  const discardRecovered = useCallback(() => {
    void (async () => {
      const entry = recoveredRef.current;
      if (!entry || !(await setAside({ whose: 'unsaved', value: entry.draft }))) return;
      const journal = io.current.journal;
      if (journal && keyRef.current) journal.store.remove(journal.file(keyRef.current));
      setRecovered(undefined);
    })();
  }, [setAside, setRecovered]);

  const forgetDraft = useCallback(() => {
    const journal = io.current.journal;
    if (journal && keyRef.current) journal.store.remove(journal.file(keyRef.current));
    draftRef.current = savedRef.current;
    setDraft(savedRef.current);
  }, []);

  const followRename = useCallback(
    async <R>(rename: () => Promise<R>, renamedTo: (result: R) => string | undefined) => {
      const from = keyRef.current;
      const work = rename();
      const done = work.then(
        () => undefined,
        () => undefined,
      );
      renaming.current = done;
      try {
        const result = await work;
        const to = renamedTo(result);
        if (
          from &&
          to &&
          to !== from &&
          keyRef.current === from &&
          draftRef.current !== undefined
        ) {
          carriedTo.current = to;
          keyRef.current = to;
          const journal = io.current.journal;
          const entry = journal?.store.read(journal.file(from), journal.isValue);
          if (journal && entry) {
            journal.store.write(journal.file(to), entry);
            journal.store.remove(journal.file(from));
          }
        }
        return result;
      } finally {
        if (renaming.current === done) renaming.current = null;
      }
    },
    [],
  );

  const status: SaveStatus =
    phase === 'conflict'
      ? 'conflict'
      : phase === 'error'
        ? 'error'
        : phase === 'saving' || dirty
          ? 'saving'
          : 'saved';

  return {
    value: draft,
    loadError,
    generation,
    status,
    dirty,
    saveError,
    conflict,
    update,
    flush: runSave,
    retry,
    keepMine,
    takeTheirs,
    keepBoth,
    fileChanged,
    recovered: recovered && { changedAt: recovered.changedAt, label: recovered.label },
    restoreRecovered,
    discardRecovered,
    forgetDraft,
    followRename,
  };
}
