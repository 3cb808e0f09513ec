/** "Who am I" on this computer: the roster id chosen in the app, kept in identity.json. */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import type { Identity } from './types.js';
import { ID_PATTERN } from '../format/ids.js';
import { tandemConfigDir, type ConfigDirOptions } from './config-dir.js';
import { hasTrainerKey } from './key-store.js';

function identityPath(options: ConfigDirOptions): string {
  return path.join(tandemConfigDir(options), 'identity.json');
}

/** Reads who uses Tandem here and whether they hold a private key; unset until chosen. */
export async function getIdentity(options: ConfigDirOptions = {}): Promise<Identity> {
  let trainerId: string | null = null;
  try {
    const parsed: unknown = JSON.parse(await readFile(identityPath(options), 'utf8'));
    const id = (parsed as { trainerId?: unknown } | null)?.trainerId; // cast: checked just below
    if (typeof id === 'string' && ID_PATTERN.test(id)) trainerId = id;
  } catch {
    // Missing or unreadable: nobody has been chosen yet.
  }
  return { trainerId, hasKey: trainerId ? await hasTrainerKey(trainerId, options) : false };
}

/** Records who uses Tandem on this computer (written atomically). */
export async function setIdentity(
  trainerId: string,
  options: ConfigDirOptions = {},
): Promise<Identity> {
  if (!ID_PATTERN.test(trainerId)) throw new Error(`"${trainerId}" is not a trainer id.`);
  const file = identityPath(options);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFileAtomic(file, `${JSON.stringify({ trainerId }, null, 2)}\n`, { mode: 0o600 });
  return getIdentity(options);
}
