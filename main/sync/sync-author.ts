/**
 * Who a sync's commits are by: the person chosen in Tandem's profile (their name from
 * trainers.yml), otherwise the name in git's settings (the working copy's, then the person's own).
 */
import { loadTrainers } from '../library/load-trainers.js';
import type { ConfigDirOptions } from '../signoff/config-dir.js';
import { getIdentity } from '../signoff/identity.js';
import { readUserConfig, type GitAuthor } from './git-engine.js';

/** The author for commits made by syncing the library at `dir`. */
export async function syncAuthor(dir: string, options: ConfigDirOptions = {}): Promise<GitAuthor> {
  const email = (await readUserConfig(dir, 'user.email', options.env)) ?? '';
  const { trainerId } = await getIdentity(options);
  if (trainerId) {
    const { trainers } = await loadTrainers(dir);
    const trainer = trainers?.find((t) => t.id === trainerId);
    if (trainer) return { name: trainer.name, email };
  }
  return { name: (await readUserConfig(dir, 'user.name', options.env)) ?? 'A Tandem user', email };
}
