/**
 * One HTML file of the site, ready to put together: its path, the template and the view that
 * make it, and a key that stands for both, so a rebuild that finds a file made from the same
 * key can leave it alone without running Handlebars.
 */
import { createHash } from 'node:crypto';
import type { PageTemplateName, SiteTemplates } from './load-templates.js';
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

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Plain data as JSON, with what JSON would lose or blur made explicit (undefined, NaN, the
 * infinities) and rendered Markdown standing for its SHA-256. Anything else (a Map, a class,
 * a function) is refused: its changes would not show in the key, so the page could go stale.
 */
function keyValue(this: unknown, key: string, value: unknown): unknown {
  // What the view holds, before JSON.stringify applied any toJSON (a Date's, for one).
  const held: unknown = (this as Record<string, unknown>)[key];
  if (held === undefined) return { undefined: true };
  if (typeof held === 'number' && !Number.isFinite(held)) return { number: String(held) };
  if (typeof held === 'function' || typeof held === 'symbol' || typeof held === 'bigint')
    throw new Error(`a page view holds a ${typeof held}`);
  if (typeof held !== 'object' || held === null || Array.isArray(held)) return value;
  if (held instanceof SanitizedHtml) return { sanitizedHtml: sha256(held.html) };
  const prototype: unknown = Object.getPrototypeOf(held);
  if (prototype !== Object.prototype && prototype !== null)
    throw new Error('a page view holds something other than plain data');
  return value;
}

/**
 * A SHA-256 of all a page's HTML is made from: `stamp` (Tandem's version and the templates'
 * bytes), the template's name and the view.
 */
export function pageKey(stamp: string, page: RenderedPage): string {
  return sha256(`${stamp}\n${page.template}\n${JSON.stringify(page.view, keyValue)}`);
}
