/** search.html: a search field and the results, filled in by assets/search.js. */
import type { SiteTemplates } from './load-templates.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { describe, layoutView } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

/** Renders search.html; its scripts come last, after the elements they fill in. */
export function renderSearchPage(model: SiteModel, templates: SiteTemplates): RenderedPage {
  const path = sitePaths.search;
  const view = {
    layout: layoutView(model, path, {
      title: 'Search courses',
      description: describe(`Search the courses of ${model.library.college.name}.`),
      section: 'search',
      scripts: [sitePaths.miniSearchScript, sitePaths.searchIndexScript, sitePaths.searchScript],
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: 'Search', path },
      ],
    }),
    termTitle: model.ctx.term.title,
    searchHref: relativeHref(path, path),
    coursesHref: relativeHref(path, sitePaths.courses),
    timetableHref: relativeHref(path, sitePaths.timetable),
  };
  return sitePage(templates, 'search', path, view);
}
