/** Loads (once) and compiles the print templates and stylesheet from templates/print/. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

const templatesDir = fileURLToPath(new URL('../../../templates/print/', import.meta.url));
const handlebars = Handlebars.create();
// `class="course {{when draft 'is-draft'}}"`: an optional class without a block inside an
// attribute, which HTML-aware formatters cannot parse.
handlebars.registerHelper('when', (condition: unknown, text: unknown) =>
  condition ? String(text) : '',
);
const compiled = new Map<string, Handlebars.TemplateDelegate>();
let css: string | undefined;

/**
 * The compiled template `templates/print/<name>`, as a function returning a complete document.
 * The doctype is added here (formatters drop it from Handlebars files): without it Chromium
 * lays out in quirks mode.
 */
export function printTemplate(name: string): (context: object) => string {
  let template = compiled.get(name);
  if (!template) {
    template = handlebars.compile(readFileSync(templatesDir + name, 'utf8'), { strict: false });
    compiled.set(name, template);
  }
  const render = template;
  return (context) => `<!doctype html>\n${render(context)}`;
}

/** The shared print stylesheet, templates/print/print.css. */
export function printCss(): string {
  css ??= readFileSync(templatesDir + 'print.css', 'utf8');
  return css;
}
