/** A page per published course: what it is, who made it, when it runs and its sessions. */
import type { Course } from '../../library/types.js';
import { formatDate } from '../format-dates.js';
import { imageResolver } from './course-images.js';
import type { SiteTemplates } from './load-templates.js';
import { courseJsonLd } from './open-data.js';
import { studentInfoView } from './student-info.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { SanitizedHtml } from './sanitized-html.js';
import { ENROL_PAGE_SLUG, describe, layoutView, runViews, statusOf } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

/** Site path of a course's category page, or the course list when the category is unknown. */
export function categoryPathOf(model: SiteModel, course: Course): string {
  return model.categoryTitles.has(course.category)
    ? sitePaths.category(course.category)
    : sitePaths.courses;
}

/** Each author's sign-off of the published version, when sign-off data exists. */
function signoffViews(model: SiteModel, course: Course) {
  const status = statusOf(model, course.id);
  if (!status) return null;
  const signed = status.authors
    .filter((a) => a.signedCurrent && a.lastSignedAt)
    .map((a) => {
      const iso = a.lastSignedAt ?? '';
      return {
        name: a.name,
        role: a.role === 'peer' ? 'peer trainer' : 'practitioner trainer',
        date: { iso, text: formatDate(iso) },
      };
    });
  return signed.length > 0 ? signed : null;
}

/** Renders courses/<id>/index.html. */
export function renderCoursePage(
  model: SiteModel,
  templates: SiteTemplates,
  course: Course,
): RenderedPage {
  const path = sitePaths.course(course.id);
  const categoryPath = categoryPathOf(model, course);
  const categoryTitle = model.categoryTitles.get(course.category) ?? 'Courses';
  const enrol = model.library.pages.find((p) => p.slug === ENROL_PAGE_SLUG);
  const modules = model.modulePaths.get(course.id) ?? new Map<Course['modules'][number], string>();
  const status = statusOf(model, course.id);
  const draft = model.draftCourses.has(course.id);
  const description = course.body.trim()
    ? SanitizedHtml.fromMarkdown(course.body, {
        trees: model.ctx.markdownTrees,
        cache: model.renderCache,
        topHeadingLevel: 3,
        resolveImage: imageResolver(course, course.file, path, model.images, model.usedImages),
      })
    : null;
  const runs = runViews(model, course, path);
  const view = {
    layout: layoutView(model, path, {
      title: course.title,
      description: describe(course.summary),
      section: 'courses',
      draft,
      version: status?.version ?? null,
      datedBy: [course],
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: categoryTitle, path: categoryPath },
        { label: course.title, path },
      ],
    }),
    title: course.title,
    code: course.code,
    categoryTitle,
    categoryHref: relativeHref(path, categoryPath),
    summary: course.summary,
    audience: course.audience,
    format: course.format,
    outcomes: course.outcomes,
    coProduction: model.courseViews.coProduction(course) || null,
    signoffs: signoffViews(model, course),
    description,
    runs,
    termTitle: model.ctx.term.title,
    notRunning: runs.length === 0,
    enrolHref: enrol ? relativeHref(path, sitePaths.page(enrol.slug)) : null,
    jsonLd: courseJsonLd(model, course),
    isNew: model.newCourses.has(course.id),
    info: studentInfoView(model),
    modules: course.modules.map((m) => ({
      number: m.number,
      title: m.title,
      duration: m.duration ?? null,
      href: relativeHref(path, modules.get(m) ?? path),
    })),
  };
  return sitePage(templates, 'course', path, view);
}
