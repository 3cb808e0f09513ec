/**
 * The recovered-text store: whenever a person resolves a conflict by keeping one side (or
 * discards unsaved text), the other side is kept in `<library>/.tandem/recovered/` as a dated
 * Markdown file, listed in the app until someone deletes it. Files are named only from the time
 * and random digits, never from anything the UI sends, so no path from outside is ever used.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import type { NewRecoveredText, RecoveredText } from '../contract.js';
import { TandemApiError } from '../api-error.js';
import { RECOVERED_ID_PATTERN } from '../../format/ids.js';
import { linkMessage, linkOnPath } from '../../fs/symbolic-links.js';
import { splitFrontMatter } from '../../format/front-matter-fences.js';
import { readLibraryFile } from '../../library/read-library-file.js';
import { MAX_YAML_ALIASES } from '../../library/read-yaml-file.js';
import type { ApiContext } from './api-context.js';

/** Library-relative folder of the store (forward slashes). */
export const RECOVERED_FOLDER = '.tandem/recovered';

/** The most the list returns (newest first); older copies stay on disk. */
const LIST_LIMIT = 200;

async function storeDir(context: ApiContext): Promise<string> {
  const link = await linkOnPath(context.root, RECOVERED_FOLDER);
  if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
  return path.join(context.root, ...RECOVERED_FOLDER.split('/'));
}

function fileOf(dir: string, id: string): string {
  if (!RECOVERED_ID_PATTERN.test(id)) {
    throw new TandemApiError('invalid-argument', `"${id}" is not a recovered text.`);
  }
  return path.join(dir, `${id}.md`);
}

/** A kept copy's id: when it was kept, and 32 random bits (RECOVERED_ID_PATTERN). */
export const newId = (now: Date): string =>
  `${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z-${randomBytes(4).toString('hex')}`;

/** The file's text: its details as front matter, then the text exactly as it was. */
export function recoveredFileText(entry: Omit<RecoveredText, 'id'>): string {
  const details = {
    file: entry.file,
    what: entry.what,
    reason: entry.reason,
    keptAt: entry.keptAt,
  };
  return `---\n${stringify(details)}---\n${entry.text}`;
}

/** Reads one stored file back; undefined when it is not one Tandem wrote. */
export function parseRecoveredFile(id: string, text: string): RecoveredText | undefined {
  const split = splitFrontMatter(text);
  if (split.frontMatter === undefined) return undefined;
  let details: unknown;
  try {
    details = parse(split.frontMatter, { maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    return undefined;
  }
  if (typeof details !== 'object' || details === null) return undefined;
  const { file, what, reason, keptAt } = details as Record<string, unknown>; // cast: an object, checked field by field
  if (![file, what, reason, keptAt].every((value) => typeof value === 'string')) return undefined;
  return {
    id,
    file: file as string, // cast: each checked to be a string just above
    what: what as string,
    reason: reason as string,
    keptAt: keptAt as string,
    text: split.body,
  };
}

/** Keeps a text that is about to leave the editor or the disk. */
export async function keepRecoveredText(
  context: ApiContext,
  entry: NewRecoveredText,
): Promise<RecoveredText> {
  const dir = await storeDir(context);
  await mkdir(dir, { recursive: true });
  const now = new Date();
  const id = newId(now);
  const kept: RecoveredText = { id, ...entry, keptAt: now.toISOString() };
  await context.writeFile(fileOf(dir, id), recoveredFileText(kept));
  return kept;
}

/** Every kept text, newest first. */
export async function listRecoveredTexts(context: ApiContext): Promise<RecoveredText[]> {
  const dir = await storeDir(context);
  const names = await readdir(dir).catch(() => [] as string[]);
  const ids = names
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length))
    .filter((id) => RECOVERED_ID_PATTERN.test(id))
    .sort()
    .reverse()
    .slice(0, LIST_LIMIT);
  const texts: RecoveredText[] = [];
  for (const id of ids) {
    // Read as any library file: a link, an oversized file or one removed meanwhile (another
    // window deleted it) is simply not listed, so nothing outside the library is ever shown.
    const { text } = await readLibraryFile(context.root, `${RECOVERED_FOLDER}/${id}.md`);
    const parsed = text === undefined ? undefined : parseRecoveredFile(id, text);
    if (parsed) texts.push(parsed);
  }
  return texts;
}

/** Deletes one kept text; deleting one that is already gone is not an error. */
export async function deleteRecoveredText(context: ApiContext, id: string): Promise<void> {
  const dir = await storeDir(context);
  await rm(fileOf(dir, id), { force: true });
}
