import { describe, expect, it } from 'vitest';
import {
  canonicalMessage,
  signoffTime,
  type SignedFields,
} from '../../main/signoff/canonical-message.js';

const fields: SignedFields = {
  courseId: 'understanding-anxiety',
  version: `sha256:${'a'.repeat(64)}`,
  trainer: 'ann-lee',
  role: 'peer',
  time: '2026-11-03T10:15:00Z',
};

describe('canonicalMessage', () => {
  it('lists every signed field on its own line', () => {
    expect(canonicalMessage({ ...fields, comment: 'Looks good' }).toString('utf8')).toBe(
      'tandem-signoff-v1\n' +
        'course:understanding-anxiety\n' +
        `version:sha256:${'a'.repeat(64)}\n` +
        'trainer:ann-lee\n' +
        'role:peer\n' +
        'time:2026-11-03T10:15:00Z\n' +
        // sha256("Looks good")
        'comment-sha256:5fc87d339144090b0ad2e192e6a6fe58e98d3a5a062467c7e62049c7d8c3db01\n',
    );
  });

  it.each<[string, Partial<SignedFields>]>([
    ['a course id with a newline', { courseId: 'a\nversion:sha256:x' }],
    ['a trainer id with a newline', { trainer: 'ann\nrole:peer' }],
    ['an unknown role', { role: 'admin' as 'peer' }],
    ['a version that is not sha256', { version: 'md5:abc' }],
    ['a local time', { time: '2026-11-03T10:15:00+01:00' }],
    ['an impossible date', { time: '2026-13-45T10:15:00Z' }],
  ])('refuses %s', (_name, change) => {
    expect(() => canonicalMessage({ ...fields, ...change })).toThrow(/Cannot build/);
  });

  it.each<[string, Partial<SignedFields>]>([
    ['course', { courseId: 'hearing-voices' }],
    ['version', { version: `sha256:${'b'.repeat(64)}` }],
    ['trainer', { trainer: 'sam-okafor' }],
    ['role', { role: 'practitioner' }],
    ['time', { time: '2026-11-03T10:15:01Z' }],
    ['comment', { comment: 'x' }],
  ])('changes when the %s changes', (_name, change) => {
    expect(canonicalMessage({ ...fields, ...change }).equals(canonicalMessage(fields))).toBe(false);
  });

  it('formats times to the second in UTC', () => {
    expect(signoffTime(new Date('2026-11-03T10:15:00.789Z'))).toBe('2026-11-03T10:15:00Z');
  });
});
