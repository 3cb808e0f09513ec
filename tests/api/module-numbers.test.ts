/**
 * Module numbers stop at 99, where the loader's two-digit file names stop: the API never writes
 * a `100-x.md` that the next check would reject.
 */
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { validateArgs } from '../../main/api/validate-args.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const COURSE = 'understanding-anxiety';
let library: TempLibrary;
let api: ApiHandlers;
let configDir: string;

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
  api = createApiHandlers({ root: library.root, configDir }).handlers;
  // The course's last module becomes number 99.
  const modules = path.join(library.root, COURSE, 'modules');
  await rename(path.join(modules, '02-ways-to-feel-calmer.md'), path.join(modules, '99-last.md'));
});
afterEach(async () => {
  await library.dispose();
  await rm(configDir, { recursive: true, force: true });
});

const moduleFiles = () => readdir(path.join(library.root, COURSE, 'modules'));

describe('api-lets-a-course-reach-a-100th-module', () => {
  it('refuses to add a module after number 99, saying why, and writes nothing', async () => {
    await expect(api.addModule(COURSE, 'One too many')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('highest a module file name can carry'),
    });
    expect((await moduleFiles()).sort()).toEqual(['01-what-is-anxiety.md', '99-last.md']);
    const { problems } = await loadLibrary(library.root);
    expect(problems.filter((p) => p.code === 'module-file-name')).toEqual([]);
  });

  it('refuses to restore a module at the end when its own number is taken again', async () => {
    const deleted = await api.deleteModule(COURSE, '01-what-is-anxiety.md');
    // Meanwhile someone else puts a module of the same name back.
    await writeFile(
      path.join(library.root, COURSE, 'modules', deleted.module.file),
      deleted.content,
    );
    await expect(api.restoreModule(COURSE, deleted)).rejects.toMatchObject({ code: 'conflict' });
    expect((await moduleFiles()).sort()).toEqual(['01-what-is-anxiety.md', '99-last.md']);
  });

  it('refuses a module file name of three digits at the boundary', () => {
    expect(() => validateArgs('readModule', [COURSE, '100-x.md'])).toThrow(/module file name/);
    expect(() => validateArgs('readModule', [COURSE, '99-x.md'])).not.toThrow();
  });
});
