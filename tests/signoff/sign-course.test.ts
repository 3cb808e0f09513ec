import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTrainerKey } from '../../main/signoff/add-trainer-key.js';
import { getCourseStatus } from '../../main/signoff/course-status.js';
import { diffSinceSignoff } from '../../main/signoff/diff-since.js';
import { hashCourseVersion } from '../../main/signoff/hash-course-version.js';
import { createTrainerKey } from '../../main/signoff/key-store.js';
import { openLibrary } from '../../main/signoff/open-library.js';
import { sign as signCourseAs } from './sign-helper.js';
import { readSignoffs } from '../../main/signoff/signoffs-file.js';
import { snapshotDir } from '../../main/signoff/snapshot-store.js';
import {
  ann,
  installKey,
  makeTestLibrary,
  makeTrainer,
  sam,
  type TestLibrary,
  type TestTrainer,
} from './support.js';

const COURSE = 'understanding-anxiety';

describe('signCourse', () => {
  let lib: TestLibrary;
  let configDir: string;
  let a: TestTrainer;
  let s: TestTrainer;
  let dir: string;

  beforeEach(async () => {
    a = ann();
    s = sam();
    lib = await makeTestLibrary([a, s], { [COURSE]: [a.id, s.id] });
    dir = lib.courseDir(COURSE);
    configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
    await installKey(configDir, a);
    await installKey(configDir, s);
  });
  afterEach(async () => {
    await lib.dispose();
    await rm(configDir, { recursive: true, force: true });
  });

  const signAs = (trainerId: string, options: { comment?: string; now?: Date } = {}) =>
    signCourseAs(lib.root, COURSE, trainerId, { configDir, ...options });

  it('the loader reads this test library cleanly', async () => {
    const { problems } = await openLibrary(lib.root);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('signs the content on disk, keeps a copy, and becomes ready when both authors sign', async () => {
    const version = await hashCourseVersion(dir);
    const first = await signAs(s.id, {
      comment: 'Checked the outcomes',
      now: new Date('2026-11-03T10:15:30.5Z'),
    });
    expect(first).toMatchObject({ state: 'awaiting', label: 'awaiting Ann Lee', version });
    const second = await signAs(a.id, { now: new Date('2026-11-04T09:00:00Z') });
    expect(second.state).toBe('ready');

    const { records } = await readSignoffs(dir, COURSE);
    expect(records).toMatchObject([
      {
        trainer: s.id,
        role: 'practitioner',
        version,
        time: '2026-11-03T10:15:30Z',
        comment: 'Checked the outcomes',
      },
      { trainer: a.id, role: 'peer', version, time: '2026-11-04T09:00:00Z' },
    ]);
    expect(records[1]?.comment).toBeUndefined();
    expect(
      (await stat(path.join(snapshotDir(dir, version), 'modules/02-calming.md'))).isFile(),
    ).toBe(true);
    // The snapshot is not content: signing did not change the version.
    expect(await hashCourseVersion(dir)).toBe(version);
  });

  it('shows changed after an edit, the diff since sign-off, and ready again once both re-sign', async () => {
    await signAs(s.id, { now: new Date('2026-11-03T10:15:00Z') });
    await signAs(a.id, { now: new Date('2026-11-04T09:00:00Z') });
    const file = path.join(dir, 'modules/01-what-is-anxiety.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('a normal feeling', 'a normal human feeling'),
    );
    const { library } = await openLibrary(lib.root);
    expect((await getCourseStatus(library, COURSE)).label).toBe(
      'changed since sign-off (signed by Ann Lee on 4 Nov 2026 and Sam Okafor on 3 Nov 2026)',
    );
    const diffs = await diffSinceSignoff(library, COURSE, s.id);
    expect(diffs.map((d) => d.path)).toEqual(['modules/01-what-is-anxiety.md']);
    expect(diffs[0]?.hunks[0]?.lines).toContainEqual({
      kind: 'added',
      text: 'Anxiety is a normal human feeling.',
    });
    await signAs(a.id, { now: new Date('2026-11-10T09:00:00Z') });
    expect((await signAs(s.id, { now: new Date('2026-11-11T09:00:00Z') })).state).toBe('ready');
    expect((await readSignoffs(dir, COURSE)).records).toHaveLength(4);
  });

  describe('refuses, with a clear reason and without writing anything,', () => {
    const signoffsExists = () =>
      stat(path.join(dir, 'signoffs.yml')).then(
        () => true,
        () => false,
      );

    it('when the trainer is not an author', async () => {
      const outsider = makeTrainer('grace-adeyemi', 'Grace Adeyemi', 'practitioner');
      await writeFile(
        path.join(lib.root, 'trainers.yml'),
        `${await readFile(path.join(lib.root, 'trainers.yml'), 'utf8')}- id: grace-adeyemi\n  name: Grace Adeyemi\n  role: practitioner\n  keys:\n    - publicKey: ${outsider.publicKeyLine}\n`,
      );
      await installKey(configDir, outsider);
      await expect(signAs('grace-adeyemi')).rejects.toThrow(
        'Grace Adeyemi is not an author of Understanding anxiety; only its authors (Ann Lee and Sam Okafor) can sign it off.',
      );
      expect(await signoffsExists()).toBe(false);
    });

    it('when there is no private key on this computer', async () => {
      await rm(path.join(configDir, 'keys', `${a.id}.pem`));
      await expect(signAs(a.id)).rejects.toThrow(/no private key for ann-lee/);
      expect(await signoffsExists()).toBe(false);
    });

    it('when the key here is not the one listed in trainers.yml', async () => {
      await rm(path.join(configDir, 'keys', `${a.id}.pem`));
      const created = await createTrainerKey(a.id, { configDir });
      await expect(signAs(a.id)).rejects.toThrow(`not listed in trainers.yml. Add this line`);
      expect(await signoffsExists()).toBe(false);
      // Listing it (comments and layout of trainers.yml kept) makes signing work.
      const before = await readFile(path.join(lib.root, 'trainers.yml'), 'utf8');
      await writeFile(path.join(lib.root, 'trainers.yml'), `# Our trainers\n${before}`);
      expect(await addTrainerKey(lib.root, a.id, created.publicKeyLine, '2026-11-01')).toBe(true);
      expect(await addTrainerKey(lib.root, a.id, created.publicKeyLine, '2026-11-01')).toBe(false);
      const after = await readFile(path.join(lib.root, 'trainers.yml'), 'utf8');
      expect(after.startsWith('# Our trainers\n')).toBe(true);
      expect(after).toContain(created.publicKeyLine);
      expect((await signAs(a.id)).state).toBe('awaiting');
    });

    it('when the key is revoked in trainers.yml', async () => {
      const roster = await readFile(path.join(lib.root, 'trainers.yml'), 'utf8');
      await writeFile(
        path.join(lib.root, 'trainers.yml'),
        roster.replace(
          `${a.publicKeyLine}\n      added: 2026-10-01\n`,
          `${a.publicKeyLine}\n      added: 2026-10-01\n      revoked: 2026-11-01\n`,
        ),
      );
      await expect(signAs(a.id)).rejects.toThrow(/revoked on 2026-11-01/);
    });

    it('when they already signed this version', async () => {
      await signAs(a.id, { now: new Date('2026-11-04T09:00:00Z') });
      await expect(signAs(a.id)).rejects.toThrow(
        'Ann Lee already signed off this version of Understanding anxiety on 4 Nov 2026.',
      );
      expect((await readSignoffs(dir, COURSE)).records).toHaveLength(1);
    });

    it('when the course has errors', async () => {
      await writeFile(
        path.join(dir, 'modules/02-calming.md'),
        '---\ntitle: [unclosed\n---\n\nText\n',
      );
      await expect(signAs(a.id)).rejects.toThrow(
        /cannot be signed off until these problems are fixed:\n {2}understanding-anxiety\/modules\/02-calming\.md:\d+:\d+: /,
      );
      expect(await signoffsExists()).toBe(false);
    });

    it('when the course does not exist', async () => {
      await expect(signCourseAs(lib.root, 'no-such-course', a.id, { configDir })).rejects.toThrow(
        /There is no course "no-such-course"/,
      );
    });
  });
});
