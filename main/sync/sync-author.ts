/**
 * Who a sync's commits are by: the person chosen in Tandem's profile (their name from
 * trainers.yml), otherwise the name in the working copy's git settings.
 */
import { loadTrainers } from '../library/load-trainers.js';
import type { ConfigDirOptions } from '../signoff/config-dir.js';
import { getIdentity } from '../signoff/identity.js';
import { readConfig, type GitAuthor } from './git-engine.js';

/** The author for commits made by syncing the library at `dir`. */
export async function syncAuthor(dir: string, options: ConfigDirOptions = {}): Promise<GitAuthor> {
  const email = (await readConfig(dir, 'user.email')) ?? '';
  const { trainerId } = await getIdentity(options);
  if (trainerId) {
    const { trainers } = await loadTrainers(dir);
    const trainer = trainers?.find((t) => t.id === trainerId);
    if (trainer) return { name: trainer.name, email };
  }
  return { name: (await readConfig(dir, 'user.name')) ?? 'A Tandem user', email };
}
