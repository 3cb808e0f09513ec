/**
 * One HTML file of the site, ready to put together: its path, the template and the view that
 * make it, and a key that stands for both, so a rebuild that finds a file made from the same
 * key can leave it alone without running Handlebars.
 */
import type { PageTemplateName, SiteTemplates } from './load-templates.js';
import { hashPlainData } from '../markdown/hash-plain-data.js';
import { SanitizedHtml } from './sanitized-html.js';

export interface RenderedPage {
  /** Site-relative path, forward slashes. */
  path: string;
  template: PageTemplateName;
  /** Everything the template reads: plain data and SanitizedHtml, nothing else. */
  view: object;
  /** Puts the page together with Handlebars. */
  html: () => string;
}

/** The page at `path` made by `template` from `view`. */
export function sitePage(
  templates: SiteTemplates,
  template: PageTemplateName,
  path: string,
  view: object,
): RenderedPage {
  return { path, template, view, html: () => templates[template](view) };
}

/** Rendered Markdown in a view is keyed by its HTML; nothing else but plain data is keyed. */
const sanitizedStandIn = (value: object): string | undefined =>
  value instanceof SanitizedHtml ? value.html : undefined;

/**
 * A SHA-256 of all a page's HTML is made from: `stamp` (Tandem's version and the templates'
 * bytes), the template's name and the view; a view holding anything but plain data and
 * rendered Markdown (a Map, a Date, a function) is refused, as its changes might not show.
 */
export function pageKey(stamp: string, page: RenderedPage): string {
  return hashPlainData(['page', stamp, page.template, page.view], sanitizedStandIn);
}
