/**
 * Two trainers, two clones of the sample library, one real Git server on loopback: what
 * happens when both change things and sync.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { getCourseStatus } from '../../main/signoff/course-status.js';
import { openLibrary } from '../../main/signoff/open-library.js';
import { signCourse } from '../../main/signoff/sign-course.js';
import { cloneRepository } from '../../main/sync/git-engine.js';
import { credentialHooks } from '../../main/sync/git-credentials.js';
import { syncLibrary } from '../../main/sync/sync-library.js';
import { repoRoot, sampleLibrary } from '../support/temp-library.js';
import { startGitHttpServer, type GitHttpServer } from './support/git-http-server.js';
import { cloneAs, type TrainerClone } from './support/trainer-clone.js';

const MODULE = 'understanding-anxiety/modules/01-what-is-anxiety.md';
const WELCOME = 'Welcome to the course. Today we get to know each other';
const ALARM = 'Anxiety is the feeling of worry, nervousness or fear.';

describe('tandem sync between two trainers', () => {
  // Each test gets its own repository and clones, copied from one made by a real clone.
  let template: { server: GitHttpServer; clone: TrainerClone };
  let server: GitHttpServer;
  let amira: TrainerClone;
  let sanjay: TrainerClone;
  const cloneFor = (trainerId: string) =>
    cloneAs(server.urlWithCredentials, trainerId, { copyOf: template.clone });

  beforeAll(async () => {
    const first = await startGitHttpServer(sampleLibrary);
    template = { server: first, clone: await cloneAs(first.urlWithCredentials, 'amira-hassan') };
  });
  afterAll(async () => {
    await template.clone.dispose();
    await template.server.close();
  });
  beforeEach(async () => {
    server = await startGitHttpServer(sampleLibrary, { copyOf: template.server });
    amira = await cloneFor('amira-hassan');
    sanjay = await cloneFor('sanjay-patel');
  });
  afterEach(async () => {
    server.setHook(undefined);
    await Promise.all([amira.dispose(), sanjay.dispose()]);
    await server.close();
  });

  it('merges edits to different files, with commit messages in words', async () => {
    await amira.replace(MODULE, WELCOME, 'Welcome, everyone. Today we get to know each other');
    await sanjay.replace(
      'managing-stress/course.md',
      'title: Managing stress',
      'title: Managing stress day to day',
    );

    expect(await amira.sync()).toEqual({ state: 'in-step', sent: 1, received: 0 });
    expect(await sanjay.sync()).toEqual({ state: 'in-step', sent: 1, received: 1 });
    expect(await amira.sync()).toMatchObject({ state: 'in-step', received: 1 });

    for (const clone of [amira, sanjay]) {
      expect(await clone.read(MODULE)).toContain('Welcome, everyone.');
      expect(await clone.read('managing-stress/course.md')).toContain('day to day');
      expect(await clone.gitStatus()).toBe('');
    }
    const log = await server.git('log', '--format=%an|%s', 'main');
    expect(log).toContain('Amira Hassan|Amira Hassan: edited Understanding anxiety, session 1');
    expect(log).toContain('Sanjay Patel|Sanjay Patel: edited Managing stress day to day');
  });

  it('merges edits to different paragraphs of one module', async () => {
    await amira.replace(MODULE, WELCOME, 'Welcome, everyone. Today we get to know each other');
    await sanjay.replace(MODULE, ALARM, 'Anxiety is a feeling of worry, nervousness or fear.');

    await amira.sync();
    expect(await sanjay.sync()).toMatchObject({ state: 'in-step', received: 1 });
    await amira.sync();

    for (const clone of [amira, sanjay]) {
      const text = await clone.read(MODULE);
      expect(text).toContain('Welcome, everyone.');
      expect(text).toContain('Anxiety is a feeling of worry');
    }
    expect(await amira.read(MODULE)).toBe(await sanjay.read(MODULE));
    expect((await loadLibrary(sanjay.dir)).problems.filter((p) => p.severity === 'error')).toEqual(
      [],
    );
  });

  it('keeps both sign-offs when both authors sign a course at the same time', async () => {
    const course = 'getting-a-good-nights-sleep';
    const daniel = await cloneFor('daniel-okafor');
    try {
      const signAs = async (clone: TrainerClone) => {
        const { library } = await openLibrary(clone.dir);
        await signCourse(library, course, clone.trainerId, { configDir: clone.configDir });
      };
      await Promise.all([signAs(daniel), signAs(sanjay)]);
      await daniel.sync();
      await sanjay.sync();
      await daniel.sync();

      for (const clone of [daniel, sanjay]) {
        const { library } = await openLibrary(clone.dir);
        const status = await getCourseStatus(library, course);
        expect(status.state).toBe('ready');
        expect(status.records.filter((r) => r.valid)).toHaveLength(4);
        expect(await clone.gitStatus()).toBe('');
      }
      expect(await daniel.read(`${course}/signoffs.yml`)).toBe(
        await sanjay.read(`${course}/signoffs.yml`),
      );
    } finally {
      await daniel.dispose();
    }
    // Signing loads and hashes the whole sample library several times: slow on a busy machine.
  }, 150_000);

  it('stops on a same-line change, names the file and keeps both texts', async () => {
    await amira.replace(MODULE, WELCOME, 'Amira’s welcome. Today we get to know each other');
    await sanjay.replace(MODULE, WELCOME, 'Sanjay’s welcome. Today we get to know each other');
    await sanjay.replace('managing-stress/course.md', 'title: Managing stress', 'title: Stress');

    expect(await amira.sync()).toMatchObject({ state: 'in-step' });
    const stopped = await sanjay.sync();
    const theirsPath = 'understanding-anxiety/modules/.tandem-theirs-01-what-is-anxiety.md';
    expect(stopped).toEqual({
      state: 'needs-decision',
      conflicts: [{ path: MODULE, theirsPath }],
      received: 0,
    });
    expect(await sanjay.read(MODULE)).toContain('Sanjay’s welcome.');
    expect(await sanjay.read(theirsPath)).toContain('Amira’s welcome.');

    // The check names the file instead of letting a half-decided library publish.
    const checked = await loadLibrary(sanjay.dir);
    expect(checked.problems).toContainEqual(
      expect.objectContaining({ file: MODULE, severity: 'error', code: 'sync-conflict' }),
    );
    // Syncing again without deciding changes nothing and still lists the file.
    expect(await sanjay.sync()).toMatchObject({ state: 'needs-decision' });

    // Sanjay keeps both sentences and deletes their copy: the next sync completes.
    await sanjay.replace(MODULE, 'Sanjay’s welcome.', 'Amira’s welcome. Sanjay’s welcome.');
    const { rm } = await import('node:fs/promises');
    await rm(path.join(sanjay.dir, theirsPath));
    expect(await sanjay.sync()).toMatchObject({ state: 'in-step' });
    expect(await amira.sync()).toMatchObject({ state: 'in-step' });
    expect(await amira.read(MODULE)).toContain('Amira’s welcome. Sanjay’s welcome.');
    expect(await amira.read('managing-stress/course.md')).toContain('title: Stress');
    expect(await server.git('log', '-1', '--format=%s', 'main')).toMatch(
      /^Sanjay Patel: decided between two versions of Understanding anxiety.*session 1/,
    );
    expect((await loadLibrary(amira.dir)).problems.filter((p) => p.severity === 'error')).toEqual(
      [],
    );
  });

  it('tandem sync exits 1 and lists each file to decide, with their version beside it', async () => {
    await amira.replace(MODULE, WELCOME, 'Amira’s welcome. Today we get to know each other');
    await sanjay.replace(MODULE, WELCOME, 'Sanjay’s welcome. Today we get to know each other');
    await amira.sync();
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('node', [path.join(repoRoot, 'bin/tandem.js'), 'sync', sanjay.dir], {
        env: { ...process.env, TANDEM_CONFIG_DIR: sanjay.configDir },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('You and someone else changed the same lines. Nothing is lost');
    expect(result.out).toContain(`${sanjay.dir}/${MODULE}\n`);
    expect(result.out).toContain(
      `their version: ${sanjay.dir}/understanding-anxiety/modules/.tandem-theirs-01-what-is-anxiety.md`,
    );
  });

  it('says plainly when the sign-in is refused, and keeps the change', async () => {
    const wrong = server.urlWithCredentials.replace(server.password, 'not-the-password');
    const home = path.dirname(amira.dir);
    const dir = path.join(home, 'wrong');
    await expect(
      cloneRepository(dir, wrong, credentialHooks({ useGitHelpers: false, env: {} })),
    ).rejects.toThrow(/401/);

    // A token given to Tandem is tried when the address holds none.
    const plain = path.join(home, 'plain');
    await cloneRepository(
      plain,
      server.url,
      credentialHooks({ useGitHelpers: false, env: { TANDEM_GIT_TOKEN: server.password } }),
    );
    const { writeFile } = await import('node:fs/promises');
    await writeFile(path.join(plain, 'pages/notes.md'), '---\ntitle: Notes\n---\n\nA note.\n');
    const refused = syncLibrary(plain, {
      author: { name: 'Amira Hassan', email: '' },
      auth: credentialHooks({ useGitHelpers: false, env: { TANDEM_GIT_TOKEN: 'expired' } }),
    });
    await expect(refused).rejects.toMatchObject({
      kind: 'sign-in',
      message: expect.stringMatching(
        /^127\.0\.0\.1:\d+ did not accept the sign-in\. Check the token/,
      ),
    });

    const noSignIn = syncLibrary(plain, {
      author: { name: 'Amira Hassan', email: '' },
      auth: credentialHooks({ useGitHelpers: false, env: {} }),
    });
    await expect(noSignIn).rejects.toMatchObject({ kind: 'sign-in' });
  });

  it('recovers when the sync process is killed during the push or the fetch', async () => {
    const tandem = path.join(repoRoot, 'bin/tandem.js');
    const killDuring = async (clone: TrainerClone, service: string): Promise<void> => {
      const child = spawn('node', [tandem, 'sync', clone.dir], {
        env: { ...process.env, TANDEM_CONFIG_DIR: clone.configDir },
        stdio: 'ignore',
      });
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      server.setHook(async ({ service: asked, method }) => {
        if (asked !== service || method !== 'POST') return;
        child.kill('SIGKILL');
        await exited;
        throw new Error('the client went away');
      });
      await exited;
      server.setHook(undefined);
    };

    await amira.replace(MODULE, WELCOME, 'Welcome, everyone. Today we get to know each other');
    await killDuring(amira, 'git-receive-pack');
    expect(await server.git('log', '-1', '--format=%an', 'main')).toBe('Tandem tests\n');

    await sanjay.replace(MODULE, ALARM, 'Anxiety is a feeling of worry, nervousness or fear.');
    await sanjay.sync();
    await killDuring(amira, 'git-upload-pack');

    expect(await amira.sync()).toMatchObject({ state: 'in-step', received: 1 });
    expect(await amira.gitStatus()).toBe('');
    const text = await amira.read(MODULE);
    expect(text).toContain('Welcome, everyone.');
    expect(text).toContain('Anxiety is a feeling of worry');
    expect(await sanjay.sync()).toMatchObject({ state: 'in-step', received: 1 });
    expect(await sanjay.read(MODULE)).toBe(text);
  });

  it('finishes a merge that was killed while writing files', async () => {
    await sanjay.replace(MODULE, ALARM, 'Anxiety is a feeling of worry, nervousness or fear.');
    await sanjay.replace('managing-stress/course.md', 'title: Managing stress', 'title: Stress');
    await sanjay.sync();
    // Amira's sync was killed after recording the merge and writing one of the two files.
    const { fetchBranch, resolveCommit } = await import('../../main/sync/git-engine.js');
    const { writeSyncState } = await import('../../main/library/sync-state.js');
    const theirs = await fetchBranch(amira.dir, 'main', credentialHooks({ env: {} }));
    const ours = await resolveCommit(amira.dir, 'HEAD');
    await writeSyncState(amira.dir, {
      ours: ours ?? '',
      theirs: theirs ?? '',
      applied: false,
      fastForward: true,
      conflicts: [],
    });
    await amira.write(MODULE, await sanjay.read(MODULE));

    expect(await amira.sync()).toEqual({ state: 'in-step', sent: 0, received: 2 });
    expect(await amira.gitStatus()).toBe('');
    expect(await amira.read('managing-stress/course.md')).toContain('title: Stress');
    expect(await resolveCommit(amira.dir, 'HEAD')).toBe(theirs);
    const left = await readdir(path.join(amira.dir, '.git'));
    expect(left).not.toContain('tandem-sync.json');
    expect(await readFile(path.join(amira.dir, MODULE), 'utf8')).toBe(await sanjay.read(MODULE));
  });
});
