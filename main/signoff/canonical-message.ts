/**
 * The exact bytes an author signs. Every field that gives a sign-off its meaning is inside the
 * message, so a record cannot be moved to another course, trainer, role, version or time, and
 * its comment cannot be reworded, without the signature failing.
 */
import { createHash } from 'node:crypto';
import { ID_PATTERN, VERSION_PATTERN } from '../format/ids.js';
import type { TrainerRole } from '../library/types.js';

export interface SignedFields {
  courseId: string;
  version: string;
  trainer: string;
  role: TrainerRole;
  /** UTC, `YYYY-MM-DDTHH:MM:SSZ`. */
  time: string;
  /** An absent comment is signed as the empty string. */
  comment?: string;
}

/** Shape checks that keep newlines (and so forged extra lines) out of the message. */
export const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Describes the first field that cannot be signed or verified as it is, or undefined. */
export function checkSignedFields(fields: SignedFields): string | undefined {
  if (!ID_PATTERN.test(fields.courseId)) return `course id "${fields.courseId}" is not valid`;
  if (!ID_PATTERN.test(fields.trainer)) return `trainer "${fields.trainer}" is not a valid id`;
  if (fields.role !== 'peer' && fields.role !== 'practitioner')
    return `role "${String(fields.role)}" is neither peer nor practitioner`;
  if (!VERSION_PATTERN.test(fields.version))
    return `version "${fields.version}" is not a sha256: content version`;
  if (!TIME_PATTERN.test(fields.time) || Number.isNaN(Date.parse(fields.time)))
    return `time "${fields.time}" is not a UTC time like 2026-11-03T10:15:00Z`;
  return undefined;
}

/** Builds the canonical message (UTF-8) for `fields`; throws if a field could smuggle lines. */
export function canonicalMessage(fields: SignedFields): Buffer {
  const problem = checkSignedFields(fields);
  if (problem) throw new Error(`Cannot build a sign-off message: ${problem}.`);
  const commentHash = createHash('sha256')
    .update(fields.comment ?? '', 'utf8')
    .digest('hex');
  return Buffer.from(
    'tandem-signoff-v1\n' +
      `course:${fields.courseId}\n` +
      `version:${fields.version}\n` +
      `trainer:${fields.trainer}\n` +
      `role:${fields.role}\n` +
      `time:${fields.time}\n` +
      `comment-sha256:${commentHash}\n`,
    'utf8',
  );
}

/** Formats a Date as the second-precision UTC time used in records. */
export function signoffTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
