/**
 * Same library, same bytes: two clean builds of the sample college without SOURCE_DATE_EPOCH,
 * a moment apart, write identical trees (site, prospectus and booklet PDFs), and
 * pages show dates from the content.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublication } from '../../../main/publish/build.js';
import type { BuildOptions } from '../../../main/publish/types.js';
import { testBrowserPath } from '../../support/chromium.js';
import { sampleLibrary } from '../../support/temp-library.js';
import { readOutputTree } from '../site/site-files.js';

let tmp: string;
const saved = { epoch: process.env.SOURCE_DATE_EPOCH, browser: process.env.TANDEM_BROWSER };
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-reproducible-'));
  delete process.env.SOURCE_DATE_EPOCH;
  process.env.TANDEM_BROWSER = testBrowserPath();
});
afterAll(async () => {
  if (saved.epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = saved.epoch;
  if (saved.browser === undefined) delete process.env.TANDEM_BROWSER;
  else process.env.TANDEM_BROWSER = saved.browser;
  await rm(tmp, { recursive: true, force: true });
});

const options = (outDir: string): BuildOptions => ({
  outDir,
  paper: 'A4',
  largePrint: false,
  booklet: true,
  facilitatorPacks: false,
  draft: true,
});

describe('reproducible builds', () => {
  it('writes the same bytes twice without SOURCE_DATE_EPOCH, dated by sign-offs', async () => {
    const first = await buildPublication(sampleLibrary, options(path.join(tmp, 'first')));
    expect(first.errors).toEqual([]);
    // Over a second apart, so a clock anywhere in the output would show.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await buildPublication(sampleLibrary, options(path.join(tmp, 'second')));
    expect(second.errors).toEqual([]);

    const a = await readOutputTree(path.join(tmp, 'first'));
    const b = await readOutputTree(path.join(tmp, 'second'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.has('prospectus.pdf') && a.has('prospectus-booklet.pdf')).toBe(true);
    const differing = [...a].filter(([file, bytes]) => !bytes.equals(b.get(file) ?? Buffer.alloc(0)));
    expect(differing.map(([file]) => file)).toEqual([]);

    // A course page carries its own newest sign-off; the home page the newest of all courses.
    const course = String(a.get('site/courses/building-confidence/index.html'));
    expect(course).toContain("<time datetime='2026-10-09T13:02:47.000Z'>9 October 2026</time>");
    const home = String(a.get('site/index.html'));
    expect(home).toContain("<time datetime='2026-11-18T11:36:04.000Z'>18 November 2026</time>");
  }, 240_000);
});
