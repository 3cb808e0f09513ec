import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getCourseStatus } from '../../main/signoff/course-status.js';
import { hashCourseVersion } from '../../main/signoff/hash-course-version.js';
import { formatRecord } from '../../main/signoff/signoffs-file.js';
import type { SignoffRecord } from '../../main/signoff/types.js';
import {
  ann,
  makeTestLibrary,
  makeTrainer,
  sam,
  signedRecord,
  writeRecords,
  type TestLibrary,
  type TestTrainer,
} from './support.js';

const COURSE = 'understanding-anxiety';

describe('getCourseStatus', () => {
  let lib: TestLibrary;
  let a: TestTrainer;
  let s: TestTrainer;
  let dir: string;
  let version: string;

  beforeEach(async () => {
    a = ann();
    s = sam();
    lib = await makeTestLibrary([a, s], { [COURSE]: [a.id, s.id], 'hearing-voices': [a.id, s.id] });
    dir = lib.courseDir(COURSE);
    version = await hashCourseVersion(dir);
  });
  afterEach(() => lib.dispose());

  const status = () => getCourseStatus(lib.library, COURSE);
  const bothSigned = (v = version): SignoffRecord[] => [
    signedRecord(s, COURSE, v, '2026-11-03T10:15:00Z', 'Checked the outcomes'),
    signedRecord(a, COURSE, v, '2026-11-04T09:00:00Z'),
  ];

  it('is draft when nobody has signed', async () => {
    expect(await status()).toMatchObject({ state: 'draft', label: 'draft', version });
  });

  it('is awaiting the author who has not signed the current version', async () => {
    await writeRecords(dir, [signedRecord(s, COURSE, version, '2026-11-03T10:15:00Z')]);
    const st = await status();
    expect(st).toMatchObject({ state: 'awaiting', label: 'awaiting Ann Lee', awaiting: [a.id] });
    expect(st.authors.find((x) => x.trainerId === s.id)).toMatchObject({
      signedCurrent: true,
      lastSignedAt: '2026-11-03T10:15:00Z',
    });
  });

  it('is ready when a peer and a practitioner author both signed the current version', async () => {
    await writeRecords(dir, bothSigned());
    const st = await status();
    expect(st).toMatchObject({ state: 'ready', label: 'ready', awaiting: [], changedSince: [] });
    expect(st.records.every((r) => r.valid)).toBe(true);
  });

  it.each([
    [
      'course.md text',
      'course.md',
      (t: Buffer) => Buffer.from(t.toString().replace('sometimes', 'sometimes!')),
    ],
    [
      'a module',
      'modules/02-calming.md',
      (t: Buffer) => Buffer.from(t.toString().replace('four', 'five')),
    ],
    [
      'one byte of an image',
      'images/lake.png',
      (t: Buffer) => Buffer.from(t.map((b, i) => (i === 10 ? b ^ 1 : b))),
    ],
  ])('moves from ready to changed when %s is edited', async (_name, rel, edit) => {
    await writeRecords(dir, bothSigned());
    expect((await status()).state).toBe('ready');
    const file = path.join(dir, rel);
    await writeFile(file, edit(await readFile(file)));
    const st = await status();
    expect(st.state).toBe('changed');
    expect(st.label).toBe(
      'changed since sign-off (signed by Ann Lee on 4 Nov 2026 and Sam Okafor on 3 Nov 2026)',
    );
    expect(st.changedSince).toEqual([a.id, s.id]);
  });

  it('prefers awaiting over changed once one author has signed the new version', async () => {
    const old = `sha256:${'0'.repeat(64)}`;
    await writeRecords(dir, [
      ...bothSigned(old),
      signedRecord(a, COURSE, version, '2026-11-10T09:00:00Z'),
    ]);
    const st = await status();
    expect(st).toMatchObject({
      state: 'awaiting',
      label: 'awaiting Sam Okafor',
      changedSince: [s.id],
    });
  });

  it('is never ready when the authors are two peers', async () => {
    const peer2 = makeTrainer('tom-brennan', 'Tom Brennan', 'peer');
    lib.library.trainers.push({
      id: peer2.id,
      name: peer2.name,
      role: 'peer',
      keys: [{ publicKey: peer2.publicKeyLine }],
    });
    lib.library.courses.find((c) => c.id === COURSE)!.authors = [a.id, peer2.id];
    await writeRecords(dir, [
      signedRecord(a, COURSE, version, '2026-11-03T10:15:00Z'),
      signedRecord(peer2, COURSE, version, '2026-11-03T10:16:00Z'),
    ]);
    const st = await status();
    expect(st.state).toBe('awaiting');
    expect(st.label).toBe('awaiting a practitioner trainer as co-author');
  });

  describe('hand-edited signoffs.yml never makes a course ready', () => {
    const forgeries: [
      string,
      (r: SignoffRecord[], v: string) => SignoffRecord[] | string,
      RegExp,
    ][] = [
      [
        'changing the version to the current one',
        (r, v) => r.map((x) => ({ ...x, version: v })),
        /signature does not match/,
      ],
      [
        'changing the time',
        (r) => r.map((x) => ({ ...x, time: '2026-11-20T10:15:00Z' })),
        /signature does not match/,
      ],
      [
        'changing the trainer',
        (r) =>
          r.map((x) => ({ ...x, trainer: x.trainer === 'ann-lee' ? 'sam-okafor' : 'ann-lee' })),
        /./,
      ],
      [
        'changing the role',
        (r) => r.map((x) => ({ ...x, role: x.role === 'peer' ? 'practitioner' : 'peer' })),
        /trainers\.yml lists them as/,
      ],
      [
        'changing the comment',
        (r) => r.map((x) => ({ ...x, comment: 'Approved by the board' })),
        /signature does not match/,
      ],
      ['dropping the comment', (r) => r.map(({ comment: _c, ...x }) => x), /./],
      [
        'a made-up signature',
        (r) => r.map((x) => ({ ...x, signature: Buffer.alloc(64, 7).toString('base64') })),
        /signature does not match/,
      ],
    ];

    it.each(forgeries)('%s', async (_name, forge, reason) => {
      const oldVersion = `sha256:${'0'.repeat(64)}`;
      const forged = forge(bothSigned(oldVersion), version);
      await writeFile(
        path.join(dir, 'signoffs.yml'),
        (forged as SignoffRecord[]).map(formatRecord).join(''),
      );
      const st = await status();
      expect(st.state).not.toBe('ready');
      const bad = st.records.filter((r) => !r.valid);
      expect(bad.length).toBeGreaterThan(0);
      for (const r of bad) expect(r.reason).toMatch(reason);
    });

    it('copying valid records from another course', async () => {
      const other = lib.courseDir('hearing-voices');
      // Same content, same version: only the course id in the signed message differs.
      expect(await hashCourseVersion(other)).toBe(version);
      await writeRecords(other, [
        signedRecord(s, 'hearing-voices', version, '2026-11-03T10:15:00Z'),
        signedRecord(a, 'hearing-voices', version, '2026-11-04T09:00:00Z'),
      ]);
      expect((await getCourseStatus(lib.library, 'hearing-voices')).state).toBe('ready');
      await writeFile(
        path.join(dir, 'signoffs.yml'),
        await readFile(path.join(other, 'signoffs.yml')),
      );
      const st = await status();
      expect(st.state).toBe('draft');
      expect(st.records.map((r) => r.valid)).toEqual([false, false]);
      expect(st.records[0]?.reason).toMatch(/copied from another course/);
      expect(st.records[0]?.line).toBe(1);
    });

    it('a record by someone who is not an author', async () => {
      const outsider = makeTrainer('grace-adeyemi', 'Grace Adeyemi', 'practitioner');
      lib.library.trainers.push({
        id: outsider.id,
        name: outsider.name,
        role: outsider.role,
        keys: [{ publicKey: outsider.publicKeyLine }],
      });
      await writeRecords(dir, [
        signedRecord(a, COURSE, version, '2026-11-04T09:00:00Z'),
        signedRecord(outsider, COURSE, version, '2026-11-04T09:30:00Z'),
      ]);
      const st = await status();
      expect(st.state).toBe('awaiting');
      expect(st.records[1]).toMatchObject({
        valid: false,
        reason: 'Grace Adeyemi is not an author of this course',
      });
    });

    it('a record signed with a key not listed for the trainer', async () => {
      const impostor = makeTrainer(s.id, s.name, s.role);
      await writeRecords(dir, [
        signedRecord(a, COURSE, version, '2026-11-04T09:00:00Z'),
        signedRecord(impostor, COURSE, version, '2026-11-04T09:30:00Z'),
      ]);
      const st = await status();
      expect(st.state).toBe('awaiting');
      expect(st.records[1]?.reason).toMatch(/not listed for Sam Okafor/);
    });
  });

  it('stops counting records once their key is revoked, whatever their time', async () => {
    await writeRecords(dir, bothSigned());
    expect((await status()).state).toBe('ready');
    lib.library.trainers[0]!.keys[0]!.revoked = '2026-12-01';
    const st = await status();
    expect(st.state).toBe('awaiting');
    expect(st.records.find((r) => r.trainer === a.id)?.reason).toMatch(/revoked/);
    // A second, current key makes new sign-offs count again, but not the old ones.
    const renewed = makeTrainer(a.id, a.name, a.role);
    lib.library.trainers[0]!.keys.push({ publicKey: renewed.publicKeyLine });
    await writeRecords(dir, [
      ...bothSigned(),
      signedRecord(renewed, COURSE, version, '2026-12-02T09:00:00Z'),
    ]);
    expect((await status()).state).toBe('ready');
  });

  it('treats an unreadable signoffs.yml as no sign-offs and reports it', async () => {
    await writeFile(path.join(dir, 'signoffs.yml'), '- trainer: [oops\n');
    const st = await status();
    expect(st.state).toBe('draft');
    expect(st.problems?.[0]?.file).toBe(`${COURSE}/signoffs.yml`);
  });
});
