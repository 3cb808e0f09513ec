/**
 * Crash-safe file writes: the new content goes to a temporary file in the same folder, is
 * flushed to disk, and then renamed over the old file. A rename within one folder is atomic, so
 * a reader (or a crash at any moment) sees either the old file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files are named like this so watchers and listings can skip them. */
export const TEMP_FILE_PATTERN = /^\..+\.tandem-[0-9a-f]{12}\.tmp$/;

/** A lock taken while `file` is written (`.<name>.lock`), named so watchers can skip it. */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

/** Names of the locks made by `lockPathFor`. */
export const LOCK_FILE_PATTERN = /^\..+\.lock$/;

/** The temporary file name used while writing `file`. */
export function tempPathFor(file: string): string {
  const name = `.${path.basename(file)}.tandem-${randomBytes(6).toString('hex')}.tmp`;
  return path.join(path.dirname(file), name);
}

/** Flushes a folder's entry list, so a finished rename survives a power cut (POSIX only). */
async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return; // Windows cannot open folders for fsync.
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Told of each library file just before it is written, so the app can tell its own writes from
 * other people's changes (main/api/own-writes.ts).
 */
export type OnWrite = (file: string, content: string | Uint8Array) => void;

export interface WriteAtomicOptions {
  /** File mode for a new file; an existing file keeps its mode. Default 0o644 (before umask). */
  mode?: number;
}

/**
 * Writes `data` to `file` atomically (temp file, fsync, rename, fsync the folder). On failure
 * the temporary file is removed and the old file is left untouched.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | readonly Uint8Array[],
  options: WriteAtomicOptions = {},
): Promise<void> {
  const existing = await stat(file).catch(() => undefined);
  const mode = existing ? existing.mode & 0o7777 : (options.mode ?? 0o644);
  const temp = tempPathFor(file);
  // `wx`: the random temp name must be new; never write through something planted there.
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      // Parts are written one after another, so a large file is never copied into one buffer.
      if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
      else for (const part of data) await handle.writeFile(part);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(path.dirname(file));
}
