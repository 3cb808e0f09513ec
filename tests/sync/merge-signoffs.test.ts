import { describe, expect, it } from 'vitest';
import { formatRecord } from '../../main/signoff/signoffs-file.js';
import type { SignoffRecord } from '../../main/signoff/types.js';
import { mergeSignoffs } from '../../main/sync/merge-signoffs.js';

const record = (trainer: string, time: string): SignoffRecord => ({
  trainer,
  role: trainer === 'ann-lee' ? 'peer' : 'practitioner',
  version: `sha256:${'a'.repeat(64)}`,
  time,
  signature: Buffer.from(`${trainer}${time}`).toString('base64'),
});
const header = '# Sign-off records\n';
const old = formatRecord(record('ann-lee', '2026-10-01T10:00:00Z'));
const mine = formatRecord(record('ann-lee', '2026-11-02T10:00:00Z'));
const theirs = formatRecord(record('sam-okafor', '2026-11-02T10:00:05Z'));
const FILE = 'c/signoffs.yml';

describe('mergeSignoffs', () => {
  it('keeps my file byte for byte and adds their new records after it', () => {
    expect(mergeSignoffs(header + old + mine, header + old + theirs, FILE)).toBe(
      header + old + mine + theirs,
    );
  });

  it('never doubles a record both sides have', () => {
    expect(mergeSignoffs(header + old + mine, header + old + mine, FILE)).toBe(header + old + mine);
  });

  it('takes their file when mine did not exist', () => {
    expect(mergeSignoffs('', header + theirs, FILE)).toBe(header + theirs);
  });

  it.each([
    ['is not YAML', 'trainer: [oops\n'],
    ['has a record with an unknown field', `${theirs}  extra: field\n`],
  ])('leaves it to the text merge when one side %s', (_case, broken) => {
    expect(mergeSignoffs(header + mine, broken, FILE)).toBeUndefined();
  });
});
