/**
 * Reads and appends `<course-id>/signoffs.yml`: an append-only YAML list of signed records.
 * Appending never changes a byte of the earlier records, so a shared drive or Git history
 * shows every sign-off ever made.
 */
import { readFileSync } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, stringify } from 'yaml';
import { refuseLinks, refuseLinksSync } from '../fs/symbolic-links.js';
import { lockPathFor, writeFileAtomic, type OnWrite } from '../fs/write-file-atomic.js';
import type { Problem, TrainerRole } from '../library/types.js';
import type { SignoffRecord } from './types.js';
import { formatProblem } from '../format/problems.js';

export const SIGNOFFS_FILE = 'signoffs.yml';

/** A record as read from the file, with where it is and what is wrong with its shape. */
export interface ReadRecord extends SignoffRecord {
  /** 1-based line where the record starts. */
  line: number;
  /** Plain words when the record's fields are missing, mistyped or unexpected. */
  malformed?: string;
}

export interface SignoffsFile {
  records: ReadRecord[];
  /** Problems with the file as a whole (YAML syntax, not a list). */
  problems: Problem[];
}

const FIELDS = ['trainer', 'role', 'version', 'time', 'comment', 'signature'] as const;
const REQUIRED = ['trainer', 'role', 'version', 'time', 'signature'] as const;

const HEADER =
  '# Sign-off records for this course, written by Tandem. Each record is signed by the\n' +
  '# author named in it: editing a record makes it stop counting. New records go at the end.\n';

/** Parses signoffs.yml text. `file` is the library-relative path used in problems. */
export function parseSignoffs(text: string, file: string): SignoffsFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    problems.push({
      file,
      line: Math.max(pos.line, 1),
      column: Math.max(pos.col, 1),
      message: `signoffs.yml is not valid YAML: ${error.message.split('\n')[0]}`,
      severity: 'error',
      code: 'signoffs-yaml',
    });
  }
  if (problems.length > 0) return { records: [], problems };
  if (doc.contents === null) return { records: [], problems };
  if (!isSeq(doc.contents)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: 'signoffs.yml must be a list of sign-off records.',
      severity: 'error',
      code: 'signoffs-not-a-list',
    });
    return { records: [], problems };
  }
  const records: ReadRecord[] = [];
  for (const item of doc.contents.items) {
    const offset = (item as { range?: [number, number, number] } | null)?.range?.[0] ?? 0; // cast: every parsed node has a range
    const line = Math.max(lineCounter.linePos(offset).line, 1);
    let raw: Record<string, unknown> = {};
    const issues: string[] = [];
    if (!isMap(item)) issues.push('is not a record of fields');
    else {
      try {
        // A small alias limit keeps a hostile file from expanding into gigabytes.
        raw = item.toJS(doc, { maxAliasCount: 10 }) as Record<string, unknown>; // cast: a YAML map becomes a plain object
      } catch {
        issues.push('uses too many YAML aliases to be read');
      }
    }
    if (issues.length === 0) {
      for (const key of REQUIRED) if (raw[key] === undefined) issues.push(`has no ${key}`);
      for (const [key, value] of Object.entries(raw)) {
        if (!(FIELDS as readonly string[]).includes(key)) {
          issues.push(`has an unknown field "${key}"`);
        } else if (typeof value !== 'string') issues.push(`has a ${key} that is not text`);
      }
    }
    const text = (key: (typeof FIELDS)[number]): string =>
      typeof raw[key] === 'string' ? raw[key] : '';
    const record: ReadRecord = {
      trainer: text('trainer'),
      role: text('role') as TrainerRole, // cast: checked when the record is verified
      version: text('version'),
      time: text('time'),
      signature: text('signature'),
      line,
    };
    if (typeof raw.comment === 'string') record.comment = raw.comment;
    if (issues.length > 0) record.malformed = `the record ${issues.join(', ')}`;
    records.push(record);
  }
  return { records, problems };
}

/**
 * Reads `<courseDir>/signoffs.yml`; a missing file has no records. Synchronous calls inside: a
 * build reads every course's file, and small asynchronous calls cost several times the CPU.
 */
export async function readSignoffs(courseDir: string, courseId: string): Promise<SignoffsFile> {
  let text: string;
  refuseLinksSync(courseDir, SIGNOFFS_FILE, `${courseId}/${SIGNOFFS_FILE}`);
  try {
    text = readFileSync(path.join(courseDir, SIGNOFFS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problems: [] }; // cast: Node fs errors carry `code`
    throw error;
  }
  return parseSignoffs(text, `${courseId}/${SIGNOFFS_FILE}`);
}

/** The YAML text of one record as a list item, in a fixed field order. */
export function formatRecord(record: SignoffRecord): string {
  const ordered: Record<string, string> = {
    trainer: record.trainer,
    role: record.role,
    version: record.version,
    time: record.time,
  };
  if (record.comment !== undefined && record.comment !== '') ordered.comment = record.comment;
  ordered.signature = record.signature;
  return stringify([ordered], { lineWidth: 0 });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes `.<name>.lock` so two people signing at once on a shared drive cannot lose a record. */
async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = lockPathFor(file);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // cast: Node fs errors carry `code`
      const info = await stat(lock).catch(() => undefined);
      // A lock older than a minute was left by a crash; nothing holds it for that long.
      if (info && Date.now() - info.mtimeMs > 60_000) {
        await rm(lock, { force: true });
        continue;
      }
      if (attempt >= 50) {
        throw new Error(`${file} is being written by someone else; try again in a moment.`);
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lock, { force: true });
  }
}

/**
 * Appends `record` to `<courseDir>/signoffs.yml`. The new file is the old bytes unchanged plus
 * the new record, written atomically (`writeFileAtomic`), so a crash leaves either the old file
 * or the new one. Refuses to append to a file that does not parse.
 */
export async function appendSignoff(
  courseDir: string,
  courseId: string,
  record: SignoffRecord,
  onWrite?: OnWrite,
): Promise<void> {
  const file = path.join(courseDir, SIGNOFFS_FILE);
  await refuseLinks(courseDir, SIGNOFFS_FILE, `${courseId}/${SIGNOFFS_FILE}`);
  await withLock(file, async () => {
    let old: Buffer | undefined;
    try {
      old = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // cast: Node fs errors carry `code`
    }
    if (old) {
      const { problems } = parseSignoffs(old.toString('utf8'), `${courseId}/${SIGNOFFS_FILE}`);
      const first = problems[0];
      if (first) {
        throw new Error(
          `${formatProblem(first)} ` + 'Fix it before signing, so no record is lost.',
        );
      }
    }
    const prefix = old ?? Buffer.from(HEADER, 'utf8');
    const needsNewline = prefix.length > 0 && prefix[prefix.length - 1] !== 0x0a;
    const next = Buffer.concat([
      prefix,
      Buffer.from((needsNewline ? '\n' : '') + formatRecord(record), 'utf8'),
    ]);
    onWrite?.(file, next);
    await writeFileAtomic(file, next);
  });
}
