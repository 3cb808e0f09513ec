/**
 * A library contains no symbolic links: each link (a folder, a file, the cover, `.tandem`) is
 * reported, never followed, and nothing from outside the library is read, listed or written.
 */
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { scanLibrary } from '../../main/fs/symbolic-links.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { LibraryFiles } from '../../main/library/read-library-file.js';
import { readSignoffs } from '../../main/signoff/signoffs-file.js';
import { saveSnapshot } from '../../main/signoff/snapshot-store.js';
import { hashContentFiles, readContentFiles } from '../../main/signoff/hash-course-version.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const fixture = fixtureLibrary('symbolic-links-leading-outside');
const root = path.join(fixture, 'library');
const outside = path.join(fixture, 'outside');
const secret = 'SECRET-FROM-OUTSIDE-THE-LIBRARY';
const rule =
  'this is a symbolic link; Tandem does not follow links in a library, as they can lead to files outside it: replace it with the file or folder itself';

describe('a library with links that lead outside it', () => {
  it('reports every link as path:line:column and reads nothing through one', async () => {
    const { library, problems } = await loadLibrary(root);
    const links = problems
      .filter((p) => p.code === 'symbolic-link')
      .map((p) => formatProblemWithSeverity(p));
    expect(links).toEqual([
      'college.yml:9:13: error: coverImage "images/cover.svg" goes through a symbolic link; use the picture file itself',
      `images:1:1: error: ${rule}`,
      `pages:1:1: error: ${rule}`,
      `planning-for-my-wellbeing/modules/02-my-plan.md:1:1: error: ${rule}`,
      `understanding-anxiety/.tandem:1:1: error: ${rule}`,
      `understanding-anxiety/images:1:1: error: ${rule}`,
    ]);
    expect(library).toBeDefined();
    expect(JSON.stringify(library)).not.toContain(secret);
    expect(library?.pages).toEqual([]);
    expect(library?.college.coverImage).toBeUndefined();
    expect(library?.courses.find((c) => c.id === 'understanding-anxiety')?.images).toEqual([]);
  });

  it('lists and reads nothing through a link in the editor API', async () => {
    const api = createApiHandlers({
      root,
      configDir: path.join(tmpdir(), 'tandem-no-config'),
    }).handlers;
    const course = await api.readCourse('understanding-anxiety');
    expect(course.images).toEqual([]);
    const plan = await api.readCourse('planning-for-my-wellbeing');
    expect(plan.modules.map((m) => m.file)).toEqual(['01-what-keeps-me-well.md']);
    await expect(api.readModule('planning-for-my-wellbeing', '02-my-plan.md')).rejects.toThrow(
      /link/,
    );
    await expect(api.readImage('understanding-anxiety', 'images/calm-lake.svg')).rejects.toThrow(
      /link/,
    );
  });

  it('never writes a signed copy through a linked .tandem folder', async () => {
    const files = [{ path: 'course.md', bytes: Buffer.from('---\ntitle: A\n---\n') }];
    const before = await readdir(path.join(outside, 'tandem'));
    await expect(
      saveSnapshot(path.join(root, 'understanding-anxiety'), hashContentFiles(files), files),
    ).rejects.toThrow(/understanding-anxiety\/\.tandem.*symbolic link/);
    expect(await readdir(path.join(outside, 'tandem'))).toEqual(before);
  });
});

describe('links made after loading', () => {
  let temp: TempLibrary;
  let elsewhere: string;
  beforeAll(async () => {
    temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    elsewhere = await mkdtemp(path.join(tmpdir(), 'tandem-elsewhere-'));
  });
  afterAll(async () => {
    await temp.dispose();
    await rm(elsewhere, { recursive: true, force: true });
  });

  it('refuses a signoffs.yml or a .tandem folder that is a link', async () => {
    const courseDir = path.join(temp.root, 'understanding-anxiety');
    await writeFile(path.join(elsewhere, 'signoffs.yml'), '- trainer: x\n');
    await symlink(path.join(elsewhere, 'signoffs.yml'), path.join(courseDir, 'signoffs.yml'));
    await expect(readSignoffs(courseDir, 'understanding-anxiety')).rejects.toThrow(
      /understanding-anxiety\/signoffs\.yml.*symbolic link/,
    );
    await symlink(elsewhere, path.join(courseDir, '.tandem'));
    const files = await readContentFiles(courseDir);
    await expect(saveSnapshot(courseDir, hashContentFiles(files), files)).rejects.toThrow(
      /symbolic link/,
    );
    expect((await readdir(elsewhere)).sort()).toEqual(['signoffs.yml']);
    expect(await readFile(path.join(elsewhere, 'signoffs.yml'), 'utf8')).toBe('- trainer: x\n');
  });

  it('reads a library whose own folder is reached through a link', async () => {
    const via = path.join(elsewhere, 'library-link');
    await symlink(temp.root, via);
    const files = LibraryFiles.walked(via, scanLibrary(via));
    const read = await files.read('college.yml');
    expect(read.problem).toBeUndefined();
    expect(read.text).toBe(await readFile(path.join(temp.root, 'college.yml'), 'utf8'));
  });

  it('reads nothing through a link made after the library was walked', async () => {
    const files = LibraryFiles.walked(temp.root, scanLibrary(temp.root));
    const module = 'understanding-anxiety/modules/01-what-is-anxiety.md';
    await writeFile(path.join(elsewhere, 'module.md'), `---\ntitle: ${secret}\n---\n`);
    await rm(path.join(temp.root, module));
    await symlink(path.join(elsewhere, 'module.md'), path.join(temp.root, module));
    const read = await files.read(module);
    expect(read.text).toBeUndefined();
    expect(read.problem?.code).toBe('symbolic-link');
    // A folder the walk never met is looked at on disk, link and all.
    const pictures = path.join(elsewhere, 'pictures');
    await mkdir(pictures);
    await writeFile(path.join(pictures, 'secret.png'), secret);
    await symlink(pictures, path.join(temp.root, 'understanding-anxiety/new-images'));
    expect(await files.list('understanding-anxiety/new-images')).toEqual([]);
    expect(await files.isFile('understanding-anxiety/new-images/secret.png')).toBe(false);
    expect(await files.linkOnPath('understanding-anxiety/new-images/secret.png')).toBe(
      'understanding-anxiety/new-images',
    );
    // A folder that became a link since the walk is listed as walked, but nothing is read.
    const [page] = (await files.list('pages')).map((entry) => `pages/${entry.name}`);
    await rename(path.join(temp.root, 'pages'), path.join(elsewhere, 'pages'));
    await writeFile(path.join(elsewhere, 'pages', path.basename(page ?? '')), secret);
    await symlink(path.join(elsewhere, 'pages'), path.join(temp.root, 'pages'));
    expect(await files.read(page ?? '')).toEqual({
      problem: {
        file: 'pages',
        line: 1,
        column: 1,
        message: rule,
        severity: 'error',
        code: 'symbolic-link',
      },
    });
  });
});
