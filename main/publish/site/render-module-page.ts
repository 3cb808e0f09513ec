/** A page per module (session) of a course: its student-facing content only. */
import type { Course, Module } from '../../library/types.js';
import { imageResolver } from './course-images.js';
import { categoryPathOf } from './render-course-page.js';
import type { SiteTemplates } from './load-templates.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { SanitizedHtml } from './sanitized-html.js';
import { describe, layoutView, statusOf } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

/** Renders every module page of `course` (facilitator notes are never included). */
export function renderModulePages(
  model: SiteModel,
  templates: SiteTemplates,
  course: Course,
): RenderedPage[] {
  const paths = model.modulePaths.get(course.id) ?? new Map<Module, string>();
  const coursePath = sitePaths.course(course.id);
  const categoryPath = categoryPathOf(model, course);
  const categoryTitle = model.categoryTitles.get(course.category) ?? 'Courses';
  const draft = model.draftCourses.has(course.id);
  const version = statusOf(model, course.id)?.version ?? null;
  const total = course.modules.length;
  return course.modules.map((module, index) => {
    const path = paths.get(module) ?? coursePath;
    const content = SanitizedHtml.withExcerpt(module.body, {
      trees: model.ctx.markdownTrees,
      cache: model.renderCache,
      topHeadingLevel: 2,
      resolveImage: imageResolver(course, module.file, path, model.images, model.usedImages),
    });
    const neighbour = (m: Module | undefined) =>
      m ? { title: m.title, href: relativeHref(path, paths.get(m) ?? coursePath) } : null;
    const view = {
      layout: layoutView(model, path, {
        title: `${module.title} – ${course.title}`,
        description: describe(content.firstParagraph || course.summary),
        section: 'courses',
        draft,
        version,
        datedBy: [course],
        breadcrumbs: [
          { label: 'Home', path: sitePaths.home },
          { label: categoryTitle, path: categoryPath },
          { label: course.title, path: coursePath },
          { label: module.title, path },
        ],
      }),
      courseTitle: course.title,
      courseHref: relativeHref(path, coursePath),
      position: `Session ${index + 1} of ${total}`,
      title: module.title,
      duration: module.duration ?? null,
      content: content.html,
      sessions: course.modules.map((m) => ({
        title: m.title,
        href: relativeHref(path, paths.get(m) ?? coursePath),
        current: m === module,
      })),
      previous: neighbour(course.modules[index - 1]),
      next: neighbour(course.modules[index + 1]),
    };
    return sitePage(templates, 'module', path, view);
  });
}
