/**
 * One page of the student site for the app's live preview: rendered in memory by the same
 * renderers as the build, with its stylesheet and images put inside the page (the preview
 * frame has no site folder to load them from) and its scripts left out (the frame runs none).
 */
import { readFile } from 'node:fs/promises';
import type { Course } from '../../library/types.js';
import type { PreviewPage, PublishContext, SitePreview } from '../types.js';
import { checkCourseImages, type ImageSource } from './course-images.js';
import { loadSiteTemplates, readSiteStylesheet, siteTemplatesDir } from './load-templates.js';
import { renderCoursePage } from './render-course-page.js';
import { renderHome } from './render-home.js';
import { renderModulePages } from './render-module-page.js';
import { renderTimetable } from './render-timetable.js';
import type { RenderedPage } from './rendered-page.js';
import { buildSiteModel, type SiteModel } from './site-model.js';
import { relativeHref } from './site-paths.js';
import { publishableCover } from './write-site.js';

/** The preview frame's own policy: no scripts, no requests, only the page's styles and images. */
export const PREVIEW_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
};

async function dataUrl(source: ImageSource): Promise<string> {
  const ext = source.file.slice(source.file.lastIndexOf('.') + 1).toLowerCase();
  const bytes = source.svg === undefined ? await readFile(source.file) : Buffer.from(source.svg);
  return `data:${MIME[ext] ?? 'application/octet-stream'};base64,${bytes.toString('base64')}`;
}

function renderTarget(
  model: SiteModel,
  target: PreviewPage,
  course: Course | undefined,
): RenderedPage | undefined {
  const templates = loadSiteTemplates(model.ctx.options.siteTemplatesDir ?? siteTemplatesDir);
  switch (target.page) {
    case 'home':
      return renderHome(model, templates);
    case 'timetable':
      return renderTimetable(model, templates);
    case 'course':
      return course && renderCoursePage(model, templates, course);
    case 'module': {
      if (!course) return undefined;
      const module = course.modules.find((m) => m.file === `${course.id}/modules/${target.file}`);
      const path = module && model.modulePaths.get(course.id)?.get(module);
      return path
        ? renderModulePages(model, templates, course).find((p) => p.path === path)
        : undefined;
    }
  }
}

/** Replaces every `attr='href'` / `attr="href"` of `href` in Tandem's own page with `value`. */
function replaceAttribute(html: string, attr: string, href: string, value: string): string {
  return html
    .replaceAll(`${attr}='${href}'`, `${attr}="${value}"`)
    .replaceAll(`${attr}="${href}"`, `${attr}="${value}"`);
}

/**
 * Renders `target` from `ctx` (built with drafts, so the course being written is in it).
 * A course left out of the site (errors, or not in this library) gets a reason instead.
 */
export async function renderSitePreview(
  ctx: PublishContext,
  target: PreviewPage,
): Promise<SitePreview> {
  const course =
    'courseId' in target ? ctx.courses.find((c) => c.id === target.courseId) : undefined;
  if ('courseId' in target && !course) {
    return {
      ok: false,
      reason: 'This course is not on the site yet: it has problems to fix first (see Problems).',
    };
  }
  // Only the images the page can show are checked: the course's own, or every course's cards.
  const shown = course ? [course] : target.page === 'home' ? ctx.courses : [];
  const images = checkCourseImages(ctx.library.root, shown);
  const cover =
    target.page === 'home'
      ? publishableCover(ctx.library.root, ctx.library.college.coverImage)
      : {};
  const model = buildSiteModel(ctx, images, cover.target ?? null);
  const page = renderTarget(model, target, course);
  if (!page) return { ok: false, reason: 'This session is not on the site yet.' };

  const templatesDir = ctx.options.siteTemplatesDir ?? siteTemplatesDir;
  // `</style` cannot occur in the app's own stylesheet; escaped anyway, as cheap insurance.
  const css = readSiteStylesheet(templatesDir).replaceAll('</style', '<\\/style');
  let html = page
    .html()
    .replace(
      /<link rel=(['"])stylesheet\1 href=(['"])[^'"]*\2 ?\/?>/,
      `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}" /><style>${css}</style>`,
    )
    .replace(/<script src=(['"])[^'"]*\1><\/script>/g, '');
  if (cover.source && cover.target) {
    html = replaceAttribute(
      html,
      'src',
      relativeHref(page.path, cover.target),
      await dataUrl(cover.source),
    );
  }
  for (const [sitePath, source] of model.usedImages) {
    const checked = images.allowed.get(source);
    if (!checked) continue;
    html = replaceAttribute(html, 'src', relativeHref(page.path, sitePath), await dataUrl(checked));
  }
  const draft = course ? model.draftCourses.has(course.id) : false;
  return { ok: true, html, path: page.path, draft };
}
