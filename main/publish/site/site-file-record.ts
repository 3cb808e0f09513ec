/**
 * What the last build left in the site folder: each file's size, change times, inode and the
 * SHA-256 of the bytes it wrote, kept beside the render cache. A rebuild that makes the same
 * bytes for a file whose metadata still match leaves it alone without reading it back. Anything
 * else reads the file as before: a file changed since (its change time moves, and no one can
 * set that), one written too close to when the record was saved to tell (as Git's "racy"
 * entries), and every file when the record is damaged or from another Tandem. A file read back
 * that still hashes to what the record says was written from an unchanged page key is left
 * alone too, without making its bytes again.
 */
import type { Stats } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import path from 'node:path';
import { z } from 'zod';

/** Bumped whenever what an entry means changes, so older records are ignored. */
const RECORD_FORMAT = 2;

/** A file changed within this long of the record being saved is always read back. */
const RACY_MS = 3000;

const entrySchema = z.tuple([
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.string(),
  z.string(),
]);
const recordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  stamp: z.string(),
  savedAt: z.number(),
  files: z.record(z.string(), entrySchema),
});

/**
 * size, mtimeMs, ctimeMs, ino and SHA-256 (hex) of one file, and the key of the page it was
 * made from ('' for other files: rendered-page.ts).
 */
type Entry = z.infer<typeof entrySchema>;

export class SiteFileRecord {
  readonly #previous: ReadonlyMap<string, Entry>;
  /** Entries written too close to the save for their times to be trusted. */
  readonly #racy: ReadonlySet<string>;
  readonly #current = new Map<string, Entry>();

  private constructor(
    private readonly file: string,
    private readonly stamp: string,
    previous: ReadonlyMap<string, Entry>,
    racy: ReadonlySet<string>,
  ) {
    this.#previous = previous;
    this.#racy = racy;
  }

  /** Reads the record at `file` made by a build stamped `stamp`; empty when none is trusted. */
  static async open(file: string, stamp: string): Promise<SiteFileRecord> {
    const previous = new Map<string, Entry>();
    const racy = new Set<string>();
    try {
      const parsed = recordSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success && parsed.data.stamp === stamp) {
        for (const [target, entry] of Object.entries(parsed.data.files)) {
          previous.set(target, entry);
          // Too close to the save to know that a later change would show in the times.
          if (
            entry[1] >= parsed.data.savedAt - RACY_MS ||
            entry[2] >= parsed.data.savedAt - RACY_MS
          )
            racy.add(target);
        }
      }
    } catch {
      // No record, or not one this Tandem wrote: every file is read back instead.
    }
    return new SiteFileRecord(file, stamp, previous, racy);
  }

  /** The entry of `target` when the file, as `info` describes it now, is as the record says. */
  #unchanged(target: string, info: Stats): Entry | undefined {
    const entry = this.#previous.get(target);
    if (
      !entry ||
      this.#racy.has(target) ||
      entry[0] !== info.size ||
      entry[1] !== info.mtimeMs ||
      entry[2] !== info.ctimeMs ||
      entry[3] !== info.ino
    )
      return undefined;
    return entry;
  }

  /**
   * True when `target`, as `info` describes it now, holds exactly the bytes hashed `hash`, made
   * this time from page key `key`. The key is recorded: a page whose key changed but whose bytes
   * did not (a template edit that leaves it as it was) is known by its new key next time.
   */
  holds(target: string, info: Stats, hash: string, key: string): boolean {
    const entry = this.#unchanged(target, info);
    if (entry?.[4] !== hash) return false;
    this.#current.set(target, [entry[0], entry[1], entry[2], entry[3], hash, key]);
    return true;
  }

  /**
   * True when `target`, as `info` describes it now, was made from the page key `key`. When its
   * times cannot be trusted, `hashNow` (the SHA-256 of the file's bytes now) must match the hash
   * the record says the page made.
   */
  madeFrom(target: string, info: Stats, key: string, hashNow: () => string): boolean {
    const entry = this.#previous.get(target);
    if (key === '' || entry?.[5] !== key) return false;
    if (this.#unchanged(target, info)) {
      this.#current.set(target, entry);
      return true;
    }
    if (hashNow() !== entry[4]) return false;
    this.note(target, info, entry[4], key);
    return true;
  }

  /** Notes that `target` now holds the bytes hashed `hash`, made from page key `key`. */
  note(target: string, info: Stats, hash: string, key: string): void {
    this.#current.set(target, [info.size, info.mtimeMs, info.ctimeMs, info.ino, hash, key]);
  }

  /** Writes the record of this build's files, crash-safely. */
  async save(): Promise<void> {
    const files = Object.fromEntries([...this.#current].sort(([a], [b]) => (a < b ? -1 : 1)));
    const body = JSON.stringify({
      format: RECORD_FORMAT,
      stamp: this.stamp,
      savedAt: Date.now(),
      files,
    });
    await mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, body);
  }
}
