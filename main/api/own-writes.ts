/**
 * Remembers what the app itself last wrote, so the library watcher can tell the app's own
 * saves from changes made by someone else (another trainer on the shared drive, a Git pull).
 * Matching is by content, not by time: an outside change that lands right after a save is
 * still reported.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

/** What a path should look like after the app's own change. */
export type ExpectedState = { kind: 'file'; version: string } | { kind: 'dir' } | { kind: 'gone' };

/** Content version of file bytes: `sha256:` + hex, as the contract's FileVersion. */
export function versionOf(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

async function currentState(file: string): Promise<ExpectedState> {
  const info = await stat(file).catch(() => undefined);
  if (!info) return { kind: 'gone' };
  if (info.isDirectory()) return { kind: 'dir' };
  // The file may vanish or be renamed between stat and read (a reorder, a co-author's sync).
  const bytes = await readFile(file).catch(() => undefined);
  return bytes ? { kind: 'file', version: versionOf(bytes) } : { kind: 'gone' };
}

/** Registry of the app's own writes, keyed by absolute path. */
export class OwnWrites {
  readonly #expected = new Map<string, ExpectedState>();

  /** Records that the app just wrote `content` to `file`. */
  wroteFile(file: string, content: Uint8Array | string): void {
    this.#expected.set(path.resolve(file), { kind: 'file', version: versionOf(content) });
  }

  /** Records that the app just made the folder `dir`. */
  madeDir(dir: string): void {
    this.#expected.set(path.resolve(dir), { kind: 'dir' });
  }

  /** Records that the app just removed (or renamed away) `file`. */
  removed(file: string): void {
    this.#expected.set(path.resolve(file), { kind: 'gone' });
  }

  /** True when `file` is exactly as the app's own last change left it. */
  async isOwn(file: string): Promise<boolean> {
    const expected = this.#expected.get(path.resolve(file));
    if (!expected) return false;
    const now = await currentState(path.resolve(file));
    if (now.kind !== expected.kind) return false;
    return now.kind !== 'file' || (expected.kind === 'file' && now.version === expected.version);
  }
}
