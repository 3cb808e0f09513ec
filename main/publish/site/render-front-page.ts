/** The college's front pages (welcome, how to enrol, learning agreement…). */
import type { Page } from '../../library/types.js';
import type { SiteTemplates } from './load-templates.js';
import { pageImageResolver } from './page-images.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import { SanitizedHtml } from './sanitized-html.js';
import { ENROL_PAGE_SLUG, describe, layoutView } from './site-model.js';
import type { SiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/** Renders pages/<slug>.html, with the pictures `checkPageImages` let through. */
export function renderFrontPage(
  model: SiteModel,
  templates: SiteTemplates,
  page: Page,
): RenderedPage {
  const path = sitePaths.page(page.slug);
  const content = SanitizedHtml.withExcerpt(page.body, {
    trees: model.ctx.markdownTrees,
    cache: model.renderCache,
    topHeadingLevel: 2,
    resolveImage: pageImageResolver(page, path, model.images, model.usedImages),
  });
  const view = {
    layout: layoutView(model, path, {
      title: page.title,
      description: describe(content.firstParagraph || page.title),
      section: page.slug === ENROL_PAGE_SLUG ? 'enrol' : 'page',
      breadcrumbs: [
        { label: 'Home', path: sitePaths.home },
        { label: page.title, path },
      ],
    }),
    title: page.title,
    content: content.html,
  };
  return sitePage(templates, 'page', path, view);
}
