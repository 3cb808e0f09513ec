/**
 * Builds real fixture libraries into temp folders (site only, no Chromium) and checks the
 * published files: nothing for facilitators leaks, links all resolve, output is repeatable,
 * drafts are marked, and untrusted course text cannot run.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import type { Library } from '../../../main/library/types.js';
import { assemblePublishContext } from '../../../main/publish/assemble-context.js';
import { buildPublication } from '../../../main/publish/build.js';
import { writeSite } from '../../../main/publish/site/write-site.js';
import type { BuildOptions } from '../../../main/publish/types.js';
import type { CourseStatus } from '../../../main/signoff/types.js';
import { fixtureLibrary, sampleLibrary } from '../../support/temp-library.js';
import { dangerousParts } from '../markdown/html-safety.js';
import { brokenLinks, normalise, readTree } from './site-files.js';
import { withoutAppControls } from '../../support/app-controls.js';

const validMinimal = fixtureLibrary('valid-minimal');
const xssLibrary = fixtureLibrary('xss-payloads-in-course-text');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-site-test-'));
  vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200'); // 2026-12-01T00:00:00Z
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(tmp, { recursive: true, force: true });
});

let counter = 0;
function options(overrides: Partial<BuildOptions> = {}): BuildOptions {
  counter += 1;
  return {
    outDir: path.join(tmp, `out-${counter}`),
    only: 'site',
    paper: 'A4',
    largePrint: false,
    booklet: false,
    facilitatorPacks: false,
    draft: true,
    ...overrides,
  };
}

/** A page of the built site, normalised (see `normalise`). */
const text = (tree: Map<string, Buffer>, file: string): string => {
  const bytes = tree.get(file);
  if (!bytes) throw new Error(`${file} was not written; files: ${[...tree.keys()].join(', ')}`);
  return normalise(bytes.toString('utf8'));
};
/** Every HTML page, normalised, or `raw` exactly as written. */
const htmlFiles = (tree: Map<string, Buffer>, raw = false): [string, string][] =>
  [...tree]
    .filter(([f]) => f.endsWith('.html'))
    .map(([f, b]) => [f, raw ? b.toString('utf8') : normalise(b.toString('utf8'))]);

/** The lines of every `:::facilitator` block in a library's course Markdown. */
async function facilitatorLines(root: string): Promise<string[]> {
  const lines: string[] = [];
  const entries = await readdir(root, { recursive: true });
  for (const entry of entries.filter((e) => e.endsWith('.md')).sort()) {
    const source = await readFile(path.join(root, entry), 'utf8');
    for (const block of source.matchAll(/^:::facilitator[^\n]*\n([\s\S]*?)^:::\s*$/gm)) {
      lines.push(
        ...(block[1] ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l.length > 8),
      );
    }
  }
  return lines;
}

describe('site build of valid-minimal', () => {
  let tree: Map<string, Buffer>;
  let siteDir: string;

  beforeAll(async () => {
    const result = await buildPublication(validMinimal, options());
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    siteDir = result.siteDir ?? '';
    tree = await readTree(siteDir);
  });

  it('writes the expected pages', () => {
    for (const file of [
      'index.html',
      'courses/index.html',
      'courses/understanding-anxiety/index.html',
      'courses/understanding-anxiety/what-is-anxiety.html',
      'courses/understanding-anxiety/ways-to-feel-calmer.html',
      'courses/understanding-anxiety/images/calm-lake.svg',
      'courses/planning-for-my-wellbeing/index.html',
      'categories/understanding-mental-health.html',
      'timetable.html',
      'venues.html',
      'pages/welcome.html',
      'pages/how-to-enrol.html',
      'assets/site.css',
    ]) {
      expect(tree.has(file), file).toBe(true);
    }
  });

  it('publishes no facilitator note in any file', async () => {
    const secrets = await facilitatorLines(validMinimal);
    expect(secrets.length).toBeGreaterThan(0);
    for (const [file, bytes] of tree) {
      const content = bytes.toString('utf8');
      for (const secret of secrets)
        expect(content.includes(secret), `${file} contains "${secret}"`).toBe(false);
      expect(content).not.toContain('facilitator-note');
    }
  });

  it('has no broken internal links or anchors', () => {
    expect(brokenLinks(siteDir, tree)).toEqual([]);
  });

  it('gives every page the accessible skeleton', () => {
    for (const [file, html] of htmlFiles(tree)) {
      expect(html, file).toMatch(/^<!doctype html> <html lang="en-GB">/);
      expect(html, file).toContain('<a class="skip-link" href="#main">');
      for (const landmark of [
        '<header',
        '<nav class="site-nav" aria-label="Main">',
        '<main id="main"',
        '<footer',
      ])
        expect(html, file).toContain(landmark);
      expect(html.match(/<h1[\s>]/g)?.length, `${file}: one h1`).toBe(1);
      // Headings never skip a level on the way down.
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      levels.reduce((previous, level) => {
        expect(level, `${file}: h${previous} followed by h${level}`).toBeLessThanOrEqual(
          previous + 1,
        );
        return level;
      }, 1);
    }
  });

  it('shows course facts, co-production and runs with weekday dates', () => {
    const html = text(tree, 'courses/understanding-anxiety/index.html');
    expect(html).toContain(
      'Co-produced and co-delivered by Amira Hassan (peer trainer) and Hannah Lewis (practitioner trainer)',
    );
    expect(html).toContain('<time datetime="2027-01-18T10:00">Monday 18 January 2027</time>');
    expect(html).toContain('10:00 to 12:00');
    expect(html).toContain('Up to 12 students');
    expect(html).toContain('href="../../venues.html#venue-old-library"');
    expect(html).toContain(
      '<img src="images/calm-lake.svg" alt="A calm lake at sunrise" loading="lazy">',
    );
    expect(html).toContain('href="ways-to-feel-calmer.html"');
  });

  it('links module pages to their neighbours and shows activities', () => {
    const html = text(tree, 'courses/understanding-anxiety/ways-to-feel-calmer.html');
    expect(html).toContain('href="what-is-anxiety.html" rel="prev"');
    expect(html).not.toContain('rel="next"');
    expect(html).toContain('<aside class="activity">');
  });

  it('lays the timetable out as accessible tables by week', () => {
    const html = text(tree, 'timetable.html');
    expect(html).toContain(
      '<caption id="week-2027-01-18-caption">Week 2: from Monday 18 January 2027</caption>',
    );
    expect(html).toContain('<th scope="col">Course</th>');
    expect(html).toMatch(
      /<th scope="row"><time datetime="2027-02-03T14:00"[^>]*>Wed 3 Feb<\/time><\/th>/,
    );
  });

  it('lists venues with addresses and accessibility notes', () => {
    const html = text(tree, 'venues.html');
    expect(html).toContain('id="venue-old-library"');
    expect(html).toContain(
      'Step-free entrance, accessible toilet and a hearing loop in both rooms.',
    );
  });

  it('marks every course page as a draft with --draft and no sign-offs', () => {
    for (const file of [
      'courses/understanding-anxiety/index.html',
      'courses/understanding-anxiety/what-is-anxiety.html',
    ]) {
      const html = text(tree, file);
      expect(html).toContain('Draft – not yet signed off');
      expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    }
    expect(text(tree, 'venues.html')).not.toContain('Draft – not yet signed off');
  });

  it('is byte-for-byte the same when built again', async () => {
    const again = await buildPublication(validMinimal, options());
    const second = await readTree(again.siteDir ?? '');
    expect([...second.keys()]).toEqual([...tree.keys()]);
    for (const [file, bytes] of tree) expect(second.get(file)?.equals(bytes), file).toBe(true);
  });
});

describe('the sign-off gate on the site', () => {
  it('publishes nothing unsigned without --draft, and says why', async () => {
    const result = await buildPublication(validMinimal, options({ draft: false }));
    expect(result.ok).toBe(true);
    expect(result.excluded.map((e) => e.courseId).sort()).toEqual([
      'planning-for-my-wellbeing',
      'understanding-anxiety',
    ]);
    const tree = await readTree(result.siteDir ?? '');
    expect(
      [...tree.keys()].filter((f) => f.startsWith('courses/') && f !== 'courses/index.html'),
    ).toEqual([]);
    for (const [file, html] of htmlFiles(tree)) expect(html, file).not.toContain('Draft');
    expect(brokenLinks(result.siteDir ?? '', tree)).toEqual([]);
  });

  describe('with sign-off statuses', () => {
    let library: Library;
    const signedStatus = (courseId: string, state: CourseStatus['state']): CourseStatus => ({
      courseId,
      version: `sha256:${courseId === 'understanding-anxiety' ? 'a'.repeat(64) : 'b'.repeat(64)}`,
      state,
      label: state,
      authors: [
        {
          trainerId: 'amira-hassan',
          name: 'Amira Hassan',
          role: 'peer',
          signedCurrent: state === 'ready',
          ...(state === 'ready'
            ? { lastSignedVersion: 'x', lastSignedAt: '2026-11-03T10:15:00Z' }
            : {}),
        },
        {
          trainerId: 'hannah-lewis',
          name: 'Hannah Lewis',
          role: 'practitioner',
          signedCurrent: state === 'ready',
          ...(state === 'ready'
            ? { lastSignedVersion: 'x', lastSignedAt: '2026-11-04T09:00:00Z' }
            : {}),
        },
      ],
      awaiting: [],
      changedSince: [],
      records: [],
    });

    beforeAll(async () => {
      const loaded = await loadLibrary(validMinimal);
      if (!loaded.library) throw new Error('valid-minimal did not load');
      library = loaded.library;
    });

    async function site(draft: boolean, states: Record<string, CourseStatus['state']>) {
      const statuses = new Map(
        Object.entries(states).map(([id, state]) => [id, signedStatus(id, state)]),
      );
      const ctx = assemblePublishContext({
        library,
        term: library.terms[0] ?? (undefined as never), // the fixture has one term
        courses: library.courses.filter((c) => statuses.has(c.id)),
        statuses,
        options: options({ draft }),
        builtAt: new Date('2026-12-01T00:00:00Z'),
      });
      const output = await writeSite(ctx);
      return readTree(output.siteDir);
    }

    it('marks only courses that are not ready, and only with --draft', async () => {
      const tree = await site(true, {
        'understanding-anxiety': 'ready',
        'planning-for-my-wellbeing': 'awaiting',
      });
      expect(text(tree, 'courses/understanding-anxiety/index.html')).not.toContain(
        'Draft – not yet signed off',
      );
      expect(text(tree, 'courses/planning-for-my-wellbeing/index.html')).toContain(
        'Draft – not yet signed off',
      );
      expect(text(tree, 'courses/planning-for-my-wellbeing/my-plan.html')).toContain(
        'Draft – not yet signed off',
      );
      const ready = await site(false, {
        'understanding-anxiety': 'ready',
        'planning-for-my-wellbeing': 'ready',
      });
      for (const [file, html] of htmlFiles(ready)) {
        expect(html, file).not.toContain('Draft – not yet signed off');
        expect(html, file).not.toContain('noindex');
      }
    });

    it('shows each author’s sign-off date and the signed version', async () => {
      const tree = await site(false, { 'understanding-anxiety': 'ready' });
      const html = text(tree, 'courses/understanding-anxiety/index.html');
      expect(html).toContain(`<meta name="tandem-version" content="sha256:${'a'.repeat(64)}">`);
      expect(html).toContain(
        'Amira Hassan (peer trainer) on <time datetime="2026-11-03T10:15:00Z">3 November 2026</time>',
      );
      expect(html).toContain(
        'Hannah Lewis (practitioner trainer) on <time datetime="2026-11-04T09:00:00Z">4 November 2026</time>',
      );
      expect(text(tree, 'courses/understanding-anxiety/what-is-anxiety.html')).toContain(
        'name="tandem-version"',
      );
    });
  });
});

describe('untrusted course text', () => {
  let tree: Map<string, Buffer>;
  let problems: string[];

  beforeAll(async () => {
    const result = await buildPublication(xssLibrary, options());
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    problems = result.problems.map((p) => `${p.file}: ${p.code}`);
    tree = await readTree(result.siteDir ?? '');
  });

  it('builds the pages of the course', () => {
    expect(tree.has('courses/course-with-payloads/index.html')).toBe(true);
    expect(tree.has('courses/course-with-payloads/what-is-anxiety.html')).toBe(true);
  });

  it('lets nothing that could run reach any page', () => {
    const pages = htmlFiles(tree, true);
    expect(pages.length).toBeGreaterThan(5);
    for (const [file, page] of pages) {
      const html = withoutAppControls(page);
      // The page template's own <meta> and <link rel=stylesheet> are the only such tags allowed.
      const findings = dangerousParts(html, ['meta', 'link']);
      expect(findings, file).toEqual([]);
      expect(html, file).not.toMatch(/<script/i);
      expect(html, file).not.toMatch(/\shref="\s*javascript:/i);
      const metas = [...html.matchAll(/<meta [^>]*>/g)].map((m) => m[0]);
      for (const meta of metas) expect(meta, file).toMatch(/^<meta (charset|name)=/);
      const links = [...normalise(html).matchAll(/<link [^>]*>/g)].map((m) => m[0]);
      expect(links, file).toEqual([
        expect.stringMatching(/^<link rel="stylesheet" href="[./a-z]*assets\/site\.css">$/),
      ]);
    }
  });

  it('never evaluates template syntax written in course files', () => {
    const html = text(tree, 'courses/course-with-payloads/index.html');
    expect(html).toContain('{{constructor.constructor(&quot;alert(1)&quot;)()}}');
    expect(html).toContain('{{{raw}}} stay as plain text');
  });

  it('keeps facilitator notes out and text of unknown blocks in', () => {
    for (const [file, bytes] of tree)
      expect(bytes.toString('utf8'), file).not.toContain('FACILITATOR-ONLY-SECRET');
    expect(text(tree, 'courses/course-with-payloads/what-is-anxiety.html')).toContain(
      'Text in an unknown block stays.',
    );
  });

  it('leaves out an SVG that carries a script, with a warning', () => {
    expect(tree.has('courses/course-with-payloads/images/lake.svg')).toBe(true);
    expect(tree.has('courses/course-with-payloads/images/evil.svg')).toBe(false);
    expect(text(tree, 'courses/course-with-payloads/index.html')).not.toContain('evil.svg');
    expect(problems).toContain('course-with-payloads/images/evil.svg: unsafe-svg');
  });

  it('only links the college website when it is a web address', () => {
    for (const [file, html] of htmlFiles(tree)) expect(html, file).not.toContain('Website:');
  });
});

describe('build safety and errors', () => {
  it('refuses to empty a site folder it did not write, and keeps its files', async () => {
    const opts = options();
    const foreign = path.join(opts.outDir, 'site', 'my-notes.txt');
    await mkdir(path.dirname(foreign), { recursive: true });
    await writeFile(foreign, 'important');
    const result = await buildPublication(validMinimal, opts);
    expect(result.ok).toBe(false);
    expect(result.errors.join('\n')).toMatch(/already holds files that Tandem did not write/);
    expect(await readFile(foreign, 'utf8')).toBe('important');
  });

  it('rebuilds over its own earlier output, removing stale files', async () => {
    const opts = options();
    await buildPublication(validMinimal, opts);
    const stale = path.join(opts.outDir, 'site', 'courses', 'old-course', 'index.html');
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, 'old');
    const sibling = path.join(opts.outDir, 'prospectus.pdf');
    await writeFile(sibling, 'not touched');
    const result = await buildPublication(validMinimal, opts);
    expect(result.ok).toBe(true);
    expect(existsSync(stale)).toBe(false);
    expect(await readFile(sibling, 'utf8')).toBe('not touched');
  });

  it('stops with a clear message for an unknown term', async () => {
    const result = await buildPublication(validMinimal, options({ termId: 'autumn-1999' }));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      'There is no term "autumn-1999": terms/autumn-1999.yml does not exist. Terms in this library: spring-2027.',
    ]);
    expect(result.siteDir).toBeUndefined();
  });

  it('stops before writing anything when the library has errors', async () => {
    const opts = options();
    const result = await buildPublication(fixtureLibrary('unknown-venue'), opts);
    expect(result.ok).toBe(false);
    expect(result.problems.some((p) => p.severity === 'error')).toBe(true);
    expect(existsSync(opts.outDir)).toBe(false);
  });
});

describe('site build of the sample library', () => {
  it('has no broken links and no facilitator notes, with every course included', async () => {
    const result = await buildPublication(sampleLibrary, options());
    expect(result.errors).toEqual([]);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const siteDir = result.siteDir ?? '';
    const tree = await readTree(siteDir);
    expect(brokenLinks(siteDir, tree)).toEqual([]);
    const secrets = await facilitatorLines(sampleLibrary);
    expect(secrets.length).toBeGreaterThan(0);
    for (const [file, bytes] of tree) {
      const content = bytes.toString('utf8');
      for (const secret of secrets)
        expect(content.includes(secret), `${file} contains "${secret}"`).toBe(false);
    }
  });
});
