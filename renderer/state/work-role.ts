/**
 * Whether the person mainly writes and teaches courses or plans terms. It only chooses which
 * screens come first; it grants nothing (the library folder's own access rights do that).
 */
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

/** The window event sent when the role changes (`useWorkRole` listens for it). */
export const WORK_ROLE_CHANGED = 'tandem-work-role';

/** Saves the role and tells every `useWorkRole` about it. */
export function chooseWorkRole(role: WorkRole): void {
  saveWorkRole(role);
  window.dispatchEvent(new Event(WORK_ROLE_CHANGED));
}

/** Where the app opens when no screen is asked for. */
export function startHash(): string {
  return readWorkRole() === 'administrator' ? '#/terms' : '';
}
