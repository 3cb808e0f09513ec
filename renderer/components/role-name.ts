/** How a trainer's role is named in the app. */
import type { TrainerRole } from '../../main/api/contract.js';

/** "peer trainer" / "Peer trainers". */
export function roleName(role: TrainerRole, plural = false): string {
  const name = role === 'peer' ? 'Peer trainer' : 'Practitioner trainer';
  return plural ? `${name}s` : name.toLowerCase();
}
