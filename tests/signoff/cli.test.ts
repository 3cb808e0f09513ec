import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-library.js';
import { ann, makeTestLibrary, sam, trainersYaml, type TestLibrary } from './support.js';

const run = promisify(execFile);
const COURSE = 'understanding-anxiety';

describe('tandem keys / signoff / status / diff', () => {
  let lib: TestLibrary;
  let configDir: string;
  const tandem = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(
        'node',
        [path.join(repoRoot, 'bin/tandem.js'), ...args],
        {
          env: { ...process.env, TANDEM_CONFIG_DIR: configDir, NO_COLOR: '1' },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string }; // cast: execFile rejects with the exit code and output
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  beforeAll(async () => {
    lib = await makeTestLibrary([ann(), sam()], { [COURSE]: ['ann-lee', 'sam-okafor'] });
    configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
  });
  afterAll(async () => {
    await lib.dispose();
    await rm(configDir, { recursive: true, force: true });
  });

  it('creates keys, signs off, reports status and shows the diff since sign-off', async () => {
    // Fresh keys made by the CLI replace the ones the test library was written with.
    const lines: Record<string, string> = {};
    for (const id of ['ann-lee', 'sam-okafor']) {
      const created = await tandem('keys', 'create', '--trainer', id);
      expect(created.code).toBe(0);
      expect(created.stdout).toContain(path.join(configDir, 'keys', `${id}.pem`));
      lines[id] = created.stdout.match(/^ed25519:\S+$/m)?.[0] ?? '';
      expect(lines[id]).not.toBe('');
    }
    const again = await tandem('keys', 'create', '--trainer', 'ann-lee');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const before = await tandem('signoff', COURSE, '--as', 'ann-lee', '--library', lib.root);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('is not listed in trainers.yml');

    const roster = trainersYaml([
      { ...ann(), publicKeyLine: lines['ann-lee'] ?? '' },
      { ...sam(), publicKeyLine: lines['sam-okafor'] ?? '' },
    ]);
    await writeFile(path.join(lib.root, 'trainers.yml'), roster);

    const signed = await tandem(
      'signoff',
      COURSE,
      '--as',
      'sam-okafor',
      '--comment',
      'Checked outcomes',
      '--library',
      lib.root,
    );
    expect(signed.stderr).toBe('');
    expect(signed.stdout).toMatch(/Status now: awaiting Ann Lee/);
    expect(
      (await tandem('signoff', COURSE, '--as', 'ann-lee', '--library', lib.root)).stdout,
    ).toMatch(/Status now: ready/);

    const json = await tandem('status', lib.root, '--json');
    const parsed = JSON.parse(json.stdout) as { courses: { courseId: string; state: string }[] }; // cast: the shape printed by --json
    expect(parsed.courses).toMatchObject([{ courseId: COURSE, state: 'ready' }]);

    const file = path.join(lib.courseDir(COURSE), 'modules/02-calming.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('four', 'a slow count of four'));
    const table = await tandem('status', lib.root);
    expect(table.stdout).toMatch(
      /understanding-anxiety {2}changed since sign-off \(signed by Ann Lee on \d+ \w+ 20\d\d and Sam Okafor on/,
    );
    expect(table.stdout).toMatch(/Sam Okafor \(practitioner\) {2}signed an earlier version/);
    expect(table.stdout).toMatch(/1 courses: 0 ready, 0 awaiting, 1 changed, 0 draft/);

    const diff = await tandem('diff', COURSE, '--since', 'sam-okafor', '--library', lib.root);
    expect(diff.stdout).toContain(
      '--- signed/modules/02-calming.md\n+++ now/modules/02-calming.md\n',
    );
    expect(diff.stdout).toContain('-Breathe in for four.\n+Breathe in for a slow count of four.\n');
  });
});
