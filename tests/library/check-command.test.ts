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
  const minimalOutput = (prefix: string) =>
    [
      `${prefix}terms/spring-2027.yml:6:13: information: course understanding-anxiety is not ready to publish (not yet signed off by Amira Hassan and Hannah Lewis); this run stays out of the prospectus and the website until it is`,
      `${prefix}terms/spring-2027.yml:13:13: information: course planning-for-my-wellbeing is not ready to publish (not yet signed off by Daniel Okafor and Mark Evans); this run stays out of the prospectus and the website until it is`,
      '2 courses, 1 term: no problems; 2 for information',
      '',
    ].join('\n');

  it('prints a summary and exits 0 for a valid library, runs of unsigned courses as information', async () => {
    const run = await check(['tests/fixtures/libraries/valid-minimal']);
    expect(run).toEqual({
      code: 0,
      stdout: minimalOutput('tests/fixtures/libraries/valid-minimal/'),
      stderr: '',
    });
  });

  it('prints problems with paths relative to the current folder and exits 1 on errors', async () => {
    const run = await check(['tests/fixtures/libraries/unknown-category']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      [
        'tests/fixtures/libraries/unknown-category/planning-for-my-wellbeing/course.md:4:11: error: unknown category "life-skill"; did you mean "life-skills"?',
        'tests/fixtures/libraries/unknown-category/terms/spring-2027.yml:6:13: information: course understanding-anxiety is not ready to publish (not yet signed off by Amira Hassan and Hannah Lewis); this run stays out of the prospectus and the website until it is',
        'tests/fixtures/libraries/unknown-category/terms/spring-2027.yml:13:13: information: course planning-for-my-wellbeing is not ready to publish (not yet signed off by Daniel Okafor and Mark Evans); this run stays out of the prospectus and the website until it is',
        'tests/fixtures/libraries/unknown-category/understanding-anxiety/course.md:4:11: error: unknown category "anxiety"; known categories: life-skills, understanding-mental-health',
        '2 courses, 1 term: 2 errors, 0 warnings; 2 for information',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when there are only warnings', async () => {
    const run = await check(['tests/fixtures/libraries/unknown-directive']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(': warning: unknown block ":::tip"');
    expect(run.stdout).toContain('2 courses, 1 term: 0 errors, 1 warning; 2 for information\n');
  });

  it('prints JSON with --json', async () => {
    const run = await check(['--json', 'tests/fixtures/libraries/unknown-venue']);
    expect(run.code).toBe(1);
    const notReady = (line: number, course: string, authors: string) => ({
      file: 'terms/spring-2027.yml',
      path: 'tests/fixtures/libraries/unknown-venue/terms/spring-2027.yml',
      line,
      column: 13,
      message: `course ${course} is not ready to publish (not yet signed off by ${authors}); this run stays out of the prospectus and the website until it is`,
      severity: 'information',
      code: 'course-not-ready',
    });
    expect(JSON.parse(run.stdout)).toEqual({
      problems: [
        notReady(6, 'understanding-anxiety', 'Amira Hassan and Hannah Lewis'),
        {
          file: 'terms/spring-2027.yml',
          path: 'tests/fixtures/libraries/unknown-venue/terms/spring-2027.yml',
          line: 7,
          column: 12,
          message: 'unknown venue "town-hall"; known venues: old-library, online',
          severity: 'error',
          code: 'unknown-venue',
        },
        notReady(13, 'planning-for-my-wellbeing', 'Daniel Okafor and Mark Evans'),
      ],
    });
  });

  it('checks ./courses by default', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-check-'));
    try {
      await cp(fixtureLibrary('valid-minimal'), path.join(dir, 'courses'), { recursive: true });
      const run = await check([], dir);
      expect(run).toEqual({ code: 0, stdout: minimalOutput('courses/'), stderr: '' });
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
