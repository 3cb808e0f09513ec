/**
 * Where each anchor of a loaded document will be printed, found without printing. Chromium
 * breaks columns with the same fragmentation engine as pages, so the document is laid out once
 * as a row of columns each the size of a page's text area (forced page breaks and changes of
 * named page become column breaks, the cover fills one column), the column each anchor starts
 * in is its page, and the document is put back as it was. A screen layout costs a fraction of
 * a print's, which lays the whole document out for paper. The final print still checks every
 * number against its own destinations (resolve-page-numbers.ts), so a layout the columns get
 * wrong (pages with margins of their own, say) only costs another print.
 */
import { z } from 'zod';
import type { PageArea } from './page-css.js';
import type { PrintDocument } from './pdf-renderer.js';
import type { PageNumbers } from './prospectus-views.js';

/**
 * The script, run in the loaded document through DevTools (the document's own scripts are
 * off). Sizes are whole 1/64 px, Chromium's layout unit, so a column's left edge is exactly
 * its number times the column width however many columns come before it.
 */
export function estimateScript(area: PageArea): string {
  return `(() => {
  const unit = (mm) => Math.floor(((mm * 96) / 25.4) * 64) / 64;
  const width = unit(${area.width});
  const height = unit(${area.height});
  const style = document.createElement('style');
  // The root holds the columns, so the body's own margins fall inside them, as inside pages.
  style.textContent = [
    'html { margin: 0 !important; padding: 0 !important; border: 0 !important;',
    '  columns: ' + width + 'px !important; column-gap: 0 !important; column-fill: auto !important;',
    '  width: ' + width + 'px !important; height: ' + height + 'px !important; }',
    '.cover { height: ' + height + 'px !important; }',
  ].join('\\n');
  document.head.append(style);
  // Every style is read before any is changed: a change between reads would make each read
  // work the styles out again.
  const breaks = [];
  const forced = new Set(['page', 'left', 'right', 'recto', 'verso']);
  const usedPage = new Map();
  for (const element of document.body.querySelectorAll('*')) {
    const computed = getComputedStyle(element);
    const own = computed.page;
    const used = own && own !== 'auto' ? own : (usedPage.get(element.parentElement) ?? '');
    usedPage.set(element, used);
    const previous = element.previousElementSibling;
    if (forced.has(computed.breakBefore)) breaks.push([element, 'breakBefore']);
    else if (previous && usedPage.get(previous) !== used) breaks.push([element, 'breakBefore']);
    if (forced.has(computed.breakAfter)) breaks.push([element, 'breakAfter']);
  }
  const changed = breaks.map(([element, side]) => [element, side, element.style[side]]);
  for (const [element, side] of breaks) element.style[side] = 'column';
  const left = document.documentElement.getBoundingClientRect().left;
  // Pairs, not an object: an id is library text, and "__proto__" is a valid one.
  const pages = new Map();
  for (const link of document.querySelectorAll('a[href^="#"]')) {
    let id = (link.getAttribute('href') || '').slice(1);
    try { id = decodeURIComponent(id); } catch {}
    const target = id ? document.getElementById(id) : null;
    if (!target || pages.has(id)) continue;
    pages.set(id, 1 + Math.floor((target.getBoundingClientRect().left - left + 0.5) / width));
  }
  for (const [element, side, value] of changed.reverse()) element.style[side] = value;
  style.remove();
  return [...pages];
})()`;
}

const estimateSchema = z.array(z.tuple([z.string(), z.number().int().positive()]));

/**
 * The page of every anchor of `loaded` when printed with text areas of `area`, or undefined
 * when the document could not say.
 */
export async function estimateAnchorPages(
  loaded: PrintDocument,
  area: PageArea,
): Promise<PageNumbers | undefined> {
  const parsed = estimateSchema.safeParse(await loaded.run(estimateScript(area)));
  return parsed.success ? new Map(parsed.data) : undefined;
}
