/** A page per course category, and the list of every course grouped by category. */
import type { Category, Course } from '../../library/types.js';
import type { SiteTemplates } from './load-templates.js';
import type { RenderedPage } from './rendered-page.js';
import { courseCard, describe, layoutView } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

function coursesIn(model: SiteModel, category: Category): Course[] {
  return model.ctx.courses.filter((c) => c.category === category.id);
}

/** Renders categories/<id>.html (only for categories with published courses). */
export function renderCategoryPages(model: SiteModel, templates: SiteTemplates): RenderedPage[] {
  const pages: RenderedPage[] = [];
  for (const category of model.library.college.categories) {
    const path = sitePaths.category(category.id);
    const shown = coursesIn(model, category);
    if (shown.length === 0) continue;
    const view = {
      layout: layoutView(model, path, {
        title: category.title,
        description: describe(category.description),
        section: 'courses',
        breadcrumbs: [
          { label: 'Home', path: sitePaths.home },
          { label: 'Courses', path: sitePaths.courses },
          { label: category.title, path },
        ],
        datedBy: shown,
      }),
      title: category.title,
      description: category.description,
      courses: shown.map((c) => courseCard(model, c, path)),
    };
    pages.push({ path, html: templates.category(view) });
  }
  return pages;
}

/** Renders courses/index.html: every published course, grouped by category. */
export function renderCourseIndex(model: SiteModel, templates: SiteTemplates): RenderedPage {
  const path = sitePaths.courses;
  const groups = model.library.college.categories
    .map((category) => ({
      id: `category-${category.id}`,
      title: category.title,
      description: category.description,
      href: relativeHref(path, sitePaths.category(category.id)),
      courses: coursesIn(model, category).map((c) => courseCard(model, c, path)),
    }))
    .filter((g) => g.courses.length > 0);
  const known = new Set(model.library.college.categories.map((c) => c.id));
  const uncategorised = model.ctx.courses.filter((c) => !known.has(c.category));
  const view = {
    layout: layoutView(model, path, {
      title: 'Courses',
      description: describe(`Every course at ${model.library.college.name} this term.`),
      section: 'courses',
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: 'Courses', path },
      ],
    }),
    termTitle: model.ctx.term.title,
    count: `${model.ctx.courses.length} ${model.ctx.courses.length === 1 ? 'course' : 'courses'}`,
    groups,
    other: uncategorised.length > 0 ? uncategorised.map((c) => courseCard(model, c, path)) : null,
  };
  return { path, html: templates.courses(view) };
}
