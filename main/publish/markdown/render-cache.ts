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
 * older Tandem, other templates) is ignored and rebuilt, never used.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { RenderedMarkdown, RenderMarkdownOptions } from './render-markdown.js';

/** Bumped whenever what a cached entry means changes, so older files are ignored. */
const CACHE_FORMAT = 2;

const entrySchema = z.object({
  html: z.string(),
  firstParagraph: z.string(),
  /** Each image source the render asked about, with the URL it got ('' when dropped). */
  images: z.array(z.tuple([z.string(), z.string()])),
});
type Entry = z.infer<typeof entrySchema>;

const fileSchema = z.object({
  format: z.literal(CACHE_FORMAT),
  stamp: z.string(),
  checksum: z.string(),
  entries: z.string(),
  texts: z.string(),
});

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export class RenderCache {
  /** Entries read from the file, and those used or made in this build (what is saved). */
  readonly #previous: Map<string, Entry>;
  readonly #current = new Map<string, Entry>();
  readonly #previousTexts: Map<string, string>;
  readonly #currentTexts = new Map<string, string>();
  /** How many renders this build took from the cache, and how many it made. */
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly stamp: string,
    previous: { entries: Map<string, Entry>; texts: Map<string, string> },
    /** The file as read, so an unchanged cache is not written again. */
    private readonly text: string | undefined,
  ) {
    this.#previous = previous.entries;
    this.#previousTexts = previous.texts;
  }

  /**
   * Opens the cache file `file` for a build stamped `stamp` (Tandem's version and templates).
   * Never throws for a bad file: it starts empty instead.
   */
  static async open(file: string, stamp: string): Promise<RenderCache> {
    const text = await readFile(file, 'utf8').catch(() => undefined);
    return new RenderCache(file, stamp, readEntries(text, stamp), text);
  }

  /** The rendered Markdown, from the cache when it holds this exact render, else from `render`. */
  render(
    markdown: string,
    options: RenderMarkdownOptions,
    render: (options: RenderMarkdownOptions) => RenderedMarkdown,
  ): RenderedMarkdown {
    const key = sha256(
      JSON.stringify([
        options.audience,
        options.headingOffset ?? 0,
        options.topHeadingLevel ?? null,
        Boolean(options.resolveImage),
        markdown,
      ]),
    );
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
    const key = sha256(JSON.stringify(inputs));
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

  /** Writes the entries this build used (so the file never grows with old ones), crash-safely. */
  async save(): Promise<void> {
    const entries = JSON.stringify(Object.fromEntries(this.#current));
    const texts = JSON.stringify(Object.fromEntries(this.#currentTexts));
    const body = JSON.stringify({
      format: CACHE_FORMAT,
      stamp: this.stamp,
      checksum: sha256(`${entries}\n${texts}`),
      entries,
      texts,
    });
    if (body === this.text) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, body);
    await rename(temp, this.file);
  }
}

function readEntries(
  text: string | undefined,
  stamp: string,
): { entries: Map<string, Entry>; texts: Map<string, string> } {
  const empty = { entries: new Map<string, Entry>(), texts: new Map<string, string>() };
  if (text === undefined) return empty;
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    if (!parsed.success || parsed.data.stamp !== stamp) return empty;
    const { data } = parsed;
    if (sha256(`${data.entries}\n${data.texts}`) !== data.checksum) return empty;
    const entries = z.record(z.string(), entrySchema).safeParse(JSON.parse(data.entries));
    const texts = z.record(z.string(), z.string()).safeParse(JSON.parse(data.texts));
    if (!entries.success || !texts.success) return empty;
    return {
      entries: new Map(Object.entries(entries.data)),
      texts: new Map(Object.entries(texts.data)),
    };
  } catch {
    // Not JSON: start afresh.
    return empty;
  }
}

/** The stamp of a build: Tandem's version and the bytes of every template it renders with. */
export function cacheStamp(tandemVersion: string, templates: readonly string[]): string {
  return sha256(JSON.stringify([CACHE_FORMAT, tandemVersion, ...templates]));
}
