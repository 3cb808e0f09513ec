/**
 * Rendered Markdown kept between builds, so a rebuild renders only the bodies that changed.
 * An entry is found by a SHA-256 of everything its HTML depends on (Tandem's version, the
 * templates, the render settings and the Markdown itself) and holds the image rewrites it
 * made, which are asked again and must give the same answers for the entry to be used.
 * Other text a build derives from its input alone (a body's words for the search index, a
 * calendar file) is kept the same way, found by a SHA-256 of all it is made from.
 *
 * The file is trusted only when it is whole: it carries the SHA-256 of its own entries and
 * the stamp of the Tandem and templates that wrote it; anything else (damaged, truncated, an
 * older Tandem, other templates) is ignored and rebuilt, never used. It is one line of JSON
 * (format, stamp, checksum), then the entries as length-prefixed UTF-8 strings
 * (cache-strings.ts): tens of megabytes of HTML are written and read many times faster than as
 * JSON, which escaped every page body twice, and the same entries always give the same bytes.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeStrings, encodeStrings } from './cache-strings.js';
import { hashPlainData, sha256Hex } from './hash-plain-data.js';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';
import { z } from 'zod';
import type { RenderedMarkdown, RenderMarkdownOptions } from './render-markdown.js';

/** Bumped whenever what a cached entry means changes, so older files are ignored. */
const CACHE_FORMAT = 4;

interface Entry {
  html: string;
  firstParagraph: string;
  /** Each image source the render asked about, with the URL it got ('' when dropped). */
  images: [string, string][];
}

/** The first line of the file; `checksum`: the SHA-256 of all the bytes after it. */
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

  private constructor(
    /** Undefined for a cache that lives only as long as this run and is never written. */
    private readonly file: string | undefined,
    /** Tandem's version and the templates' bytes (cacheStamp): what every entry depends on. */
    readonly stamp: string,
    previous: { entries: Map<string, Entry>; texts: Map<string, string> },
    /** The file's checksum as read or last written, so an unchanged cache is not written again. */
    checksum: string | undefined,
  ) {
    this.#previous = previous.entries;
    this.#previousTexts = previous.texts;
    this.#checksum = checksum;
  }

  #checksum: string | undefined;

  /**
   * Opens the cache file `file` for a build stamped `stamp` (Tandem's version and templates).
   * Never throws for a bad file: it starts empty instead.
   */
  static async open(file: string, stamp: string): Promise<RenderCache> {
    const bytes = await readFile(file).catch(() => undefined);
    const read = readEntries(bytes, stamp);
    return new RenderCache(file, stamp, read, read.checksum);
  }

  /** An empty cache for one run, never read from or written to disk. */
  static unsaved(stamp: string): RenderCache {
    return new RenderCache(undefined, stamp, readEntries(undefined, stamp), undefined);
  }

  /**
   * A cache never read from or written to disk that starts with what `earlier` used, for a
   * process that runs again (the live preview); it keeps only the last run's entries, so it
   * does not grow with every save.
   */
  static following(earlier: RenderCache): RenderCache {
    const previous = { entries: earlier.#current, texts: earlier.#currentTexts };
    return new RenderCache(undefined, earlier.stamp, previous, undefined);
  }

  /**
   * The cache of a build that follows `earlier` in the same process (`tandem build --watch`):
   * it starts with what `earlier` used, as its file holds once saved, without reading it again.
   */
  static continuing(earlier: RenderCache): RenderCache {
    const previous = { entries: earlier.#current, texts: earlier.#currentTexts };
    return new RenderCache(earlier.file, earlier.stamp, previous, earlier.#checksum);
  }

  /** The file this cache is saved to, if any. */
  get path(): string | undefined {
    return this.file;
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

  /** The text `derived` would take from the cache for `inputs`, without making one. */
  peek(inputs: unknown): string | undefined {
    const key = hashPlainData(['derived', inputs], dateStandIn);
    return this.#currentTexts.get(key) ?? this.#previousTexts.get(key);
  }

  /** Keeps `text` as what `inputs` derive, in place of anything kept before. */
  put(inputs: unknown, text: string): void {
    this.#currentTexts.set(hashPlainData(['derived', inputs], dateStandIn), text);
  }

  /** Writes the entries this build used (so the file never grows with old ones), crash-safely. */
  async save(): Promise<void> {
    const content = encodeEntries(this.#current, this.#currentTexts);
    const checksum = sha256Hex(content);
    if (this.file === undefined || checksum === this.#checksum) return;
    const header = JSON.stringify({ format: CACHE_FORMAT, stamp: this.stamp, checksum });
    await mkdir(path.dirname(this.file), { recursive: true });
    // A fresh, unguessable temporary name: the check cache lives in an untrusted library, where
    // a link planted at a predictable name would be written through.
    await writeFileAtomic(this.file, [Buffer.from(`${header}\n`), content]);
    this.#checksum = checksum;
  }
}

function readEntries(
  bytes: Buffer | undefined,
  stamp: string,
): { entries: Map<string, Entry>; texts: Map<string, string>; checksum?: string } {
  const empty = { entries: new Map<string, Entry>(), texts: new Map<string, string>() };
  if (bytes === undefined) return empty;
  try {
    const end = bytes.indexOf(0x0a);
    if (end < 0) return empty;
    const header = headerSchema.safeParse(JSON.parse(bytes.toString('utf8', 0, end)));
    if (!header.success || header.data.stamp !== stamp) return empty;
    const content = bytes.subarray(end + 1);
    if (sha256Hex(content) !== header.data.checksum) return empty;
    return { ...decodeEntries(content), checksum: header.data.checksum };
  } catch {
    // Not a file this Tandem wrote (an older format, cut short): start afresh.
    return empty;
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
