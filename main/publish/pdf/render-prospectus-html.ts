/** Renders the prospectus view model through the Handlebars templates in templates/print/. */
import { pageCss } from './page-css.js';
import type { PageNumbers, ProspectusModel } from './prospectus-views.js';
import { printTemplate, printCss } from './print-templates.js';

/** The complete HTML document of the prospectus, ready to print. */
export function renderProspectusHtml(model: ProspectusModel): string {
  const template = printTemplate('prospectus.hbs');
  return template({
    ...model,
    css: printCss(),
    pageCss: pageCss({
      paper: model.paper,
      largePrint: model.largePrint,
      pageStyles: model.pageStyles,
    }),
  });
}

/**
 * A script that writes `pages` into the number boxes of the loaded prospectus, exactly as
 * `renderProspectusHtml` prints them: each contents or index line links to its anchor, and its
 * `.pn` box holds that anchor's page, or nothing when the page is not known.
 */
export function prospectusPageNumberScript(pages: PageNumbers): string {
  // JSON is a JavaScript expression; anchors are plain ids, but the encoding makes any safe.
  return `(() => {
  const pages = new Map(${JSON.stringify([...pages])});
  for (const line of document.querySelectorAll('a.toc-line')) {
    const box = line.querySelector('.pn');
    const page = pages.get((line.getAttribute('href') ?? '').slice(1));
    if (box) box.textContent = page === undefined ? '' : String(page);
  }
})()`;
}
