/**
 * Loads one planning file (a term, college.yml, trainers.yml) and saves changes to it one at a
 * time. A save is refused when the file changed on disk since it was read: the change is kept
 * and the person chooses to apply it to the latest version or drop it. Changes made elsewhere
 * are loaded as they happen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveResult } from '../../main/api/contract.js';
import { errorMessage } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { useTandemEvent } from './useTandemEvent.js';

export interface PlanningFile<D> {
  doc: D | undefined;
  loadError: string | undefined;
  /** Set while a change waits because the file changed on disk. */
  conflict: { what: string; retry(): Promise<void>; drop(): void } | undefined;
  saveError: string | undefined;
  busy: boolean;
  /** Reads the file again, e.g. after it was fixed as text: what is on disk now (undefined when unreadable). */
  reload(): Promise<D | undefined>;
  /** Applies `change` to the document as loaded now and saves it; true when it landed. */
  save(what: string, change: (doc: D) => Promise<SaveResult>): Promise<boolean>;
}

/** `file` is library-relative, to notice outside changes to it. */
export function usePlanningFile<D>(file: string, read: () => Promise<D>): PlanningFile<D> {
  const { refreshLibrary, announce } = useApp();
  const [doc, setDoc] = useState<D | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState<PlanningFile<D>['conflict']>(undefined);
  const [busy, setBusy] = useState(false);
  const readRef = useRef(read);
  readRef.current = read;
  const docRef = useRef<D | undefined>(undefined);

  const load = useCallback(async () => {
    try {
      const loaded = await readRef.current();
      docRef.current = loaded;
      setDoc(loaded);
      setLoadError(undefined);
      return loaded;
    } catch (error) {
      setLoadError(errorMessage(error));
      return undefined;
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  useTandemEvent((event) => {
    if (event.type === 'library-changed' && event.files.some((f) => f === file)) void load();
  });

  const save = useCallback(
    async (what: string, change: (doc: D) => Promise<SaveResult>): Promise<boolean> => {
      const current = docRef.current;
      if (!current) return false;
      setBusy(true);
      setSaveError(undefined);
      try {
        const result = await change(current);
        if (!result.ok) {
          setConflict({
            what,
            drop: () => {
              setConflict(undefined);
              void load();
            },
            retry: async () => {
              setConflict(undefined);
              const latest = await load();
              if (latest) await save(what, change);
            },
          });
          announce(`${file} was changed by someone else, so ${what} was not saved yet.`);
          return false;
        }
        await load();
        await refreshLibrary();
        announce(`Saved: ${what}.`);
        return true;
      } catch (error) {
        setSaveError(`${what} could not be saved: ${errorMessage(error)}`);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [announce, file, load, refreshLibrary],
  );

  return { doc, loadError, conflict, saveError, busy, save, reload: load };
}
