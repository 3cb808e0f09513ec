/** The API handlers on real files: a temp copy of a fixture library per test. */
import { mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CourseFields } from '../../main/api/contract.js';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const COURSE = 'understanding-anxiety';
let library: TempLibrary;
let configDir: string;
let api: ApiHandlers;

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
  api = createApiHandlers({ root: library.root, configDir }).handlers;
});
afterEach(async () => {
  await library.dispose();
  await rm(configDir, { recursive: true, force: true });
});

const courseFile = (): string => path.join(library.root, COURSE, 'course.md');
const modulesDir = (): string => path.join(library.root, COURSE, 'modules');

describe('courses', () => {
  it('reads fields, description, modules and images from disk', async () => {
    const course = await api.readCourse(COURSE);
    expect(course.fields.title).toBe('Understanding anxiety');
    expect(course.fields.authors).toEqual(['amira-hassan', 'hannah-lewis']);
    expect(course.description.startsWith('Everyone feels anxious')).toBe(true);
    expect(course.modules.map((m) => [m.number, m.file])).toEqual([
      [1, '01-what-is-anxiety.md'],
      [2, '02-ways-to-feel-calmer.md'],
    ]);
    expect(course.images).toEqual(['images/calm-lake.svg']);
    expect(course.version).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('saves in place: field order, comments and unknown fields survive', async () => {
    const original = await readFile(courseFile(), 'utf8');
    await writeFile(
      courseFile(),
      original.replace(
        'code: UMH101',
        'code: UMH101 # from the 2026 numbering\nreviewed: 2026-09-01',
      ),
    );
    const course = await api.readCourse(COURSE);
    const fields: CourseFields = {
      ...course.fields,
      title: 'Understanding anxiety together',
      tags: [],
    };
    const result = await api.saveCourse({
      courseId: COURSE,
      fields,
      description: 'A new description.\n',
      baseVersion: course.version,
    });
    expect(result.ok).toBe(true);
    const saved = await readFile(courseFile(), 'utf8');
    expect(saved).toContain('title: Understanding anxiety together\n');
    expect(saved).toContain('code: UMH101 # from the 2026 numbering\n');
    expect(saved).toContain('reviewed: 2026-09-01\n');
    const keys = [...saved.matchAll(/^([a-z]+):/gm)].map((m) => m[1]);
    expect(keys).toEqual([
      'title',
      'code',
      'reviewed',
      'category',
      'summary',
      'audience',
      'format',
      'outcomes',
      'authors',
      'tags',
    ]);
    expect(saved.endsWith('---\n\nA new description.\n')).toBe(true);
    // The next save starts from the version the save returned.
    if (!result.ok) return;
    const again = await api.saveCourse({
      courseId: COURSE,
      fields,
      description: 'Again.\n',
      baseVersion: result.version,
    });
    expect(again.ok).toBe(true);
  });

  it('refuses to save over a course.md someone else changed, and changes nothing', async () => {
    const course = await api.readCourse(COURSE);
    const theirs = (await readFile(courseFile(), 'utf8')).replace('Everyone feels', 'We all feel');
    await writeFile(courseFile(), theirs);
    const result = await api.saveCourse({
      courseId: COURSE,
      fields: course.fields,
      description: 'Mine.\n',
      baseVersion: course.version,
    });
    expect(result).toEqual({
      ok: false,
      conflict: {
        theirs,
        theirsBody: expect.stringContaining('We all feel') as string,
        version: expect.stringMatching(/^sha256:/) as string,
      },
    });
    expect(await readFile(courseFile(), 'utf8')).toBe(theirs);
  });

  it('creates a course folder from a title, and never over an existing one', async () => {
    const created = await api.createCourse({
      title: 'Living well with pain',
      category: 'understanding-mental-health',
      authors: ['amira-hassan', 'mark-evans'],
    });
    expect(created.id).toBe('living-well-with-pain');
    expect(created.fields.authors).toEqual(['amira-hassan', 'mark-evans']);
    await expect(
      api.createCourse({ id: COURSE, title: 'Again', category: 'x', authors: [] }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('says plainly when a course does not exist', async () => {
    await expect(api.readCourse('no-such-course')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('modules', () => {
  it('saves a module and refuses a stale save', async () => {
    const module = await api.readModule(COURSE, '01-what-is-anxiety.md');
    const saved = await api.saveModule({
      courseId: COURSE,
      file: module.file,
      title: module.title,
      duration: '90 minutes',
      body: 'New body.\n',
      baseVersion: module.version,
    });
    expect(saved.ok).toBe(true);
    const text = await readFile(path.join(modulesDir(), module.file), 'utf8');
    expect(text).toMatch(/^---\ntitle: .*\nduration: 90 minutes\n---\n\nNew body\.\n$/);
    const stale = await api.saveModule({
      courseId: COURSE,
      file: module.file,
      title: module.title,
      body: 'Lost?\n',
      baseVersion: module.version,
    });
    expect(stale.ok).toBe(false);
    expect(await readFile(path.join(modulesDir(), module.file), 'utf8')).toBe(text);
  });

  it('adds after the last module, renames keeping the number, reorders by renumbering', async () => {
    const added = await api.addModule(COURSE, 'Looking after yourself');
    expect(added).toMatchObject({ file: '03-looking-after-yourself.md', number: 3 });

    const renamed = await api.renameModule(COURSE, '02-ways-to-feel-calmer.md', 'Feeling calmer');
    expect(renamed).toMatchObject({
      file: '02-feeling-calmer.md',
      number: 2,
      title: 'Feeling calmer',
    });

    const order = ['03-looking-after-yourself.md', '01-what-is-anxiety.md', '02-feeling-calmer.md'];
    const reordered = await api.reorderModules(COURSE, order);
    expect(reordered.map((m) => m.file)).toEqual([
      '01-looking-after-yourself.md',
      '02-what-is-anxiety.md',
      '03-feeling-calmer.md',
    ]);
    expect((await readdir(modulesDir())).sort()).toEqual(reordered.map((m) => m.file).sort());
    await expect(
      api.reorderModules(COURSE, ['01-looking-after-yourself.md']),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('swaps two modules with the same slug without losing either', async () => {
    await writeFile(path.join(modulesDir(), '03-notes.md'), '---\ntitle: Notes A\n---\n\nA\n');
    await writeFile(path.join(modulesDir(), '04-notes.md'), '---\ntitle: Notes B\n---\n\nB\n');
    const files = [
      '01-what-is-anxiety.md',
      '02-ways-to-feel-calmer.md',
      '04-notes.md',
      '03-notes.md',
    ];
    const result = await api.reorderModules(COURSE, files);
    expect(result.map((m) => [m.file, m.title])).toEqual([
      ['01-what-is-anxiety.md', expect.any(String)],
      ['02-ways-to-feel-calmer.md', expect.any(String)],
      ['03-notes.md', 'Notes B'],
      ['04-notes.md', 'Notes A'],
    ]);
  });

  it('deletes a module and restores it exactly', async () => {
    const before = await readFile(path.join(modulesDir(), '01-what-is-anxiety.md'), 'utf8');
    const deleted = await api.deleteModule(COURSE, '01-what-is-anxiety.md');
    expect(deleted.content).toBe(before);
    expect(await readdir(modulesDir())).toEqual(['02-ways-to-feel-calmer.md']);
    const restored = await api.restoreModule(COURSE, deleted);
    expect(restored.file).toBe('01-what-is-anxiety.md');
    expect(await readFile(path.join(modulesDir(), '01-what-is-anxiety.md'), 'utf8')).toBe(before);
  });

  it('restores a module at the end when another module took its number meanwhile', async () => {
    const deleted = await api.deleteModule(COURSE, '01-what-is-anxiety.md');
    // A co-author's reorder moves the other module to number 01 before the restore.
    await rename(
      path.join(modulesDir(), '02-ways-to-feel-calmer.md'),
      path.join(modulesDir(), '01-ways-to-feel-calmer.md'),
    );
    const restored = await api.restoreModule(COURSE, deleted);
    expect(restored.file).toBe('02-what-is-anxiety.md');
    expect((await readdir(modulesDir())).sort()).toEqual([
      '01-ways-to-feel-calmer.md',
      '02-what-is-anxiety.md',
    ]);
    const { problems } = await loadLibrary(library.root);
    expect(problems.filter((p) => p.code === 'duplicate-module-number')).toEqual([]);
  });
});

describe('containment through the API', () => {
  it('reads images only from images/, and not through links that leave the library', async () => {
    expect(await api.readImage(COURSE, 'images/calm-lake.svg')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    const outside = await mkdtemp(path.join(tmpdir(), 'tandem-outside-'));
    try {
      await writeFile(path.join(outside, 'secret.png'), 'not for the UI');
      await symlink(
        path.join(outside, 'secret.png'),
        path.join(library.root, COURSE, 'images', 'leak.png'),
      );
      await expect(api.readImage(COURSE, 'images/leak.png')).rejects.toThrow(/link/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
    await expect(api.readImage(COURSE, 'images/../course.md')).rejects.toThrow();
    await expect(api.readImage(COURSE, 'modules/01-what-is-anxiety.md')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('refuses a course folder that is a link to somewhere else', async () => {
    const outside = await mkdtemp(path.join(tmpdir(), 'tandem-outside-'));
    try {
      await writeFile(path.join(outside, 'course.md'), '---\ntitle: x\n---\n');
      await symlink(outside, path.join(library.root, 'linked-course'));
      await expect(api.readCourse('linked-course')).rejects.toThrow(/link/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });
});

describe('builds and reveal', () => {
  it('refuses to publish into the library or over a folder of other files', async () => {
    const options = {
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    } as const;
    await expect(
      api.startBuild({ ...options, outDir: path.join(library.root, 'out') }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const busy = await mkdtemp(path.join(tmpdir(), 'tandem-busy-'));
    try {
      await writeFile(path.join(busy, 'thesis.docx'), 'precious');
      await expect(api.startBuild({ ...options, outDir: busy })).rejects.toMatchObject({
        code: 'forbidden',
      });
      await expect(api.startBuild({ ...options, outDir: 'relative/out' })).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    } finally {
      await rm(busy, { recursive: true, force: true });
    }
  });

  it('reveals only what this session built', async () => {
    await expect(api.revealOutput('/etc/passwd')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('plans a build from sign-off status', async () => {
    const plan = await api.planBuild({ draft: false });
    expect(plan.termId).toBe('spring-2027');
    expect(plan.included.length + plan.excluded.length).toBe(2);
  });
});
