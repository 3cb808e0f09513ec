/**
 * Pictures in front pages reach the student site as course pictures do: a college picture or a
 * course's, copied into the site and linked from the page; an SVG only as cleaned; a picture
 * that leaves the library, or a symbolic link out of it, refused with the page's file and line.
 * The fixture is front-page-pictures-published-and-confined.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemWithSeverity } from '../../../main/format/problems.js';
import type { BuildResult } from '../../../main/publish/types.js';
import { buildSiteResult } from '../../support/build-site.js';
import { fixtureLibrary } from '../../support/temp-library.js';
import { readTree } from './site-files.js';

const fixture = fixtureLibrary('front-page-pictures-published-and-confined');
const root = path.join(fixture, 'library');

let tmp: string;
let result: BuildResult;
let tree: Map<string, Buffer>;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-page-pictures-'));
  result = await buildSiteResult(root, tmp);
  tree = await readTree(result.siteDir ?? '');
});

afterAll(() => rm(tmp, { recursive: true, force: true }));

const welcome = () => tree.get('pages/welcome.html')?.toString('utf8') ?? '';
const pictures = () =>
  [...welcome().matchAll(/<img [^>]*src="([^"]*)"[^>]*alt="([^"]*)"/g)].map((m) => [m[1], m[2]]);

describe('pictures in front pages', () => {
  it('links each safe picture from the page, relative to it', () => {
    expect(result.ok).toBe(true);
    expect(pictures()).toEqual([
      [
        '../images/building-map.svg',
        'Map of the Old Library: the entrance on Mill Lane, the lift and both rooms',
      ],
      ['../images/garden.png', 'The college garden in summer'],
      ['../courses/understanding-anxiety/images/calm-lake.svg', 'A calm lake at sunrise'],
    ]);
  });

  it('copies them into the site: bytes of a PNG as they are, an SVG as cleaned', async () => {
    expect(tree.get('images/garden.png')).toEqual(
      await readFile(path.join(root, 'images/garden.png')),
    );
    const map = tree.get('images/building-map.svg')?.toString('utf8') ?? '';
    expect(map).toContain('<title>The Old Library');
    expect(tree.has('courses/understanding-anxiety/images/calm-lake.svg')).toBe(true);
  });

  it('leaves out an SVG that could run a script, saying where the page uses it', () => {
    expect(welcome()).not.toContain('welcome-sign');
    expect(tree.has('images/welcome-sign.svg')).toBe(false);
    const problems = result.problems.map((p) => formatProblemWithSeverity(p));
    expect(problems.filter((p) => p.startsWith('pages/welcome.md'))).toEqual([
      expect.stringMatching(
        /^pages\/welcome\.md:18:1: warning: picture "\.\.\/images\/welcome-sign\.svg": this SVG is left off the site because /,
      ),
    ]);
  });

  it('refuses a picture outside the library and a link out of it, at their lines', () => {
    const problems = result.problems.map((p) => formatProblemWithSeverity(p));
    expect(problems.filter((p) => p.startsWith('pages/visiting-us.md'))).toEqual([
      'pages/visiting-us.md:8:1: error: image file "../images/staff-room.png" not found (looked for images/staff-room.png)',
      'pages/visiting-us.md:10:1: error: image path "../../outside/secret.png" leaves the library folder; keep images inside it, like images/picture.png',
    ]);
    expect(problems).toContain(
      'images/staff-room.png:1:1: error: this is a symbolic link; Tandem does not follow links in a library, as they can lead to files outside it: replace it with the file or folder itself',
    );
    // The page is left off the site, and nothing from outside the library is published.
    expect(tree.has('pages/visiting-us.html')).toBe(false);
    expect([...tree.keys()].filter((file) => /staff-room|secret/.test(file))).toEqual([]);
  });
});
