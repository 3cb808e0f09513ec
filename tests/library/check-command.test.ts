/** `tandem check` run as users run it: the real CLI in a child process. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixtureLibrary, repoRoot } from '../support/temp-library.js';

const tandem = path.join(repoRoot, 'bin/tandem.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function check(args: string[], cwd = repoRoot): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [tandem, 'check', ...args], {
      cwd,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    // execFile rejects with the exit code and output attached when the process exits non-zero.
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('tandem check', () => {
  it('prints a summary and exits 0 for a valid library', async () => {
    const run = await check(['tests/fixtures/libraries/valid-minimal']);
    expect(run).toEqual({ code: 0, stdout: '2 courses, 1 term: no problems\n', stderr: '' });
  });

  it('prints problems with paths relative to the current folder and exits 1 on errors', async () => {
    const run = await check(['tests/fixtures/libraries/unknown-category']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'tests/fixtures/libraries/unknown-category/planning-for-my-wellbeing/course.md:4:11: error: unknown category "life-skill"; did you mean "life-skills"?',
        'tests/fixtures/libraries/unknown-category/understanding-anxiety/course.md:4:11: error: unknown category "anxiety"; known categories: life-skills, understanding-mental-health',
        '2 courses, 1 term: 2 errors, 0 warnings',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when there are only warnings', async () => {
    const run = await check(['tests/fixtures/libraries/unknown-directive']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(': warning: unknown block ":::tip"');
    expect(run.stdout).toContain('2 courses, 1 term: 0 errors, 1 warning\n');
  });

  it('prints JSON with --json', async () => {
    const run = await check(['--json', 'tests/fixtures/libraries/unknown-venue']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      problems: [
        {
          file: 'terms/spring-2027.yml',
          path: 'tests/fixtures/libraries/unknown-venue/terms/spring-2027.yml',
          line: 7,
          column: 12,
          message: 'unknown venue "town-hall"; known venues: old-library, online',
          severity: 'error',
          code: 'unknown-venue',
        },
      ],
    });
  });

  it('checks ./courses by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-check-'));
    try {
      await cp(fixtureLibrary('valid-minimal'), path.join(dir, 'courses'), { recursive: true });
      const run = await check([], dir);
      expect(run).toEqual({ code: 0, stdout: '2 courses, 1 term: no problems\n', stderr: '' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says so when the folder does not exist', async () => {
    const run = await check(['no-such-library']);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'tandem check: there is no library folder at no-such-library\n',
    });
  });
});
