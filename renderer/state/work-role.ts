/**
 * Whether the person mainly writes and teaches courses or plans terms. It only chooses which
 * screens come first; it grants nothing (the library folder's own access rights do that).
 */
import { useEffect, useState } from 'react';

export type WorkRole = 'trainer' | 'administrator';

const KEY = 'tandem.workRole';

/** The role chosen on this computer; trainer until someone says otherwise. */
export function readWorkRole(): WorkRole {
  try {
    return window.localStorage.getItem(KEY) === 'administrator' ? 'administrator' : 'trainer';
  } catch {
    return 'trainer'; // storage can be switched off; the app still works
  }
}

export function saveWorkRole(role: WorkRole): void {
  try {
    window.localStorage.setItem(KEY, role);
  } catch {
    // Not remembered on this computer; the choice still applies until the app closes.
  }
}

const CHANGED = 'tandem-work-role';

/** Saves the role and tells every `useWorkRole` about it. */
export function chooseWorkRole(role: WorkRole): void {
  saveWorkRole(role);
  window.dispatchEvent(new Event(CHANGED));
}

/** The current role, updated when the profile changes it. */
export function useWorkRole(): WorkRole {
  const [role, setRole] = useState(readWorkRole);
  useEffect(() => {
    const update = () => setRole(readWorkRole());
    window.addEventListener(CHANGED, update);
    return () => window.removeEventListener(CHANGED, update);
  }, []);
  return role;
}

/** Where the app opens when no screen is asked for. */
export function startHash(): string {
  return readWorkRole() === 'administrator' ? '#/terms' : '';
}
