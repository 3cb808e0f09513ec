/**
 * Prints the in-memory college with real Chromium and checks the PDFs as a reader would find
 * them: page numbers in the contents and the index match where each course's heading is,
 * bookmarks exist, facilitator notes appear only in the packs, and the booklet is imposed.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPdfOutputs, type PdfOutputs } from '../../../main/publish/pdf/build-pdf-outputs.js';
import type { BuildOptions, PublishContext } from '../../../main/publish/types.js';
import { loadLibrary } from '../../../main/library/load-library.js';
import { assemblePublishContext, pickTerm } from '../../../main/publish/assemble-context.js';
import { testBrowserPath } from '../../support/chromium.js';
import { fixtureLibrary } from '../../support/temp-library.js';
import { facilitatorSecrets, makeContext } from './make-context.js';
import { headingPages, printedPage, readPdf, type ReadPdf } from './read-pdf.js';

let root: string;
const variants = new Map<string, { ctx: PublishContext; outputs: PdfOutputs; pdf: ReadPdf }>();

async function build(name: string, options: Partial<BuildOptions>) {
  const ctx = makeContext(root, { outDir: path.join(root, name), ...options });
  const outputs = await buildPdfOutputs(ctx);
  expect(outputs.errors).toEqual([]);
  const pdf = await readPdf(outputs.prospectusPdf ?? '');
  variants.set(name, { ctx, outputs, pdf });
}

function variant(name: string) {
  const found = variants.get(name);
  if (!found) throw new Error(`variant ${name} was not built`);
  return found;
}

beforeAll(async () => {
  process.env.TANDEM_BROWSER = testBrowserPath();
  root = await mkdtemp(path.join(tmpdir(), 'tandem-pdf-test-'));
  await build('a4', { paper: 'A4', booklet: true, facilitatorPacks: true });
  await build('a5', { paper: 'A5' });
  await build('large', { paper: 'A4', largePrint: true, draft: true });
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Smallest size (pt) of section headings and of course headings in each variant: well above
// the contents, index and body text, so a title found at that size is the heading itself.
describe.each([
  ['a4', 20, 14],
  ['a5', 18, 13],
  ['large', 26, 20],
])('the %s prospectus', (name, headingSize, courseSize) => {
  it('has a plausible number of pages and names every course', () => {
    const { ctx, pdf } = variant(name);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(10);
    expect(pdf.pages.length).toBeLessThan(80);
    const all = pdf.pages.map((p) => p.text).join('\n');
    for (const course of ctx.courses) expect(all).toContain(course.title);
  });

  it('prints, in the contents and the index, the page where each course heading is', () => {
    const { ctx, pdf } = variant(name);
    const contentsPages = pdf.pages.filter((p) =>
      headingPages(pdf, 'Contents', headingSize).includes(p.number),
    );
    const indexStart = headingPages(pdf, 'Courses from A to Z', headingSize)[0] ?? 0;
    const indexPages = pdf.pages.filter((p) => p.number >= indexStart && p.number < indexStart + 3);
    expect(contentsPages.length).toBeGreaterThan(0);
    for (const course of ctx.courses) {
      // Course headings are smaller than section headings but well above body text.
      const where = headingPages(pdf, course.title, courseSize);
      expect(where, course.title).toHaveLength(1);
      expect(printedPage(contentsPages, course.title), `contents: ${course.title}`).toBe(where[0]);
      expect(printedPage(indexPages, course.title), `index: ${course.title}`).toBe(where[0]);
    }
    for (const category of ctx.library.college.categories) {
      const where = headingPages(pdf, category.title, headingSize);
      expect(printedPage(contentsPages, category.title), category.title).toBe(where[0]);
    }
  });

  it('has bookmarks for every category and course, pointing at their pages', () => {
    const { ctx, pdf } = variant(name);
    for (const category of ctx.library.college.categories) {
      const entry = pdf.outline.find((o) => o.title === category.title);
      expect(entry?.page, category.title).toBe(headingPages(pdf, category.title, headingSize)[0]);
    }
    for (const course of ctx.courses) {
      const entry = pdf.outline.find((o) => o.title === course.title);
      expect(entry?.depth, course.title).toBe(1);
      expect(entry?.page, course.title).toBe(headingPages(pdf, course.title, courseSize)[0]);
    }
  });

  it('runs a footer with the section name and page number on every page but the cover', () => {
    const { pdf } = variant(name);
    // Footer text sits in the bottom margin, below every line of the page's own content.
    const footer = (page: (typeof pdf.pages)[number]) =>
      page.items.filter((i) => i.y < 45).map((i) => i.str.trim());
    expect(footer(pdf.pages[0]!)).not.toContain('1');
    for (const page of pdf.pages.slice(1)) {
      expect(footer(page), `page ${page.number}`).toContain(String(page.number));
      expect(
        footer(page).some((t) => /[A-Za-z]/.test(t)),
        `page ${page.number}`,
      ).toBe(true);
    }
    const timetable = headingPages(pdf, 'Timetable', headingSize)[0] ?? 0;
    expect(footer(pdf.pages[timetable - 1]!)).toContain('Timetable');
  });

  it('never shows facilitator notes', () => {
    const all = variant(name)
      .pdf.pages.map((p) => p.text)
      .join('\n');
    for (const secret of facilitatorSecrets) expect(all).not.toContain(secret);
  });
});

describe('print variants', () => {
  it('uses A4 and A5 paper', () => {
    const a4 = variant('a4').pdf.pages[1];
    const a5 = variant('a5').pdf.pages[1];
    expect([Math.round(a4?.width ?? 0), Math.round(a4?.height ?? 0)]).toEqual([595, 842]);
    expect([Math.round(a5?.width ?? 0), Math.round(a5?.height ?? 0)]).toEqual([420, 595]);
  });

  it('sets body text at 16pt or more in large print', () => {
    const { pdf } = variant('large');
    const summary = pdf.pages
      .flatMap((p) => p.items)
      .find((i) => i.str.startsWith('A friendly introduction'));
    expect(summary?.size).toBeGreaterThanOrEqual(16);
    const normal = variant('a4')
      .pdf.pages.flatMap((p) => p.items)
      .find((i) => i.str.startsWith('A friendly introduction'));
    expect(normal?.size).toBeLessThan(14);
  });

  it('marks every page of a course not signed off as a draft, in draft builds only', () => {
    const { pdf } = variant('large');
    const page = headingPages(pdf, 'Sleeping well', 20)[0] ?? 0;
    const lines = pdf.pages[page - 1]?.lines ?? [];
    expect(lines.some((l) => l.includes('Draft – not yet signed off'))).toBe(true);
    // The footer says so too, on that course's pages only.
    const draftFooters = pdf.pages.filter((p) =>
      p.lines.some((l) => l.includes('Developing life skills · Draft')),
    );
    expect(draftFooters.map((p) => p.number)).toContain(page);
    const signedOff = headingPages(pdf, 'Money and wellbeing', 20)[0] ?? 0;
    expect(draftFooters.map((p) => p.number)).not.toContain(signedOff);
    const a4 = variant('a4')
      .pdf.pages.map((p) => p.text)
      .join('\n');
    expect(a4).not.toContain('Draft – not yet signed off');
  });

  it('writes the colophon with each co-author, role and sign-off date', () => {
    const { pdf } = variant('a4');
    const start = headingPages(pdf, 'About this prospectus', 18)[0] ?? 0;
    const colophon = pdf.pages[start - 1]?.text ?? '';
    expect(colophon).toContain('29 November 2026 at 04:00 UTC');
    expect(colophon).toMatch(/content sha256:[0-9a-f]{12}/);
    expect(colophon).toContain('Amira Hassan, peer trainer: signed off 20 November 2026');
    expect(colophon).toContain('Hannah Lewis, practitioner trainer: signed off 20 November 2026');
  });

  it('sets the document title, author, subject and language', () => {
    const { info } = variant('a4').pdf;
    expect(info.Title).toBe('Riverside Recovery College: Spring term 2027 prospectus');
    expect(info.Author).toBe('Riverside Recovery College');
    expect(info.Subject).toBe('Courses, dates and venues for Spring term 2027');
    expect(info.Language).toBe('en-GB');
    expect(info.IsLinearized === undefined || info.IsLinearized === false).toBe(true);
  });
});

describe('the booklet and facilitator packs', () => {
  it('imposes the A5 prospectus two-up on landscape A4 sheets', async () => {
    const { outputs, ctx } = variant('a4');
    const booklet = await readPdf(outputs.bookletPdf ?? '');
    const a5 = await readPdf(path.join(ctx.options.outDir, '..', 'a5', 'prospectus.pdf'));
    expect(booklet.pages).toHaveLength(Math.ceil(a5.pages.length / 4) * 2);
    for (const sheet of booklet.pages) {
      expect([Math.round(sheet.width), Math.round(sheet.height)]).toEqual([842, 595]);
    }
    // The outer sheet's front: back cover on the left, the front cover on the right.
    const front = booklet.pages[0];
    const right = front?.items
      .filter((i) => i.x > 421)
      .map((i) => i.str)
      .join(' ');
    const left = front?.items
      .filter((i) => i.x < 421)
      .map((i) => i.str)
      .join(' ');
    expect(right).toContain('Spring term 2027');
    expect(left).toContain('How to enrol and contact us');
  });

  it('writes one pack per course with every module and the facilitator notes', async () => {
    const { outputs, ctx } = variant('a4');
    expect(outputs.facilitatorPacks.map((f) => path.basename(f)).sort()).toEqual(
      ctx.courses.map((c) => `${c.id}.pdf`).sort(),
    );
    const pack = await readPdf(
      path.join(ctx.options.outDir, 'facilitators', 'understanding-anxiety.pdf'),
    );
    const text = pack.pages.map((p) => p.text).join('\n');
    expect(text).toContain('Facilitator pack');
    expect(text).toContain('Amira Hassan');
    expect(text).toContain('peer trainer');
    for (const secret of facilitatorSecrets) expect(text).toContain(secret);
    expect(text.indexOf('What is anxiety?')).toBeLessThan(text.indexOf('Calming body and mind'));
    expect(pack.outline.map((o) => o.title)).toEqual(
      expect.arrayContaining(['What is anxiety?', 'Calming body and mind']),
    );
    expect((await stat(outputs.prospectusPdf ?? '')).size).toBeGreaterThan(10_000);
  });
});

describe('without a browser', () => {
  it('explains what to install and returns an error, writing no PDF', async () => {
    const ctx = makeContext(root, { outDir: path.join(root, 'none') });
    const outputs = await buildPdfOutputs(ctx, {
      search: {
        env: {},
        platform: 'linux',
        homedir: '/home/nobody',
        exists: () => false,
        hasAppRenderer: false,
        listCached: async () => [],
        download: async () => {
          throw new Error('network unreachable');
        },
        downloadTimeoutMs: 1000,
      },
    });
    expect(outputs.prospectusPdf).toBeUndefined();
    expect(outputs.errors).toHaveLength(1);
    expect(outputs.errors[0]).toContain('TANDEM_BROWSER');
    expect(outputs.errors[0]).toContain('network unreachable');
  });
});

describe('a library loaded from disk', () => {
  it('prints the valid-minimal fixture, keeping its facilitator notes in the packs only', async () => {
    const { library } = await loadLibrary(fixtureLibrary('valid-minimal'));
    if (!library) throw new Error('valid-minimal did not load');
    const picked = pickTerm(library, undefined);
    if ('error' in picked) throw new Error(picked.error);
    const ctx = assemblePublishContext({
      library,
      term: picked.term,
      courses: library.courses,
      statuses: new Map(),
      options: {
        outDir: path.join(root, 'fixture'),
        paper: 'A4',
        largePrint: false,
        booklet: false,
        facilitatorPacks: true,
        draft: true,
      },
      builtAt: new Date('2027-01-01T00:00:00Z'),
    });
    const outputs = await buildPdfOutputs(ctx);
    expect(outputs.errors).toEqual([]);
    const prospectus = await readPdf(outputs.prospectusPdf ?? '');
    const prospectusText = prospectus.pages.map((p) => p.text).join('\n');
    // Every facilitator note's first words, straight from the Markdown.
    const notes = library.courses.flatMap((c) =>
      c.modules.flatMap((m) =>
        [...m.body.matchAll(/:::facilitator[^\n]*\n([^\n]+)/g)].map((x) =>
          (x[1] ?? '').split(/\s+/).slice(0, 4).join(' '),
        ),
      ),
    );
    expect(notes.length).toBeGreaterThan(0);
    const packText = (
      await Promise.all(
        outputs.facilitatorPacks.map(async (f) =>
          (await readPdf(f)).pages.map((p) => p.text).join('\n'),
        ),
      )
    ).join('\n');
    for (const note of notes) {
      expect(prospectusText).not.toContain(note);
      expect(packText).toContain(note);
    }
    for (const course of library.courses) {
      const where = headingPages(prospectus, course.title, 14);
      expect(where, course.title).toHaveLength(1);
      expect(prospectus.outline.find((o) => o.title === course.title)?.page).toBe(where[0]);
    }
  });
});

describe('when printing fails', () => {
  it('closes the browser and reports the failure in plain words', async () => {
    let closed = 0;
    const ctx = makeContext(root, { outDir: path.join(root, 'failing') });
    const outputs = await buildPdfOutputs(ctx, {
      openRenderer: async () => ({
        renderPdf: async () => {
          throw new Error('Target closed');
        },
        close: async () => {
          closed += 1;
        },
      }),
    });
    expect(closed).toBe(1);
    expect(outputs.prospectusPdf).toBeUndefined();
    expect(outputs.errors).toEqual(['The PDF could not be finished: Target closed']);
  });
});
