/** The prospectus HTML, in memory: what it includes, leaves out and escapes. */
import { describe, expect, it } from 'vitest';
import { cssString, pageCss } from '../../../main/publish/pdf/page-css.js';
import { DRAFT_LABEL as draftLabel } from '../../../main/format/wording.js';
import { buildProspectusModel } from '../../../main/publish/pdf/prospectus-model.js';
import { renderProspectusHtml } from '../../../main/publish/pdf/render-prospectus-html.js';
import type { BuildOptions } from '../../../main/publish/types.js';
import { facilitatorSecrets, makeContext } from './make-context.js';

const version = { kind: 'content' as const, id: 'sha256:abc', label: 'content sha256:abc' };

function html(options: Partial<BuildOptions> = {}, pages = new Map<string, number>()) {
  const ctx = makeContext('/tmp/college', options);
  const model = buildProspectusModel({
    ctx,
    pages,
    version,
    renderFrontPage: (body) => `<p>${body.length}</p>`,
  });
  return { ctx, model, html: renderProspectusHtml(model) };
}

describe('renderProspectusHtml', () => {
  it('links every course from the contents and the index, with the page numbers given', () => {
    const { html: out } = html({}, new Map([['course-hearing-voices', 17]]));
    const links = [...out.matchAll(/href=["']#course-hearing-voices["'][^>]*>([\s\S]*?)<\/a>/g)];
    // Contents, index and the timetable (three sessions).
    expect(links).toHaveLength(5);
    const numbered = links.filter((link) => /class=["']pn["']\s*>17</.test(link[1] ?? ''));
    expect(numbered).toHaveLength(2);
  });

  it('leaves module content and facilitator notes out', () => {
    const { html: out } = html({ draft: true });
    for (const secret of facilitatorSecrets) expect(out).not.toContain(secret);
    expect(out).not.toContain('What is anxiety?');
  });

  it('marks only courses not signed off, and only in draft builds', () => {
    const draft = html({ draft: true });
    expect(
      draft.model.categories
        .flatMap((c) => c.courses)
        .filter((c) => c.draft)
        .map((c) => c.id),
    ).toEqual(['sleep-well']);
    expect(draft.html).toContain(draftLabel); // the banner
    expect(draft.html).toContain(cssString(draftLabel).slice(1, -1)); // the footer rule
    expect(html({ draft: false }).html).not.toContain(draftLabel);
  });

  it('says who co-produced each course, peer trainer first', () => {
    const { model } = html();
    const anxiety = model.categories[0]?.courses.find((c) => c.id === 'understanding-anxiety');
    expect(anxiety?.coProduction).toBe(
      'Co-produced and co-delivered by Amira Hassan (peer trainer) and Hannah Lewis (practitioner trainer).',
    );
    // The online run has a different team, so it names them.
    expect(anxiety?.runs[1]?.deliveredBy).toBe(
      'Delivered by Sam Okafor (peer trainer) and Hannah Lewis (practitioner trainer).',
    );
    expect(anxiety?.runs[0]?.deliveredBy).toBeUndefined();
  });

  it('escapes library text', () => {
    const ctx = makeContext('/tmp/college');
    ctx.courses[0]!.title = 'Fish & <script>alert(1)</script>';
    const out = renderProspectusHtml(
      buildProspectusModel({ ctx, pages: new Map(), version, renderFrontPage: () => '' }),
    );
    expect(out).not.toContain('<script>alert');
    expect(out).toContain('Fish &amp; &lt;script&gt;');
  });

  it('groups the timetable by week of term', () => {
    const { model } = html();
    expect(model.timetable.weeks[0]?.label).toBe('Week 1: from Monday 11 January 2027');
    expect(model.timetable.weeks[0]?.rows[0]).toMatchObject({
      date: 'Tue 12 Jan',
      time: '10:00 to 12:00',
      session: '1 of 3',
    });
  });
});

describe('page CSS', () => {
  it.each([
    ['Plain', '"Plain"'],
    ['Say "hi"', '"Say \\22 hi\\22 "'],
    ['back\\slash', '"back\\5c slash"'],
    ['two\nlines', '"two lines"'],
    ['Café · 2', '"Café \\b7  2"'],
    ['</style><script>', '"\\3c \\2f style\\3e \\3c script\\3e "'],
  ])('quotes %j', (text, css) => {
    expect(cssString(text)).toBe(css);
  });

  it('gives each section a named page with its footer', () => {
    const css = pageCss({
      paper: 'A5',
      largePrint: false,
      pageStyles: [{ name: 's3', footer: 'Venues' }],
    });
    expect(css).toContain('size: A5 portrait');
    expect(css).toMatch(/@page s3:right \{ @bottom-left \{ content: "Venues";/);
    expect(css).toMatch(/@page s3:left \{ @bottom-left \{ content: counter\(page\);/);
  });
});

describe('unusual libraries', () => {
  it('prints a term with no courses and a category id that is not kebab-case', () => {
    const ctx = makeContext('/tmp/college');
    ctx.courses = [];
    ctx.runs = [];
    ctx.library.college.categories[0]!.id = 'Odd id/1';
    const model = buildProspectusModel({
      ctx,
      pages: new Map(),
      version,
      renderFrontPage: () => '',
    });
    expect(model.categories).toEqual([]);
    expect(model.index.letters).toEqual([]);
    expect(renderProspectusHtml(model)).toContain(
      'No sessions have been arranged for this term yet.',
    );
  });

  it('keeps anchors safe to use as PDF destination names', () => {
    const ctx = makeContext('/tmp/college');
    ctx.courses[0]!.id = 'café au lait';
    const model = buildProspectusModel({
      ctx,
      pages: new Map(),
      version,
      renderFrontPage: () => '',
    });
    const anchor = model.categories[0]?.courses[0]?.anchor ?? '';
    expect(anchor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
