/** A page per course category, and the list of every course grouped by category. */
import type { Category, Course } from '../../library/types.js';
import type { SiteTemplates } from './load-templates.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { filterChoices } from './course-filters.js';
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
    pages.push(sitePage(templates, 'category', path, view));
  }
  return pages;
}

/** The filter form's drop-down lists, in the order they appear. */
function filterSelects(model: SiteModel) {
  const choices = filterChoices(model);
  return [
    { name: 'category', label: 'Topic', anyLabel: 'Any topic', choices: choices.category },
    { name: 'day', label: 'Day of the week', anyLabel: 'Any day', choices: choices.day },
    { name: 'time', label: 'Time of day', anyLabel: 'Any time', choices: choices.time },
    { name: 'venue', label: 'Venue', anyLabel: 'Any venue', choices: choices.venue },
    { name: 'mode', label: 'Online or in person', anyLabel: 'Either', choices: choices.mode },
  ];
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
      scripts: [sitePaths.courseFactsScript, sitePaths.filtersScript],
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: 'Courses', path },
      ],
    }),
    termTitle: model.ctx.term.title,
    count: `${model.ctx.courses.length} ${model.ctx.courses.length === 1 ? 'course' : 'courses'}`,
    groups,
    other: uncategorised.length > 0 ? uncategorised.map((c) => courseCard(model, c, path)) : null,
    filters: { selects: filterSelects(model) },
  };
  return sitePage(templates, 'courses', path, view);
}
