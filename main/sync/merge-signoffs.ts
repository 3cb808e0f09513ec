/**
 * Merges two versions of an append-only `signoffs.yml`: the union of their records. Two
 * authors who sign the same course on two computers both keep their sign-offs, and the file
 * never conflicts. Records are compared as signed (trainer, version, time, signature), so a
 * record is never doubled; whether each one counts is still decided by verification.
 */
import { formatRecord, parseSignoffs } from '../signoff/signoffs-file.js';
import type { SignoffRecord } from '../signoff/types.js';

const recordKey = (record: SignoffRecord): string =>
  [record.trainer, record.role, record.version, record.time, record.signature].join('\n');

/**
 * My file, byte for byte, followed by their records that mine lacks. Undefined when either
 * side is not a readable list of well-formed records (then it is merged as ordinary text).
 */
export function mergeSignoffs(mine: string, theirs: string, file: string): string | undefined {
  const ours = parseSignoffs(mine, file);
  const other = parseSignoffs(theirs, file);
  if (ours.problems.length > 0 || other.problems.length > 0) return undefined;
  if ([...ours.records, ...other.records].some((record) => record.malformed)) return undefined;
  const known = new Set(ours.records.map(recordKey));
  const added = other.records.filter((record) => !known.has(recordKey(record)));
  if (added.length === 0) return mine;
  if (mine.trim() === '') return theirs;
  const prefix = mine.endsWith('\n') ? mine : `${mine}\n`;
  return prefix + added.map((record) => formatRecord(record)).join('');
}
