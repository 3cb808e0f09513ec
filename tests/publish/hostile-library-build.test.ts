/**
 * One library with every hostile case at once, built for real (site, prospectus and
 * facilitator packs, real Chromium): the build finishes in bounded time, publishes none of the
 * hostile content and lists every item it refused.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublication } from '../../main/publish/build.js';
import { RENDER_CACHE_DIR } from '../../main/publish/site/write-site.js';
import type { BuildResult } from '../../main/publish/types.js';
import { testBrowserPath } from '../support/chromium.js';
import { fixtureLibrary } from '../support/temp-library.js';
import { readPdf } from './pdf/read-pdf.js';
import { withoutAppControls } from '../support/app-controls.js';

const fixtures = (name: string, file: string) => path.join(fixtureLibrary(name), file);

let work: string;
let root: string;
let result: BuildResult;
let elapsed: number;
const published = new Map<string, string>();

beforeAll(async () => {
  process.env.TANDEM_BROWSER = testBrowserPath();
  work = await mkdtemp(path.join(tmpdir(), 'tandem-hostile-'));
  root = path.join(work, 'library');
  const outside = path.join(work, 'outside');
  // Print page: a category, a course and a module title that close the style element.
  await cp(fixtureLibrary('print-title-breaks-out-of-style'), root, { recursive: true });
  // SVG: scripts in disguise beside the course's safe picture, and as the cover.
  await cp(
    fixtures('svg-scripts-in-disguise', 'understanding-anxiety/images'),
    path.join(root, 'understanding-anxiety/images'),
    { recursive: true },
  );
  // Facilitator notes: near misses in one course, inline notes in the home page's intro.
  await cp(
    fixtures('facilitator-note-near-misses', 'planning-for-my-wellbeing'),
    path.join(root, 'planning-for-my-wellbeing'),
    { recursive: true },
  );
  await cp(
    fixtures('facilitator-note-near-misses', 'pages/welcome.md'),
    path.join(root, 'pages/welcome.md'),
  );
  // Resource exhaustion: an alias bomb and a list thousands of levels deep, as front pages.
  await cp(
    fixtures('resource-exhaustion', 'pages/deep-list.md'),
    path.join(root, 'pages/deep-list.md'),
  );
  const bomb = await readFile(
    fixtures('resource-exhaustion', 'understanding-anxiety/modules/02-ways-to-feel-calmer.md'),
    'utf8',
  );
  await writeFile(
    path.join(root, 'pages/alias-bomb.md'),
    bomb.replace('title: Ways to feel calmer', 'title: Bomb'),
  );
  // Terminal: control characters in a course title.
  const course = path.join(root, 'planning-for-my-wellbeing/course.md');
  await writeFile(
    course,
    (await readFile(course, 'utf8')).replace(
      'title: Planning for my wellbeing',
      'title: "Planning\\e[2J\\e]52;c;ZXZpbA==\\a"',
    ),
  );
  // Links: the cover through a linked folder, a page and a signed-copy folder outside.
  await mkdir(path.join(outside, 'images'), { recursive: true });
  await writeFile(
    path.join(outside, 'images/cover.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><title>SECRET-OUTSIDE</title></svg>',
  );
  await writeFile(
    path.join(outside, 'secret.md'),
    '---\ntitle: Secret\n---\n\nSECRET-OUTSIDE page.\n',
  );
  await symlink(path.join(outside, 'images'), path.join(root, 'images'));
  await symlink(path.join(outside, 'secret.md'), path.join(root, 'pages/secret.md'));
  await symlink(outside, path.join(root, 'planning-for-my-wellbeing/.tandem'));
  const college = path.join(root, 'college.yml');
  await writeFile(
    college,
    (await readFile(college, 'utf8')).replace(
      'currentTerm:',
      'coverImage: images/cover.svg\ncurrentTerm:',
    ),
  );

  const started = Date.now();
  result = await buildPublication(root, {
    outDir: path.join(work, 'out'),
    paper: 'A4',
    largePrint: false,
    booklet: false,
    facilitatorPacks: true,
    draft: true,
  });
  elapsed = Date.now() - started;
  const out = path.join(work, 'out');
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = entry.name.endsWith('.pdf')
      ? (await readPdf(file)).pages.map((p) => p.text).join('\n')
      : await readFile(file, 'utf8');
    published.set(path.relative(out, file), text);
  }
}, 300_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('a build of a library with every hostile case', () => {
  it('finishes in bounded time and publishes the rest', () => {
    expect(result.errors).toEqual([]);
    expect(elapsed).toBeLessThan(240_000);
    expect(published.has('site/courses/understanding-anxiety/index.html')).toBe(true);
    expect(published.has('prospectus.pdf')).toBe(true);
    expect(published.has('facilitators/understanding-anxiety.pdf')).toBe(true);
  });

  it('publishes none of the hostile content', () => {
    for (const [file, text] of published) {
      expect(text, file).not.toMatch(/SECRET|SCRIPT RAN|root:.*:0:0:|<[a-z]+:script|javascript:/);
      // The build's own cache (never published) is binary: its length prefixes may be any byte.
      if (!file.startsWith(`${RENDER_CACHE_DIR}/`))
        // eslint-disable-next-line no-control-regex -- control characters are what is looked for
        expect(text, file).not.toMatch(/\u001b|\u0007/);
      if (file.endsWith('.html'))
        expect(withoutAppControls(text), file).not.toMatch(/<script|<iframe|<\/style><iframe/);
    }
  });

  it('lists every refused item', () => {
    const refused = result.problems.map((p) => `${p.file} ${p.code}`);
    expect(refused).toEqual(
      expect.arrayContaining([
        'college.yml symbolic-link',
        'images symbolic-link',
        'pages/secret.md symbolic-link',
        'planning-for-my-wellbeing/.tandem symbolic-link',
        'understanding-anxiety/images/prefixed-script.svg unsafe-svg',
        'understanding-anxiety/images/utf-16.svg unsafe-svg',
        'understanding-anxiety/images/xhtml-script.svg unsafe-svg',
        'understanding-anxiety/images/entity-javascript-link.svg unsafe-svg',
        'understanding-anxiety/images/remote-style.svg unsafe-svg',
        'planning-for-my-wellbeing/modules/01-what-keeps-me-well.md facilitator-near-miss',
        'pages/alias-bomb.md yaml-too-many-aliases',
        'pages/deep-list.md markdown-too-deep',
      ]),
    );
    expect(result.excluded.map((e) => e.courseId)).toEqual(['planning-for-my-wellbeing']);
    expect(result.excluded[0]?.title).toContain('Planning\u001b[2J');
  });
});
