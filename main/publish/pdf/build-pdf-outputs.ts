/**
 * Writes the prospectus PDF(s) and facilitator packs for a build, printing everything with one
 * browser that is always closed again, whatever fails.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderMarkdown } from '../markdown/render-markdown.js';
import type { PaperSize, PublishContext } from '../types.js';
import { addPdfMetadata } from './add-pdf-metadata.js';
import { findBrowser, noBrowserMessage, type BrowserSearchEnvironment } from './find-browser.js';
import { imposeBooklet } from './impose-booklet.js';
import {
  knownAnchorPagesFile,
  readKnownAnchorPages,
  saveKnownAnchorPages,
} from './known-anchor-pages.js';
import { libraryVersion, type LibraryVersion } from './library-version.js';
import { appPdfRendererFactory, type PdfRenderer, type PdfRenderOptions } from './pdf-renderer.js';
import { absolutiseImages, printImageResolver } from './print-images.js';
import { buildProspectusModel } from './prospectus-model.js';
import type { PageNumbers } from './prospectus-views.js';
import { launchPuppeteerRenderer } from './puppeteer-pdf-renderer.js';
import { renderFacilitatorPackHtml } from './render-facilitator-pack.js';
import { prospectusPageNumberScript, renderProspectusHtml } from './render-prospectus-html.js';
import { pageArea } from './page-css.js';
import { renderWithPageNumbers, type NumberedDocument } from './resolve-page-numbers.js';
import { systemBrowserSearch } from './system-browser-search.js';

export interface PdfOutputs {
  prospectusPdf?: string;
  bookletPdf?: string;
  facilitatorPacks: string[];
  /** Plain-words failures, e.g. no browser found; the site build still completes. */
  errors: string[];
}

/** Ways to replace the real browser search, for tests and for the desktop app. */
export interface PdfBuildDependencies {
  /** Opens the renderer to print with; defaults to the browser search (find-browser.ts). */
  openRenderer?: () => Promise<PdfRenderer>;
  /** The machine the default browser search looks at. */
  search?: BrowserSearchEnvironment;
}

/** Renders every PDF output of `ctx` into `ctx.options.outDir`. */
export async function buildPdfOutputs(
  ctx: PublishContext,
  deps: PdfBuildDependencies = {},
): Promise<PdfOutputs> {
  const outDir = path.resolve(ctx.options.outDir);
  const outputs: PdfOutputs = { facilitatorPacks: [], errors: [] };
  // Hashing a large library takes a moment; do it while the browser starts (it never throws).
  const versionPromise = libraryVersion(ctx.library.root, [outDir]);
  let renderer: PdfRenderer;
  try {
    renderer = await (deps.openRenderer ?? (() => openDefaultRenderer(deps.search)))();
  } catch (error) {
    outputs.errors.push(error instanceof Error ? error.message : String(error));
    return outputs;
  }
  try {
    const version = await versionPromise;
    await mkdir(outDir, { recursive: true });
    const packCount = ctx.options.facilitatorPacks ? ctx.courses.length : 0;
    const total = 1 + (ctx.options.booklet ? 1 : 0) + packCount;
    let done = 0;
    const progress = (phase: 'pdf' | 'facilitator-packs', message: string) =>
      ctx.onProgress({ phase, done, total, message });

    progress('pdf', 'Printing the prospectus');
    const prospectus = await renderProspectusPdf(ctx, renderer, version, ctx.options.paper);
    outputs.prospectusPdf = path.join(outDir, 'prospectus.pdf');
    await writeFile(outputs.prospectusPdf, prospectus);
    done += 1;

    if (ctx.options.booklet) {
      progress('pdf', 'Imposing the booklet');
      const a5 =
        ctx.options.paper === 'A5'
          ? prospectus
          : await renderProspectusPdf(ctx, renderer, version, 'A5');
      const booklet = await imposeBooklet(a5, {
        keepLastPageLast: true,
        title: prospectusTitle(ctx),
        date: ctx.builtAt,
      });
      outputs.bookletPdf = path.join(outDir, 'prospectus-booklet.pdf');
      await writeFile(outputs.bookletPdf, booklet);
      done += 1;
    }

    if (ctx.options.facilitatorPacks) {
      const packDir = path.join(outDir, 'facilitators');
      await mkdir(packDir, { recursive: true });
      for (const course of ctx.courses) {
        progress('facilitator-packs', `Printing the facilitator pack for ${course.title}`);
        const html = renderFacilitatorPackHtml(ctx, course, version);
        const pdf = await renderer.renderPdf(html, {
          name: course.id,
          tagged: true,
          outline: true,
          assetsRoot: ctx.library.root,
        });
        const file = path.join(packDir, `${course.id}.pdf`);
        await writeFile(
          file,
          await addPdfMetadata(pdf, {
            title: `${course.title} (${course.code}): facilitator pack`,
            author: ctx.library.college.name,
            subject: `Sessions and facilitator notes for ${course.title}, ${ctx.term.title}`,
            keywords: ['facilitator pack', course.code, ...course.tags],
            lang: 'en-GB',
            date: ctx.builtAt,
          }),
        );
        outputs.facilitatorPacks.push(file);
        done += 1;
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outputs.errors.push(`The PDF could not be finished: ${reason}`);
  } finally {
    await renderer.close();
  }
  return outputs;
}

function prospectusTitle(ctx: PublishContext): string {
  return `${ctx.library.college.name}: ${ctx.term.title} prospectus`;
}

/** Prints the prospectus on `paper` with true page numbers and its document metadata. */
export async function renderProspectusPdf(
  ctx: PublishContext,
  renderer: PdfRenderer,
  version: LibraryVersion,
  paper: PaperSize,
): Promise<Uint8Array> {
  const document = prospectusDocument(ctx, version, paper);
  const options = prospectusPrintOptions(ctx, paper);
  // A rebuild of an unchanged prospectus needs no measuring print (known-anchor-pages.ts).
  const unnumbered = document.html(new Map());
  const known = knownAnchorPagesFile(path.resolve(ctx.options.outDir), options.name);
  const expected = await readKnownAnchorPages(known, unnumbered);
  const numbered = await renderWithPageNumbers(document, renderer, options, expected);
  await saveKnownAnchorPages(known, unnumbered, numbered.pages);
  return addPdfMetadata(numbered.pdf, {
    title: prospectusTitle(ctx),
    author: ctx.library.college.name,
    subject: `Courses, dates and venues for ${ctx.term.title}`,
    keywords: [
      'Recovery College',
      'prospectus',
      ctx.term.title,
      ...ctx.library.college.categories.map((c) => c.title),
    ],
    lang: 'en-GB',
    date: ctx.builtAt,
  });
}

/** How the prospectus on `paper` is printed: tagged, with bookmarks, and the library's images. */
export function prospectusPrintOptions(ctx: PublishContext, paper: PaperSize): PdfRenderOptions {
  return { name: `prospectus-${paper}`, tagged: true, outline: true, assetsRoot: ctx.library.root };
}

/** The prospectus on `paper` as a document whose page numbers can be chosen. */
export function prospectusDocument(
  ctx: PublishContext,
  version: LibraryVersion,
  paper: PaperSize,
): NumberedDocument {
  const local: PublishContext =
    paper === ctx.options.paper ? ctx : { ...ctx, options: { ...ctx.options, paper } };
  const frontPages = new Map<string, string>();
  const renderFrontPage = (body: string, file: string) => {
    let html = frontPages.get(file);
    if (html === undefined) {
      html = absolutiseImages(
        renderMarkdown(body, {
          trees: ctx.markdownTrees,
          audience: 'student',
          resolveImage: printImageResolver(file),
          headingOffset: 1,
        }),
      );
      frontPages.set(file, html);
    }
    return html;
  };
  const html = (pages: PageNumbers) =>
    renderProspectusHtml(buildProspectusModel({ ctx: local, pages, version, renderFrontPage }));
  // The unnumbered HTML is asked for twice (to find the known pages, and to load), so keep it.
  let unnumbered: string | undefined;
  return {
    html: (pages) => (pages.size > 0 ? html(pages) : (unnumbered ??= html(pages))),
    fillScript: prospectusPageNumberScript,
    pageArea: pageArea(paper),
  };
}

/** Finds a browser (see find-browser.ts) and opens a renderer on it, or explains why not. */
async function openDefaultRenderer(search?: BrowserSearchEnvironment): Promise<PdfRenderer> {
  const appFactory = appPdfRendererFactory();
  const choice = await findBrowser(search ?? systemBrowserSearch(appFactory !== undefined));
  if (choice.kind === 'none') throw new Error(choice.message);
  if (choice.kind === 'app') {
    if (!appFactory) throw new Error(noBrowserMessage('The app did not supply its browser.'));
    return appFactory();
  }
  try {
    return await launchPuppeteerRenderer(choice.path);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(noBrowserMessage(`The browser at ${choice.path} would not start: ${reason}`));
  }
}
