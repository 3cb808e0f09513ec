/**
 * The library's sync status, kept fresh: read on open, every few seconds (cheap, this computer
 * only), after outside changes, and checked with the Git host now and then. `sync()` runs one
 * sync; with "sync automatically" on, Tandem also syncs on open and after each sign-off.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useTandemEvent } from './useTandemEvent.js';

/** Fired by the sign-off panel after a successful sign-off. */
export const SIGNED_OFF_EVENT = 'tandem:signed-off';

const AUTO_KEY = 'tandem.syncAutomatically';
const LOCAL_EVERY_MS = 4_000;
const REMOTE_EVERY_MS = 120_000;

export interface SyncStatusState {
  status: SyncStatus | null;
  syncing: boolean;
  error: string | null;
  sync(): Promise<SyncStatus | null>;
  refresh(check?: boolean): Promise<void>;
  automatic: boolean;
  setAutomatic(on: boolean): void;
}

export function useSyncStatus(): SyncStatusState {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [automatic, setAutomaticState] = useState(() => localStorage.getItem(AUTO_KEY) === 'on');
  const busy = useRef(false);

  const refresh = useCallback(async (check = false) => {
    if (busy.current) return;
    try {
      setStatus(await tandem().getSyncStatus(check));
      setError(null);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }, []);

  const sync = useCallback(async () => {
    if (busy.current) return null;
    busy.current = true;
    setSyncing(true);
    try {
      const next = await tandem().syncNow();
      setStatus(next);
      setError(null);
      return next;
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    } finally {
      busy.current = false;
      setSyncing(false);
    }
  }, []);

  const setAutomatic = useCallback((on: boolean) => {
    localStorage.setItem(AUTO_KEY, on ? 'on' : 'off');
    setAutomaticState(on);
  }, []);

  useEffect(() => {
    if (localStorage.getItem(AUTO_KEY) === 'on') void sync();
    else void refresh(true);
    const local = window.setInterval(() => void refresh(false), LOCAL_EVERY_MS);
    const remote = window.setInterval(() => void refresh(true), REMOTE_EVERY_MS);
    return () => {
      window.clearInterval(local);
      window.clearInterval(remote);
    };
  }, [refresh, sync]);

  useEffect(() => {
    const afterSignOff = () => {
      if (localStorage.getItem(AUTO_KEY) === 'on') void sync();
    };
    window.addEventListener(SIGNED_OFF_EVENT, afterSignOff);
    return () => window.removeEventListener(SIGNED_OFF_EVENT, afterSignOff);
  }, [sync]);

  useTandemEvent((event) => {
    if (event.type === 'library-changed') void refresh(false);
  });

  return { status, syncing, error, sync, refresh, automatic, setAutomatic };
}
