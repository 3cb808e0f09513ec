/**
 * Pictures added from the computer and the college's time zone and cover, on real files: what
 * is refused says why and writes nothing; what is accepted lands in images/ under a plain
 * name, and college.yml changes only in the lines asked for.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let api: ApiHandlers;

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  api = createApiHandlers({ root: library.root }).handlers;
});
afterEach(async () => {
  await library.dispose();
});

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4"/></svg>';
const base64 = (data: string | Buffer) => Buffer.from(data).toString('base64');
const pictures = () => readdir(path.join(library.root, 'images')).catch(() => []);

describe('addPicture', () => {
  it.each([
    ['notes.txt', base64('hello'), 'notes.txt is not a picture Tandem publishes; choose a .png,'],
    ['empty.png', '', 'empty.png is empty.'],
    ['fake.png', base64('GIF89a not a png'), 'fake.png is not really a PNG picture'],
    [
      'huge.png',
      base64(Buffer.concat([PNG, Buffer.alloc(6 * 1024 * 1024)])),
      'huge.png is 6.0 MB; pictures can be up to 5 MB.',
    ],
    [
      'sneaky.svg',
      base64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'sneaky.svg was not added: ',
    ],
  ])('refuses %s, writing nothing', async (fileName, data, message) => {
    await expect(api.addPicture({ fileName, data })).rejects.toThrow(message);
    expect(await pictures()).toEqual([]);
  });

  it('copies a picture into images/ under a plain name, never over another picture', async () => {
    expect(await api.addPicture({ fileName: 'Calm Lake (2).PNG', data: base64(PNG) })).toEqual({
      path: 'images/calm-lake-2.png',
    });
    expect(await readFile(path.join(library.root, 'images/calm-lake-2.png'))).toEqual(PNG);
    // The same picture again is the same file; a different one with that name gets its own.
    expect(await api.addPicture({ fileName: 'calm lake 2.png', data: base64(PNG) })).toEqual({
      path: 'images/calm-lake-2.png',
    });
    const other = Buffer.concat([PNG, Buffer.from([0])]);
    expect(await api.addPicture({ fileName: 'calm-lake-2.png', data: base64(other) })).toEqual({
      path: 'images/calm-lake-2-2.png',
    });
    expect(await pictures()).toEqual(['calm-lake-2-2.png', 'calm-lake-2.png']);
  });

  it('writes an SVG as the safety check wrote it out', async () => {
    const added = await api.addPicture({ fileName: 'logo.svg', data: base64(SVG) });
    const written = await readFile(path.join(library.root, added.path), 'utf8');
    expect(written).toContain('<circle r="4"/>');
    expect((await api.readCollege()).pictures).toEqual(['images/logo.svg']);
  });
});

describe('time zone and cover picture', () => {
  it('sets both, changing only their lines, and removes them again', async () => {
    const before = await readFile(path.join(library.root, 'college.yml'), 'utf8');
    await api.addPicture({ fileName: 'cover.png', data: base64(PNG) });
    const college = await api.readCollege();
    expect(college.settings).toMatchObject({ timeZone: '', coverImage: '' });
    const settings = {
      ...college.settings,
      timeZone: 'Europe/Dublin',
      coverImage: 'images/cover.png',
    };
    await api.saveCollege({ settings, venues: college.venues, baseVersion: college.version });
    const after = await readFile(path.join(library.root, 'college.yml'), 'utf8');
    expect(after).toBe(
      before.replace(
        'currentTerm: spring-2027\n',
        'currentTerm: spring-2027\ncoverImage: images/cover.png\ntimeZone: Europe/Dublin\n',
      ),
    );
    const again = await api.readCollege();
    const cleared = { ...again.settings, timeZone: '', coverImage: '' };
    await api.saveCollege({ settings: cleared, venues: again.venues, baseVersion: again.version });
    expect(await readFile(path.join(library.root, 'college.yml'), 'utf8')).toBe(before);
  });

  it.each([
    [{ timeZone: 'London' }, '"London" is not a time zone name; choose one like Europe/London'],
    [{ coverImage: 'images/missing.png' }, 'images/missing.png is not a picture in the library'],
    [{ coverImage: '../outside.png' }, '../outside.png is not a picture in the library'],
  ])('refuses %o, writing nothing', async (change, message) => {
    const file = path.join(library.root, 'college.yml');
    await writeFile(path.join(library.root, '..', 'outside.png'), PNG);
    const before = await readFile(file, 'utf8');
    const college = await api.readCollege();
    const settings = { ...college.settings, ...change };
    await expect(
      api.saveCollege({ settings, venues: college.venues, baseVersion: college.version }),
    ).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
