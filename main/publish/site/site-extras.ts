/**
 * The parts of the student site beyond its pages of course text: search (page, index and
 * scripts), filters, calendars and open data, written alongside the pages by write-site.ts from this one place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderCalendars } from './calendars.js';
import { courseFactsScript } from './course-filters.js';
import type { SiteTemplates } from './load-templates.js';
import { siteTemplatesDir } from './load-templates.js';
import { coursesFeed, coursesJson } from './open-data.js';
import type { RenderedPage } from './rendered-page.js';
import { renderSearchPage } from './render-search-page.js';
import { miniSearchBrowserScript, searchDocuments, searchIndexScript } from './search-index.js';
import type { SiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/** A file of the site that is not a page: site-relative path and its contents. */
export interface SiteAsset {
  path: string;
  content: string;
}

/** A browser script of templates/site/scripts/. */
function pageScript(name: string): string {
  return readFileSync(path.join(siteTemplatesDir, 'scripts', name), 'utf8');
}

/** The extra pages and files of a build. */
export function renderSiteExtras(
  model: SiteModel,
  templates: SiteTemplates,
): { pages: RenderedPage[]; assets: SiteAsset[] } {
  const feed = coursesFeed(model);
  return {
    pages: [renderSearchPage(model, templates)],
    assets: [
      {
        path: sitePaths.searchIndexScript,
        content: searchIndexScript(searchDocuments(model), model.renderCache),
      },
      { path: sitePaths.miniSearchScript, content: miniSearchBrowserScript() },
      { path: sitePaths.searchScript, content: pageScript('search.js') },
      { path: sitePaths.filtersScript, content: pageScript('filters.js') },
      { path: sitePaths.courseFactsScript, content: courseFactsScript(model) },
      ...renderCalendars(model),
      { path: sitePaths.coursesJson, content: coursesJson(model) },
      ...(feed ? [{ path: sitePaths.feed, content: feed }] : []),
    ],
  };
}
