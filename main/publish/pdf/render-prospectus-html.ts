/** Renders the prospectus view model through the Handlebars templates in templates/print/. */
import { pageCss } from './page-css.js';
import type { ProspectusModel } from './prospectus-model.js';
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
