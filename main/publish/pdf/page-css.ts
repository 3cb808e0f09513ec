/**
 * The per-build part of the print CSS: page size and margins, and one named page per section
 * whose margin boxes carry the running footer (section name on the inner side of the sheet,
 * page number on the outer side). Chromium draws CSS margin boxes into the PDF itself, so
 * every footer is real text with the correct page number, with no second stamping pass.
 */
import type { PaperSize } from '../types.js';

/** A named page and the running footer text of its pages. */
export interface PageStyle {
  name: string;
  footer: string;
}

export interface PageCssOptions {
  paper: PaperSize;
  largePrint: boolean;
  pageStyles: PageStyle[];
}

/** A sheet and its margins, in millimetres (portrait). */
interface PaperLayout {
  width: number;
  height: number;
  top: number;
  /** Left and right alike. */
  side: number;
  bottom: number;
}

const papers: Record<PaperSize, PaperLayout> = {
  A4: { width: 210, height: 297, top: 18, side: 20, bottom: 21 },
  A5: { width: 148, height: 210, top: 13, side: 13, bottom: 17 },
};

/** Where text goes on every page but the cover (which has no margin), in millimetres. */
export interface PageArea {
  width: number;
  height: number;
}

/** The area inside the margins of a page on `paper`. */
export function pageArea(paper: PaperSize): PageArea {
  const p = papers[paper];
  return { width: p.width - 2 * p.side, height: p.height - p.top - p.bottom };
}

/**
 * Quotes text as a CSS string for a `<style>` element: letters, digits and spaces stay, every
 * other character becomes a CSS hex escape (`\\3c ` for `<`), so no title can end the string,
 * the rule or the element (`</style>`), whatever it holds. Line breaks and other control
 * characters become spaces.
 */
export function cssString(text: string): string {
  const escaped = text
    // eslint-disable-next-line no-control-regex -- control characters are what is replaced
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[^\p{L}\p{N} ]/gu, (c) => `\\${(c.codePointAt(0) ?? 0x20).toString(16)} `);
  return `"${escaped}"`;
}

/** The @page rules for one document. */
export function pageCss(options: PageCssOptions): string {
  const paper = papers[options.paper];
  const footerSize = options.largePrint ? '14pt' : options.paper === 'A5' ? '7.5pt' : '8pt';
  const box = `font-family: 'Liberation Sans', 'Nimbus Sans', 'DejaVu Sans', sans-serif; font-size: ${footerSize}; color: #4b5a5f; vertical-align: top; padding-top: ${options.paper === 'A5' ? '5mm' : '7mm'};`;
  const number = `content: counter(page); font-weight: 700; ${box}`;
  const rules = [
    // The cover's colour band is padded like the pages' sides.
    `:root { --page-height: ${paper.height}mm; --cover-pad: ${paper.side}mm; }`,
    `@page { size: ${options.paper} portrait; margin: ${paper.top}mm ${paper.side}mm ${paper.bottom}mm; }`,
    `@page :right { @bottom-right { ${number} } }`,
    `@page :left { @bottom-left { ${number} } }`,
    // The cover has no footer and no margin: its colour band runs to the paper's edge.
    `@page cover { margin: 0; @bottom-left { content: none; } @bottom-right { content: none; } }`,
  ];
  for (const style of options.pageStyles) {
    const text = `content: ${cssString(style.footer)}; ${box}`;
    rules.push(
      `@page ${style.name}:right { @bottom-left { ${text} text-align: left; } @bottom-right { ${number} text-align: right; } }`,
      `@page ${style.name}:left { @bottom-left { ${number} text-align: left; } @bottom-right { ${text} text-align: right; } }`,
    );
  }
  return rules.join('\n');
}
