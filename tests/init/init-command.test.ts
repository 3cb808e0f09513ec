/**
 * `tandem init`: the new library passes the check, is an ordinary Git repository, and its
 * publishing workflows are valid and, run here, build the website and the prospectus.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLibrary } from '../../main/library/load-library.js';
import { testBrowserPath } from '../support/chromium.js';
import { repoRoot } from '../support/temp-library.js';

const run = promisify(execFile);
const tandem = (...args: string[]) =>
  run(process.execPath, [path.join(repoRoot, 'bin/tandem.js'), ...args], { cwd: repoRoot });

interface WorkflowStep {
  id?: string;
  run?: string;
}

describe('tandem init', () => {
  let home: string;
  const github = () => path.join(home, 'github');
  const gitlab = () => path.join(home, 'gitlab');

  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'tandem-init-'));
    await tandem('init', github(), '--ci', 'github');
    await tandem('init', gitlab(), '--ci', 'gitlab');
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it('makes a starter library that passes the check, in a Git repository with one commit', async () => {
    for (const dir of [github(), gitlab()]) {
      const { library, problems } = await loadLibrary(dir);
      expect(problems).toEqual([]);
      expect(library?.courses.map((course) => course.id)).toEqual(['finding-hope-in-recovery']);
      expect((await run('git', ['status', '--porcelain'], { cwd: dir })).stdout).toBe('');
      expect((await run('git', ['log', '--format=%s'], { cwd: dir })).stdout).toBe(
        'Started the library with a small starter college\n',
      );
    }
    expect(await readFile(path.join(github(), 'README.md'), 'utf8')).toContain(
      'runs `.github/workflows/publish.yml` on GitHub',
    );
  });

  it('refuses a folder that is not empty', async () => {
    await expect(tandem('init', github())).rejects.toMatchObject({
      stderr: expect.stringContaining('is not empty; choose a new folder.'),
    });
  });

  it('writes a GitHub workflow that passes the published workflow schema', async () => {
    const text = await readFile(path.join(github(), '.github/workflows/publish.yml'), 'utf8');
    expect(validateWorkflow(text).errors).toEqual([]);
    expect(text).toContain(`TANDEM_PACKAGE: tandem@0.1.0`);
    // The check can fail: the same file without its runner does not pass.
    expect(validateWorkflow(text.replace('runs-on: ubuntu-24.04', '')).errors).not.toEqual([]);
  });

  it('writes a GitLab Pages job that publishes public/ from main', async () => {
    const config = parse(await readFile(path.join(gitlab(), '.gitlab-ci.yml'), 'utf8')) as {
      pages: { script: string[]; artifacts: { paths: string[] }; rules: { if: string }[] };
    }; // cast: checked field by field below
    expect(config.pages.artifacts.paths).toEqual(['public']);
    expect(config.pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "main"' }]);
    expect(config.pages.script[0]).toBe('tandem check .');
  });

  it("runs the workflow's check and build steps here, making the site and prospectus", async () => {
    const workflow = parse(
      await readFile(path.join(github(), '.github/workflows/publish.yml'), 'utf8'),
    ) as { jobs: { publish: { steps: WorkflowStep[] } } }; // cast: the shape written by tandem init
    const steps = workflow.jobs.publish.steps.filter((s) => s.id === 'check' || s.id === 'build');
    expect(steps.map((s) => s.id)).toEqual(['check', 'build']);
    const gitlabScript = (
      parse(await readFile(path.join(gitlab(), '.gitlab-ci.yml'), 'utf8')) as {
        pages: { script: string[] };
      }
    ).pages.script; // cast: as above
    expect(steps.flatMap((s) => (s.run ?? '').trim().split('\n'))).toEqual(gitlabScript);

    // `tandem` on the PATH is this checkout, as `npm install --global` would make it.
    const bin = path.join(home, 'bin');
    await run('mkdir', ['-p', bin]);
    await writeFile(
      path.join(bin, 'tandem'),
      `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'bin/tandem.js')}" "$@"\n`,
    );
    await chmod(path.join(bin, 'tandem'), 0o755);
    const env = {
      ...process.env,
      PATH: `${bin}:${process.env.PATH ?? ''}`,
      TANDEM_BROWSER: testBrowserPath(),
    };
    for (const step of steps) {
      await run('bash', ['-e', '-c', step.run ?? ''], { cwd: github(), env });
    }
    const site = path.join(github(), 'public');
    expect((await stat(path.join(site, 'index.html'))).isFile()).toBe(true);
    const pdf = await readFile(path.join(site, 'prospectus.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('Our Recovery College');
  });
});
