import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSiteTemplates, siteTemplatesDir } from '../../../main/publish/site/load-templates.js';
import { SanitizedHtml } from '../../../main/publish/site/sanitized-html.js';
import { relativeHref } from '../../../main/publish/site/site-paths.js';

const templateFiles = readdirSync(siteTemplatesDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.hbs'))
  .sort();

describe('site templates', () => {
  it.each(templateFiles)('%s never prints unescaped text', (file) => {
    const source = readFileSync(path.join(siteTemplatesDir, file), 'utf8');
    expect(source).not.toContain('{{{');
    expect(source).not.toMatch(/\{\{~?&/);
  });

  it('prints HTML only when it came from renderMarkdown', () => {
    const templates = loadSiteTemplates();
    const layout = {
      title: 't',
      description: 'd',
      collegeName: 'c',
      tagline: 't',
      stylesheet: 's.css',
      homeHref: 'index.html',
      nav: [],
      footerPages: [],
      contact: {
        email: null,
        phone: null,
        phoneHref: null,
        address: null,
        website: null,
        hours: null,
      },
      termTitle: 'Spring',
      builtAt: { iso: '2026-12-01', text: '1 December 2026' },
      draft: false,
      draftLabel: 'Draft',
      version: null,
      breadcrumbs: null,
    };
    const content = SanitizedHtml.fromMarkdown('Hello <b>there</b> **friend**', {});
    expect(templates.page({ layout, title: 'Page', content })).toContain(
      '<p>Hello there <strong>friend</strong></p>',
    );
    expect(() => templates.page({ layout, title: 'Page', content: '<script>x</script>' })).toThrow(
      /sanitizedHtml only prints Markdown rendered by renderMarkdown/,
    );
  });

  it('fails loudly on a missing field instead of leaving a gap', () => {
    expect(() => loadSiteTemplates().page({ title: 'x' })).toThrow();
  });
});

describe('relativeHref', () => {
  const cases: [from: string, to: string, expected: string][] = [
    ['index.html', 'timetable.html', 'timetable.html'],
    ['index.html', 'courses/a/index.html', 'courses/a/index.html'],
    ['courses/a/index.html', 'index.html', '../../index.html'],
    ['courses/a/index.html', 'courses/a/intro.html', 'intro.html'],
    ['courses/a/intro.html', 'venues.html#venue-x', '../../venues.html#venue-x'],
    ['pages/x.html', 'pages/x.html', 'x.html'],
    ['courses/a/index.html', 'courses/a/images/a b.png', 'images/a%20b.png'],
    ['courses/a/index.html', 'courses/ab/index.html', '../ab/index.html'],
    ['courses/a/index.html', 'courses/b/images/x/y.png', '../b/images/x/y.png'],
    ['courses/a/index.html', 'courses/a', 'a'],
    ['courses/a/index.html', 'courses', '..'],
    ['courses/a/index.html', '#top', 'index.html#top'],
    ['index.html', 'index.html#main', 'index.html#main'],
    ['courses/a/index.html', 'courses/a/./images/../x.png', 'x.png'],
    ['courses/a/index.html', 'courses//a/x.png', 'x.png'],
    ['courses/a/index.html', 'courses/a/images/ä?#.png', 'images/%C3%A4%3F#.png'],
    // Asked again from other pages, in the same folder and elsewhere (hrefs are remembered).
    ['courses/a/intro.html', 'courses/a/intro.html', 'intro.html'],
    ['courses/a/intro.html', '#top', 'intro.html#top'],
    ['courses/a/other.html', '', 'other.html'],
    ['courses/b/index.html', 'courses/a/intro.html', '../a/intro.html'],
    ['pages/y.html', 'pages/x.html', 'x.html'],
    ['index.html', 'courses/a/intro.html', 'courses/a/intro.html'],
  ];
  it.each(cases)('%s → %s', (from, to, expected) => {
    expect(relativeHref(from, to)).toBe(expected);
  });

  // What path.posix.relative gives, which the segment-by-segment fast path must match.
  const reference = (from: string, to: string): string => {
    const [target = '', fragment] = to.split('#', 2);
    const fromDir = path.posix.dirname(from);
    let href = target === '' ? path.posix.basename(from) : path.posix.relative(fromDir, target);
    if (href === '') href = path.posix.basename(target);
    const encoded = href
      .split('/')
      .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
      .join('/');
    return fragment === undefined ? encoded : `${encoded}#${fragment}`;
  };
  it("agrees with path.posix.relative between every pair of a site's paths", () => {
    const paths = [
      'index.html',
      'courses.html',
      'categories/living-well.html',
      'courses/a/index.html',
      'courses/a/01-intro.html',
      'courses/a/images/b c.png',
      'courses/ab/index.html',
      'courses/a',
      'pages/x.html',
      'venues.html#venue-hub',
      '#top',
    ];
    for (const from of paths.filter((p) => p.endsWith('.html')))
      for (const to of paths)
        expect(relativeHref(from, to), `${from} → ${to}`).toBe(reference(from, to));
  });
});
