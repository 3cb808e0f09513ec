/**
 * Decides which sign-off records count. A record counts only when its signature verifies, over
 * the canonical message for this course, against a non-revoked key listed for its trainer in
 * trainers.yml, and that trainer is an author of the course with the role the record names.
 */
import { verify, type KeyObject } from 'node:crypto';
import type { Course, Trainer } from '../library/types.js';
import { canonicalMessage, checkSignedFields } from './canonical-message.js';
import {
  formatPublicKeyLine,
  keyFingerprint,
  parsePublicKeyLine,
} from '../library/public-key-line.js';
import type { ReadRecord } from './signoffs-file.js';
import type { CheckedRecord, SignoffRecord } from './types.js';

function tryParseKey(line: string): KeyObject | undefined {
  try {
    return parsePublicKeyLine(line);
  } catch {
    return undefined;
  }
}

function verifiesWith(message: Buffer, signature: Buffer, keys: KeyObject[]): boolean {
  return keys.some((key) => {
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  });
}

/** Why `record` does not count for `course`, or undefined when it does. */
export function whyRecordIsInvalid(
  record: ReadRecord,
  course: Pick<Course, 'id' | 'authors'>,
  trainers: readonly Trainer[],
): string | undefined {
  if (record.malformed) return record.malformed;
  const trainer = trainers.find((t) => t.id === record.trainer);
  if (!trainer) return `${record.trainer} is not in trainers.yml`;
  if (!course.authors.includes(trainer.id)) {
    return `${trainer.name} is not an author of this course`;
  }
  if (record.role !== trainer.role) {
    return `the record says ${trainer.name} signed as ${record.role}, but trainers.yml lists them as ${trainer.role}`;
  }
  const fieldProblem = checkSignedFields({
    courseId: course.id,
    version: record.version,
    trainer: record.trainer,
    role: record.role,
    time: record.time,
  });
  if (fieldProblem) return fieldProblem;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(record.signature)) return 'the signature is not base64';
  const signature = Buffer.from(record.signature, 'base64');
  const message = canonicalMessage({
    courseId: course.id,
    version: record.version,
    trainer: record.trainer,
    role: record.role,
    time: record.time,
    comment: record.comment,
  });
  // Simplest strong rule: once a key is revoked it verifies nothing, whatever the record's
  // time says, because the time is written by whoever holds the key.
  const active = trainer.keys.filter((k) => !k.revoked).map((k) => tryParseKey(k.publicKey));
  const activeKeys = active.filter((k): k is KeyObject => k !== undefined);
  const signedWith = activeKeys.find((key) => verifiesWith(message, signature, [key]));
  if (signedWith) {
    // A key belongs to one trainer only (tandem check reports a shared one): otherwise one
    // person could sign as both the peer and the practitioner.
    const print = formatPublicKeyLine(signedWith);
    const sharing = trainers.filter(
      (t) => t.id !== trainer.id && t.keys.some((k) => keyFingerprint(k.publicKey) === print),
    );
    if (sharing.length === 0) return undefined;
    return `it was signed with a key that trainers.yml also lists for ${sharing.map((t) => t.name).join(', ')}; a key belongs to one trainer only`;
  }
  const revoked = trainer.keys
    .filter((k) => k.revoked)
    .map((k) => tryParseKey(k.publicKey))
    .filter((k): k is KeyObject => k !== undefined);
  if (verifiesWith(message, signature, revoked)) {
    return `it was signed with a key of ${trainer.name} that has been revoked`;
  }
  if (activeKeys.length === 0) return `${trainer.name} has no usable public key in trainers.yml`;
  return `the signature does not match: the record was changed by hand, copied from another course, or signed with a key not listed for ${trainer.name}`;
}

/** Checks every record of a course's signoffs.yml. */
export function verifyRecords(
  records: readonly ReadRecord[],
  course: Pick<Course, 'id' | 'authors'>,
  trainers: readonly Trainer[],
): CheckedRecord[] {
  return records.map((record) => {
    const reason = whyRecordIsInvalid(record, course, trainers);
    const fields: SignoffRecord = {
      trainer: record.trainer,
      role: record.role,
      version: record.version,
      time: record.time,
      signature: record.signature,
    };
    if (record.comment !== undefined) fields.comment = record.comment;
    return reason === undefined
      ? { ...fields, line: record.line, valid: true }
      : { ...fields, line: record.line, valid: false, reason };
  });
}
