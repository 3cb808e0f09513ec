import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  appendSignoff,
  formatRecord,
  parseSignoffs,
  readSignoffs,
} from '../../main/signoff/signoffs-file.js';
import type { SignoffRecord } from '../../main/signoff/types.js';
import { makeTestLibrary, type TestLibrary } from './support.js';

const record = (n: number, comment?: string): SignoffRecord => ({
  trainer: 'ann-lee',
  role: 'peer',
  version: `sha256:${String(n).repeat(64).slice(0, 64)}`,
  time: `2026-11-0${n}T10:15:00Z`,
  signature: 'c2lnbmF0dXJl',
  ...(comment === undefined ? {} : { comment }),
});

describe('parseSignoffs', () => {
  it('reads records with the line each starts on', () => {
    const text = `# header\n${formatRecord(record(1))}${formatRecord(record(2, 'Checked: all "good"\nnext line'))}`;
    const { records, problems } = parseSignoffs(text, 'c/signoffs.yml');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([2, 7]);
    expect(records[1]).toMatchObject({ ...record(2, 'Checked: all "good"\nnext line'), line: 7 });
    expect(records[0]?.malformed).toBeUndefined();
  });

  it.each([
    [
      'a missing field',
      '- trainer: ann-lee\n  role: peer\n  time: "2026-11-01T10:00:00Z"\n  signature: x\n',
      /has no version/,
    ],
    [
      'an unknown field',
      `${formatRecord(record(1)).trimEnd()}\n  approved: yes\n`,
      /unknown field "approved"/,
    ],
    [
      'a field that is not text',
      formatRecord(record(1)).replace('role: peer', 'role: [peer]'),
      /role that is not text/,
    ],
    ['an item that is not a record', '- just text\n', /not a record/],
  ])('marks a record with %s as malformed', (_name, text, reason) => {
    const { records } = parseSignoffs(text, 'c/signoffs.yml');
    expect(records[0]?.malformed).toMatch(reason);
  });

  it('reports broken YAML with file, line and column', () => {
    const { problems } = parseSignoffs('- trainer: ann\n  role: [peer\n', 'c/signoffs.yml');
    expect(problems[0]).toMatchObject({ file: 'c/signoffs.yml', severity: 'error' });
    expect(problems[0]?.line).toBeGreaterThanOrEqual(2);
  });
});

describe('appendSignoff', () => {
  let lib: TestLibrary;
  afterEach(() => lib?.dispose());

  it('keeps every earlier byte identical and adds the record at the end', async () => {
    lib = await makeTestLibrary([], { c: ['ann-lee'] });
    const dir = lib.courseDir('c');
    await appendSignoff(dir, 'c', record(1));
    const first = await readFile(path.join(dir, 'signoffs.yml'));
    expect(first.toString()).toMatch(/^# Sign-off records/);
    // Someone's hand-written comment and missing final newline must survive.
    const edited = Buffer.concat([first, Buffer.from('# a note without newline')]);
    await writeFile(path.join(dir, 'signoffs.yml'), edited);
    await appendSignoff(dir, 'c', record(2, 'ok'));
    const second = await readFile(path.join(dir, 'signoffs.yml'));
    expect(second.subarray(0, edited.length).equals(edited)).toBe(true);
    const { records } = await readSignoffs(dir, 'c');
    expect(records.map((r) => r.version)).toEqual([record(1).version, record(2).version]);
    expect(records[1]?.comment).toBe('ok');
  });

  it('refuses to append to a file that does not parse, and leaves it alone', async () => {
    lib = await makeTestLibrary([], { c: ['ann-lee'] });
    const file = path.join(lib.courseDir('c'), 'signoffs.yml');
    await writeFile(file, '- trainer: [ann\n');
    await expect(appendSignoff(lib.courseDir('c'), 'c', record(1))).rejects.toThrow(
      /c\/signoffs\.yml:\d+:\d+: .*Fix it before signing/,
    );
    expect(await readFile(file, 'utf8')).toBe('- trainer: [ann\n');
  });

  it('loses no record when several people sign at the same moment', async () => {
    lib = await makeTestLibrary([], { c: ['ann-lee'] });
    const dir = lib.courseDir('c');
    await Promise.all([1, 2, 3, 4, 5].map((n) => appendSignoff(dir, 'c', record(n))));
    const { records, problems } = await readSignoffs(dir, 'c');
    expect(problems).toEqual([]);
    expect(records.map((r) => r.time).sort()).toEqual([1, 2, 3, 4, 5].map((n) => record(n).time));
  });
});
