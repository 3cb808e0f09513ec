/**
 * The front pages on real files: reading and saving one (refused, with theirs, when it changed
 * on disk), adding one with a checked id, reordering by rewriting only the `order` lines that
 * change, deleting with the file handed back for Undo, and pictures read from images/.
 */
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { validateArgs } from '../../main/api/validate-args.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let api: ApiHandlers;
const file = (relative: string) => path.join(library.root, relative);
const read = (relative: string) => readFile(file(relative), 'utf8');

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  api = createApiHandlers({ root: library.root }).handlers;
});
afterEach(async () => {
  await library.dispose();
});

describe('reading and saving a page', () => {
  it('lists the pages in their order and saves title and text, keeping other fields', async () => {
    expect((await api.listPages()).pages).toEqual([
      { slug: 'welcome', title: 'Welcome', order: 1 },
      { slug: 'how-to-enrol', title: 'How to enrol', order: 2 },
    ]);
    const page = await api.readPage('welcome');
    expect(page.body).toMatch(/^Welcome to Riverside Recovery College\./);
    const saved = await api.savePage({
      slug: 'welcome',
      title: 'Welcome to the college',
      body: 'New text.\n',
      baseVersion: page.version,
    });
    expect(saved.ok).toBe(true);
    expect(await read('pages/welcome.md')).toBe(
      '---\ntitle: Welcome to the college\norder: 1\n---\n\nNew text.\n',
    );
  });

  it('refuses a save over a page changed on disk, handing back theirs', async () => {
    const page = await api.readPage('welcome');
    const theirs = (await read('pages/welcome.md')).replace('Welcome to', 'Hello from');
    await writeFile(file('pages/welcome.md'), theirs);
    const result = await api.savePage({ ...page, body: 'Mine.\n', baseVersion: page.version });
    expect(result).toMatchObject({ ok: false, conflict: { theirs } });
    expect(await read('pages/welcome.md')).toBe(theirs);
  });

  it('reports a page that is not there as not found', async () => {
    await expect(api.readPage('no-such-page')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('adding, reordering and removing pages', () => {
  it('adds a page last, and refuses an id already taken', async () => {
    expect(await api.addPage({ title: 'What to expect', slug: 'what-to-expect' })).toEqual({
      slug: 'what-to-expect',
      title: 'What to expect',
      order: 3,
    });
    expect(await read('pages/what-to-expect.md')).toBe(
      '---\ntitle: What to expect\norder: 3\n---\n\n',
    );
    await expect(api.addPage({ title: 'Again', slug: 'welcome' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const loaded = await loadLibrary(library.root);
    expect(loaded.problems).toEqual([]);
    expect(loaded.library?.pages.map((p) => p.slug)).toEqual([
      'welcome',
      'how-to-enrol',
      'what-to-expect',
    ]);
  });

  it.each([
    ['Welcome', 'must be lower-case words joined by dashes'],
    ['../college', 'must be lower-case words joined by dashes'],
    ['how_to_enrol', 'must be lower-case words joined by dashes'],
  ])('refuses the page id %j at the boundary', (slug, message) => {
    expect(() => validateArgs('addPage', [{ title: 'A page', slug }])).toThrow(message);
  });

  it('reorders by rewriting only the order lines that change, comments kept', async () => {
    await writeFile(
      file('pages/how-to-enrol.md'),
      (await read('pages/how-to-enrol.md')).replace('order: 2', 'order: 2 # after the welcome'),
    );
    await api.addPage({ title: 'Accessibility', slug: 'accessibility' });
    const welcome = await read('pages/welcome.md');
    const refs = await api.reorderPages(['welcome', 'accessibility', 'how-to-enrol']);
    expect(refs.map((r) => [r.slug, r.order])).toEqual([
      ['welcome', 1],
      ['accessibility', 2],
      ['how-to-enrol', 3],
    ]);
    expect(await read('pages/welcome.md')).toBe(welcome);
    expect(await read('pages/how-to-enrol.md')).toMatch(
      /^---\ntitle: How to enrol\norder: 3 # after the welcome\n---\n\nAnyone aged 18/,
    );
    await expect(api.reorderPages(['welcome', 'how-to-enrol'])).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('deletes a page and puts it back, byte for byte, under its own id', async () => {
    const before = await read('pages/how-to-enrol.md');
    const deleted = await api.deletePage('how-to-enrol');
    expect(await readdir(file('pages'))).toEqual(['welcome.md']);
    expect(await api.restorePage(deleted)).toEqual({
      slug: 'how-to-enrol',
      title: 'How to enrol',
      order: 2,
    });
    expect(await read('pages/how-to-enrol.md')).toBe(before);
  });

  it('puts a deleted page back beside a new page that took its id meanwhile', async () => {
    const deleted = await api.deletePage('how-to-enrol');
    await api.addPage({ title: 'Enrolling', slug: 'how-to-enrol' });
    expect((await api.restorePage(deleted)).slug).toBe('how-to-enrol-2');
    expect(await read('pages/how-to-enrol-2.md')).toBe(deleted.content);
  });
});

describe('pictures for pages', () => {
  it('reads a picture of images/ and lists it, but nothing through a link', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4"/></svg>';
    await mkdir(file('images'));
    await writeFile(file('images/map.svg'), svg);
    expect((await api.listPages()).pictures).toEqual(['images/map.svg']);
    expect(await api.readPicture('images/map.svg')).toMatch(/^data:image\/svg\+xml;base64,/);
    await symlink(file('college.yml'), file('images/linked.svg'));
    await expect(api.readPicture('images/linked.svg')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
