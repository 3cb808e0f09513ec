/**
 * Rendered Markdown kept between builds, so a rebuild renders only the bodies that changed.
 * An entry is found by a SHA-256 of everything its HTML depends on (Tandem's version, the
 * templates, the render settings and the Markdown itself) and holds the image rewrites it
 * made, which are asked again and must give the same answers for the entry to be used.
 * Other text a build derives from its input alone (a body's words for the search index, a
 * calendar file) is kept the same way, found by a SHA-256 of all it is made from.
 *
 * The cache is a folder of 64 files (SHARDS), each holding the entries whose keys start the
 * same way, so a rebuild after one edit rewrites the few files its new and dropped entries fall in,
 * not tens of megabytes. A file is trusted only when it is whole: it carries the SHA-256 of its
 * own entries and the stamp of the Tandem and templates that wrote it; anything else (damaged,
 * truncated, an older Tandem, other templates, a symbolic link) is ignored and rebuilt, never
 * used. Entries are found by what they are made from, so files written by different builds
 * (one save cut short) still never give a wrong answer. Each file is one line of JSON (format,
 * stamp, checksum), then its entries as length-prefixed UTF-8 strings (cache-strings.ts): tens
 * of megabytes of HTML are written and read many times faster than as JSON, and the same
 * entries always give the same bytes.
 */
import { constants } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { decodeStrings, encodeStrings } from './cache-strings.js';
import { hashPlainData, sha256Hex } from './hash-plain-data.js';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import { z } from 'zod';
import type { RenderedMarkdown, RenderMarkdownOptions } from './render-markdown.js';

/** Bumped whenever what a cached entry means changes, so older files are ignored. */
const CACHE_FORMAT = 5;

/** How many files the entries are spread over, by the first two hex digits of their keys. */
const SHARDS = 64;

/** The file of shard `index` in the cache folder. */
export function shardFile(folder: string, index: number): string {
  return path.join(folder, `${index.toString(16).padStart(2, '0')}.cache`);
}

/** The shard of a key: a hex SHA-256, so its first digits are spread evenly. */
function shardOf(key: string): number {
  return Math.floor((Number.parseInt(key.slice(0, 2), 16) * SHARDS) / 256) || 0;
}

interface Entry {
  html: string;
  firstParagraph: string;
  /** Each image source the render asked about, with the URL it got ('' when dropped). */
  images: [string, string][];
}

/** What one shard holds: renders and derived texts by key. */
interface Shard {
  entries: Map<string, Entry>;
  texts: Map<string, string>;
}

const emptyShard = (): Shard => ({ entries: new Map(), texts: new Map() });

/**
 * What each shard's file holds now, as far as this process knows: undefined for a file that is
 * missing or was not trusted (so it is written even when nothing would go in it).
 */
type OnDisk = (Shard | undefined)[];

/** The first line of a file; `checksum`: the SHA-256 of all the bytes after it. */
const headerSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  stamp: z.string(),
  checksum: z.string(),
});

/** A Date in a cache key (a calendar's DTSTAMP) stands for its time. */
const dateStandIn = (value: object): string | undefined =>
  value instanceof Date ? `Date ${value.getTime()}` : undefined;

export class RenderCache {
  /** Entries read from the file, and those used or made in this build (what is saved). */
  readonly #previous: Map<string, Entry>;
  readonly #current = new Map<string, Entry>();
  readonly #previousTexts: Map<string, string>;
  readonly #currentTexts = new Map<string, string>();
  /** How many renders this build took from the cache, and how many it made. */
  hits = 0;
  misses = 0;
  /** The keys of the renders looked up while `tracking` runs. */
  #tracked: string[] | undefined;
  /** The keys of the derived texts asked for while `recordTexts` is on. */
  #recordedTexts: string[] | undefined;

  private constructor(
    /** The cache folder; undefined for a cache that lives only as long as this run. */
    private readonly folder: string | undefined,
    /** Tandem's version and the templates' bytes (cacheStamp): what every entry depends on. */
    readonly stamp: string,
    previous: Shard,
    /** What the folder's files hold, so a shard that would be written the same is not. */
    onDisk: OnDisk,
  ) {
    this.#previous = previous.entries;
    this.#previousTexts = previous.texts;
    this.#onDisk = onDisk;
  }

  #onDisk: OnDisk;

  /**
   * Opens the cache folder `folder` for a build stamped `stamp` (Tandem's version and
   * templates). Never throws for a bad file: what it held is left out instead.
   */
  static async open(folder: string, stamp: string): Promise<RenderCache> {
    // The one file earlier builds kept it in, beside the folder: megabytes nothing reads now.
    await rm(`${folder}.cache`, { force: true }).catch(() => undefined);
    const onDisk = await Promise.all(
      Array.from({ length: SHARDS }, async (_, index) =>
        readShard(await readUnlinked(shardFile(folder, index)), stamp),
      ),
    );
    const previous = emptyShard();
    for (const shard of onDisk) {
      if (!shard) continue;
      for (const [key, entry] of shard.entries) previous.entries.set(key, entry);
      for (const [key, text] of shard.texts) previous.texts.set(key, text);
    }
    return new RenderCache(folder, stamp, previous, onDisk);
  }

  /** An empty cache for one run, never read from or written to disk. */
  static unsaved(stamp: string): RenderCache {
    return new RenderCache(undefined, stamp, emptyShard(), []);
  }

  /**
   * A cache never read from or written to disk that starts with what `earlier` used, for a
   * process that runs again (the live preview); it keeps only the last run's entries, so it
   * does not grow with every save.
   */
  static following(earlier: RenderCache): RenderCache {
    const previous = { entries: earlier.#current, texts: earlier.#currentTexts };
    return new RenderCache(undefined, earlier.stamp, previous, []);
  }

  /**
   * The cache of a build that follows `earlier` in the same process (`tandem build --watch`):
   * it starts with what `earlier` used, as its folder holds once saved, without reading it again.
   */
  static continuing(earlier: RenderCache): RenderCache {
    const previous = { entries: earlier.#current, texts: earlier.#currentTexts };
    return new RenderCache(earlier.folder, earlier.stamp, previous, earlier.#onDisk);
  }

  /** The folder this cache is saved to, if any. */
  get path(): string | undefined {
    return this.folder;
  }

  /** The rendered Markdown, from the cache when it holds this exact render, else from `render`. */
  render(
    markdown: string,
    options: RenderMarkdownOptions,
    render: (options: RenderMarkdownOptions) => RenderedMarkdown,
  ): RenderedMarkdown {
    const key = hashPlainData([
      'render',
      options.audience,
      options.headingOffset ?? 0,
      options.topHeadingLevel ?? null,
      Boolean(options.resolveImage),
      markdown,
    ]);
    this.#tracked?.push(key);
    const known = this.#current.get(key) ?? this.#previous.get(key);
    const resolve = options.resolveImage;
    // Asking again also repeats what resolving does besides answering (noting used images).
    const answer = (src: string): string => (resolve ? (resolve(src) ?? '') : src);
    if (known && known.images.every(([src, url]) => answer(src) === url)) {
      this.hits += 1;
      this.#current.set(key, known);
      return { html: known.html, firstParagraph: known.firstParagraph };
    }
    this.misses += 1;
    const images: [string, string][] = [];
    const rendered = render({
      ...options,
      resolveImage: (src) => {
        const url = answer(src);
        images.push([src, url]);
        return url;
      },
    });
    this.#current.set(key, { ...rendered, images });
    return rendered;
  }

  /**
   * The text `make` returns for `inputs`, from the cache when an earlier build made it from
   * the same inputs. `inputs` must hold everything the text depends on besides Tandem itself
   * (JSON-like data, which is what the key is made of).
   */
  derived(inputs: unknown, make: () => string): string {
    const key = hashPlainData(['derived', inputs], dateStandIn);
    this.#recordedTexts?.push(key);
    let text = this.#currentTexts.get(key) ?? this.#previousTexts.get(key);
    if (text === undefined) {
      this.misses += 1;
      text = make();
    } else {
      this.hits += 1;
    }
    this.#currentTexts.set(key, text);
    return text;
  }

  /** `run`'s value, and the keys of the renders it looked up (to `keepRenders` them next time). */
  tracking<T>(run: () => T): { value: T; renders: string[] } {
    const outer = this.#tracked;
    const renders: string[] = [];
    this.#tracked = renders;
    try {
      return { value: run(), renders };
    } finally {
      this.#tracked = outer;
    }
  }

  /**
   * Keeps the renders `keys` (from `tracking` in an earlier build) as if looked up again, for
   * pages left as they are; false when one is no longer held.
   */
  keepRenders(keys: readonly string[]): boolean {
    for (const key of keys) {
      const known = this.#current.get(key) ?? this.#previous.get(key);
      if (!known) return false;
      this.#current.set(key, known);
    }
    return true;
  }

  /** While `keys` is set, the key of every text `derived` is asked for is added to it. */
  recordTexts(keys: string[] | undefined): void {
    this.#recordedTexts = keys;
  }

  /**
   * Keeps the derived texts `keys` (recorded in an earlier build) as if asked for again, for
   * what is taken over unchanged; false when one is no longer held.
   */
  keepTexts(keys: readonly string[]): boolean {
    for (const key of keys) {
      const text = this.#currentTexts.get(key) ?? this.#previousTexts.get(key);
      if (text === undefined) return false;
      this.#currentTexts.set(key, text);
    }
    return true;
  }

  /** The text `derived` would take from the cache for `inputs`, without making one. */
  peek(inputs: unknown): string | undefined {
    const key = hashPlainData(['derived', inputs], dateStandIn);
    return this.#currentTexts.get(key) ?? this.#previousTexts.get(key);
  }

  /** Keeps `text` as what `inputs` derive, in place of anything kept before. */
  put(inputs: unknown, text: string): void {
    this.#currentTexts.set(hashPlainData(['derived', inputs], dateStandIn), text);
  }

  /**
   * Writes the entries this build used (so the files never grow with old ones), crash-safely,
   * into the shards whose files do not hold exactly those already.
   */
  async save(): Promise<void> {
    const { folder } = this;
    if (folder === undefined) return;
    const shards = Array.from({ length: SHARDS }, emptyShard);
    for (const [key, entry] of this.#current) shards[shardOf(key)]?.entries.set(key, entry);
    for (const [key, text] of this.#currentTexts) shards[shardOf(key)]?.texts.set(key, text);
    // A copy of its own, brought up to date as each file is written (even if another fails).
    const onDisk = [...this.#onDisk];
    this.#onDisk = onDisk;
    const changed = [...shards.entries()].filter(
      ([index, shard]) => !holdsSame(onDisk[index], shard),
    );
    if (changed.length === 0) return;
    await mkdir(folder, { recursive: true });
    // All at once: each file is flushed to disk, which on a slow drive is most of the time.
    await Promise.all(
      changed.map(async ([index, shard]) => {
        const content = encodeEntries(shard.entries, shard.texts);
        const checksum = sha256Hex(content);
        const header = JSON.stringify({ format: CACHE_FORMAT, stamp: this.stamp, checksum });
        // A fresh, unguessable temporary name: the check cache lives in an untrusted library,
        // where a link planted at a predictable name would be written through.
        await writeFileAtomic(shardFile(folder, index), [Buffer.from(`${header}\n`), content]);
        onDisk[index] = shard;
      }),
    );
  }
}

/** Whether a shard's file, as known, holds exactly `shard` (the same entries, by identity). */
function holdsSame(file: Shard | undefined, shard: Shard): boolean {
  if (!file) return false;
  if (file.entries.size !== shard.entries.size || file.texts.size !== shard.texts.size)
    return false;
  for (const [key, entry] of shard.entries) if (file.entries.get(key) !== entry) return false;
  for (const [key, text] of shard.texts) if (file.texts.get(key) !== text) return false;
  return true;
}

/** Far more than a shard of the largest library Tandem publishes holds. */
const MAX_SHARD_BYTES = 256 * 1024 * 1024;

/**
 * The bytes of the regular file `file`, never through a symbolic link (a library is untrusted,
 * and its cache must not read what a planted link points at, nor wait on a planted pipe);
 * undefined when it cannot be read so.
 */
async function readUnlinked(file: string): Promise<Buffer | undefined> {
  // Each flag is 0 where the system has none (Windows, where links need rights to make).
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(file, flags).catch(() => undefined);
  if (!handle) return undefined;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_SHARD_BYTES) return undefined;
    return await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** What a shard file holds, or undefined when it is missing or not to be trusted. */
function readShard(bytes: Buffer | undefined, stamp: string): Shard | undefined {
  if (bytes === undefined) return undefined;
  try {
    const end = bytes.indexOf(0x0a);
    if (end < 0) return undefined;
    const header = headerSchema.safeParse(JSON.parse(bytes.toString('utf8', 0, end)));
    if (!header.success || header.data.stamp !== stamp) return undefined;
    const content = bytes.subarray(end + 1);
    if (sha256Hex(content) !== header.data.checksum) return undefined;
    return decodeEntries(content);
  } catch {
    // Not a file this Tandem wrote (an older format, cut short): start afresh.
    return undefined;
  }
}

/**
 * The entries, then the texts, each sorted by key (the same entries always make the same
 * bytes): a count, then per entry its key, HTML, first paragraph, image count and image pairs;
 * a count, then per text its key and text.
 */
function encodeEntries(entries: Map<string, Entry>, texts: Map<string, string>): Buffer {
  const strings: string[] = [String(entries.size)];
  for (const [key, entry] of [...entries].sort(byKey)) {
    strings.push(key, entry.html, entry.firstParagraph, String(entry.images.length));
    for (const [src, url] of entry.images) strings.push(src, url);
  }
  strings.push(String(texts.size));
  for (const [key, text] of [...texts].sort(byKey)) strings.push(key, text);
  return encodeStrings(strings);
}

/** What encodeEntries wrote; throws when the bytes do not hold exactly that. */
function decodeEntries(bytes: Uint8Array): {
  entries: Map<string, Entry>;
  texts: Map<string, string>;
} {
  const strings = decodeStrings(bytes);
  let at = 0;
  const next = (): string => {
    const value = strings[at++];
    if (value === undefined) throw new Error('the cache ends too soon');
    return value;
  };
  const count = (): number => {
    const n = Number(next());
    if (!Number.isSafeInteger(n) || n < 0) throw new Error('not a count');
    return n;
  };
  const entries = new Map<string, Entry>();
  for (let i = count(); i > 0; i--) {
    const key = next();
    const html = next();
    const firstParagraph = next();
    const images: [string, string][] = [];
    for (let j = count(); j > 0; j--) images.push([next(), next()]);
    entries.set(key, { html, firstParagraph, images });
  }
  const texts = new Map<string, string>();
  for (let i = count(); i > 0; i--) texts.set(next(), next());
  if (at !== strings.length) throw new Error('the cache holds more than it says');
  return { entries, texts };
}

function byKey<V>([a]: [string, V], [b]: [string, V]): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stamp of a build: Tandem's version and the bytes of every template it renders with. */
export function cacheStamp(tandemVersion: string, templates: readonly string[]): string {
  return sha256Hex(JSON.stringify([CACHE_FORMAT, tandemVersion, ...templates]));
}
