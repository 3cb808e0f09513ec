/**
 * Compiles the site's Handlebars templates once per process. Templates come only from
 * templates/site/ in the app; course files are data and never compiled. `strict` makes a
 * misspelt field an error instead of an empty gap on a page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { SanitizedHtml } from './sanitized-html.js';
import { scriptSafeJson } from './script-safe-json.js';

/** templates/site/ in the app. */
export const siteTemplatesDir = fileURLToPath(new URL('../../../templates/site/', import.meta.url));

export type PageTemplateName =
  | 'home'
  | 'category'
  | 'courses'
  | 'course'
  | 'module'
  | 'timetable'
  | 'venues'
  | 'page'
  | 'search';

export type SiteTemplates = Record<PageTemplateName, (view: object) => string>;

const PAGE_TEMPLATES: PageTemplateName[] = [
  'home',
  'category',
  'courses',
  'course',
  'module',
  'timetable',
  'venues',
  'page',
  'search',
];

let cached: SiteTemplates | undefined;

const COMPILE_OPTIONS = { noEscape: false, strict: true } as const;

/**
 * Compiled page templates. Pieces shared by pages are helpers rather than Handlebars partials,
 * so the templates stay in the Glimmer subset Prettier can format:
 * - `{{#layout}}…{{/layout}}` wraps a page's body in partials/layout.hbs (with the page's
 *   `layout` view); the body reaches the layout as `pageBody`, the already-escaped output of
 *   the app's own template, never course text;
 * - `{{courseCard card}}` renders partials/course-card.hbs;
 * - `{{sanitizedHtml x}}` prints Markdown rendered by renderMarkdown, and nothing else;
 * - `{{jsonLd x}}` prints `x` as a JSON-LD script element, escaped for it.
 */
export function loadSiteTemplates(dir: string = siteTemplatesDir): SiteTemplates {
  if (cached && dir === siteTemplatesDir) return cached;
  const handlebars = Handlebars.create();
  const partial = (name: string) =>
    handlebars.compile(
      readFileSync(path.join(dir, 'partials', `${name}.hbs`), 'utf8'),
      COMPILE_OPTIONS,
    );
  const layout = partial('layout');
  const courseCard = partial('course-card');

  handlebars.registerHelper('sanitizedHtml', (value: unknown) => {
    if (!(value instanceof SanitizedHtml)) {
      throw new Error('sanitizedHtml only prints Markdown rendered by renderMarkdown.');
    }
    return new handlebars.SafeString(value.html);
  });
  handlebars.registerHelper(
    'layout',
    function (this: { layout?: unknown }, options: Handlebars.HelperOptions) {
      if (this.layout === undefined)
        throw new Error('a page using {{#layout}} needs a `layout` view');
      const pageBody = new handlebars.SafeString(options.fn(this));
      // The doctype lives here: Prettier's Glimmer printer drops it from templates.
      return new handlebars.SafeString(
        `<!doctype html>\n${layout({ layout: this.layout, pageBody })}`,
      );
    },
  );
  // Structured data for search engines and directories; scriptSafeJson keeps library text
  // from ending the element.
  handlebars.registerHelper(
    'jsonLd',
    (value: unknown) =>
      new handlebars.SafeString(
        `<script type='application/ld+json'>${scriptSafeJson(value)}</script>`,
      ),
  );
  handlebars.registerHelper('courseCard', (card: unknown) => {
    if (typeof card !== 'object' || card === null) throw new Error('courseCard needs a card view');
    return new handlebars.SafeString(courseCard(card));
  });

  const templates = {} as SiteTemplates; // cast: every key is filled in just below
  for (const name of PAGE_TEMPLATES) {
    const source = readFileSync(path.join(dir, `${name}.hbs`), 'utf8');
    templates[name] = handlebars.compile(source, COMPILE_OPTIONS);
  }
  if (dir === siteTemplatesDir) cached = templates;
  return templates;
}

/** The site stylesheet, copied as assets/site.css. */
export function readSiteStylesheet(dir: string = siteTemplatesDir): string {
  return readFileSync(path.join(dir, 'site.css'), 'utf8');
}
