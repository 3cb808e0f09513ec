/**
 * `tandem init`: the new library passes the check, is an ordinary Git repository, and its
 * publishing workflows are valid and, run here, build the website and the prospectus.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
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
  name?: string;
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

  it("installs Tandem and runs the workflow's check and build steps, making the site and prospectus", async () => {
    const workflow = parse(
      await readFile(path.join(github(), '.github/workflows/publish.yml'), 'utf8'),
    ) as { jobs: { publish: { steps: WorkflowStep[] } } }; // cast: the shape written by tandem init
    const steps = workflow.jobs.publish.steps.filter((s) => s.id === 'check' || s.id === 'build');
    expect(steps.map((s) => s.id)).toEqual(['check', 'build']);
    const gitlabConfig = parse(await readFile(path.join(gitlab(), '.gitlab-ci.yml'), 'utf8')) as {
      pages: { script: string[]; before_script: string[] };
    }; // cast: as above
    const gitlabScript = gitlabConfig.pages.script;
    expect(steps.flatMap((s) => (s.run ?? '').trim().split('\n'))).toEqual(gitlabScript);

    // Install Tandem as the workflows do, from this checkout packed as it would be released
    // (with the command line `npm ci` compiled), into a folder of its own.
    const installLine = (lines: string[]) =>
      lines.map((line) => line.trim()).find((line) => line.startsWith('npm install --global'));
    const install = installLine(
      (
        workflow.jobs.publish.steps.find((s) => s.name === 'Install Tandem and Chromium')?.run ?? ''
      ).split('\n'),
    );
    expect(install).toBe('npm install --global "$TANDEM_PACKAGE"');
    expect(installLine(gitlabConfig.pages.before_script)).toBe(install);
    const packed = path.join(home, 'packed');
    await mkdir(packed);
    const { stdout: packOutput } = await run(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', packed],
      { cwd: repoRoot },
    );
    const filename = (JSON.parse(packOutput) as { filename: string }[])[0]?.filename ?? ''; // cast: npm's --json shape
    const prefix = path.join(home, 'prefix');
    const env = {
      ...process.env,
      PATH: `${path.join(prefix, 'bin')}:${process.env.PATH ?? ''}`,
      TANDEM_BROWSER: testBrowserPath(),
    };
    await run('bash', ['-e', '-c', install ?? ''], {
      cwd: github(),
      env: {
        ...env,
        TANDEM_PACKAGE: path.join(packed, filename),
        npm_config_prefix: prefix,
        npm_config_prefer_offline: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
      },
    });
    expect((await run('which', ['tandem'], { env })).stdout.trim()).toBe(
      path.join(prefix, 'bin', 'tandem'),
    );
    for (const step of steps) {
      await run('bash', ['-e', '-c', step.run ?? ''], { cwd: github(), env });
    }
    const site = path.join(github(), 'public');
    expect((await stat(path.join(site, 'index.html'))).isFile()).toBe(true);
    const pdf = await readFile(path.join(site, 'prospectus.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readFile(path.join(site, 'index.html'), 'utf8')).toContain('Our Recovery College');
  }, 300_000); // installing Tandem's packages takes a while on a busy machine
});
