/**
 * Accessibility, proven in a real browser: every page of the sample college's site, and a
 * sample of pages of a generated large library, passes axe-core (WCAG 2.2 AA and
 * target-size) in light and dark mode with no violations, and is valid HTML.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateLibrary } from '../../bench/generate-library.js';
import { buildSiteOnly } from '../../support/build-site.js';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { axeViolations } from '../../support/run-axe.js';
import { sampleLibrary } from '../../support/temp-library.js';
import { readTree } from './site-files.js';

let tmp: string;
let chromium: TestBrowser;
let page: Page;

beforeAll(async () => {
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-a11y-'));
  chromium = await launchTestBrowser();
  page = await chromium.browser.newPage();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await chromium?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function buildSite(library: string, name: string): Promise<string> {
  return buildSiteOnly(library, path.join(tmp, name));
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Templates quote attributes with ', rendered Markdown with ": both are valid HTML.
    'attr-quotes': 'off',
    // `<br />` and `<img />` come from Prettier-formatted templates and rehype; both valid.
    'void-style': 'off',
    // Formatting of the templates' source, not something a reader meets.
    'no-trailing-whitespace': 'off',
    'doctype-style': 'off',
    // A search-engine heuristic: course titles are as long as their authors need.
    'long-title': 'off',
    // Activity boxes in session text are <aside>s; naming each one is left to the Markdown.
    'unique-landmark': 'off',
  },
});

/** html-validate's messages for every page, as `file:line:column: message (rule)`. */
async function invalidHtml(siteDir: string, files: string[]): Promise<string[]> {
  const tree = await readTree(siteDir);
  const messages: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(tree.get(file)?.toString('utf8') ?? '', file);
    for (const result of report.results)
      for (const m of result.messages)
        messages.push(`${file}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
  }
  return messages;
}

async function htmlPages(siteDir: string): Promise<string[]> {
  return [...(await readTree(siteDir)).keys()].filter((f) => f.endsWith('.html'));
}

async function axeAll(siteDir: string, files: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const file of files) {
    const url = pathToFileURL(path.join(siteDir, file)).href;
    found.push(...(await axeViolations(page, url)).map((v) => `${file}: ${v}`));
  }
  return found;
}

describe('the sample college site', () => {
  let siteDir: string;
  let files: string[];
  beforeAll(async () => {
    siteDir = await buildSite(sampleLibrary, 'sample');
    files = await htmlPages(siteDir);
  });

  it('has no axe violations on any page, light or dark', { timeout: 600_000 }, async () => {
    expect(files.length).toBeGreaterThan(20);
    expect(await axeAll(siteDir, files)).toEqual([]);
  });

  it('is valid HTML', async () => {
    expect(await invalidHtml(siteDir, files)).toEqual([]);
  });
});

describe('a large generated library', () => {
  let siteDir: string;
  let sample: string[];
  beforeAll(async () => {
    const library = path.join(tmp, 'large-library');
    // Enough courses for long lists and many categories, small enough to build in seconds.
    await generateLibrary(library, { courses: 120, modulesPerCourse: 3, wordsPerModule: 200 });
    siteDir = await buildSite(library, 'large');
    const files = await htmlPages(siteDir);
    // Every kind of page once: the long lists, the first course and one of its sessions.
    sample = files.filter(
      (f) =>
        !f.startsWith('courses/course-') ||
        f === 'courses/course-0001/index.html' ||
        /^courses\/course-0001\/[^/]+\.html$/.test(f),
    );
    sample = sample.filter((f) => !f.startsWith('categories/') || f.endsWith('living-well.html'));
  }, 600_000);

  it('has no axe violations on a sample of pages', { timeout: 600_000 }, async () => {
    expect(sample.length).toBeGreaterThan(5);
    expect(await axeAll(siteDir, sample)).toEqual([]);
  });

  it('is valid HTML on the same pages', async () => {
    expect(await invalidHtml(siteDir, sample)).toEqual([]);
  });
});
