/**
 * The script that writes page numbers into the loaded prospectus gives exactly the document
 * the templates render with those numbers, checked in real Chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProspectusModel } from '../../../main/publish/pdf/prospectus-model.js';
import {
  prospectusPageNumberScript,
  renderProspectusHtml,
} from '../../../main/publish/pdf/render-prospectus-html.js';
import { launchTestBrowser, type TestBrowser } from '../../support/chromium.js';
import { makeContext } from './make-context.js';

const version = { kind: 'content' as const, id: 'sha256:abc', label: 'content sha256:abc' };

function html(pages: Map<string, number>): string {
  const ctx = makeContext('/tmp/college', {});
  return renderProspectusHtml(
    buildProspectusModel({
      ctx,
      pages,
      version,
      renderFrontPage: (body) => `<p>${body.length}</p>`,
    }),
  );
}

let test: TestBrowser;
beforeAll(async () => {
  test = await launchTestBrowser();
}, 60_000);
afterAll(async () => {
  await test.close();
});

/** The body as Chromium parsed it, after running `script` if given. */
async function parsedBody(source: string, script?: string): Promise<string> {
  const page = await test.browser.newPage();
  try {
    await page.setContent(source);
    if (script) await page.evaluate(script);
    return await page.evaluate(() => document.body.outerHTML);
  } finally {
    await page.close();
  }
}

describe('prospectusPageNumberScript', () => {
  it('turns the unnumbered prospectus into the numbered one, leaving unknown pages blank', async () => {
    // Number every anchor the contents and the index link to, except one.
    const anchors = [...html(new Map()).matchAll(/class='toc-line' href='#([^']+)'/g)].map(
      (m) => m[1] ?? '',
    );
    expect(anchors.length).toBeGreaterThan(10);
    const pages = new Map(anchors.slice(1).map((anchor, i) => [anchor, i + 3]));
    const numbered = await parsedBody(html(pages));
    expect(numbered).toContain(`>${anchors.length + 1}</span>`);
    expect(await parsedBody(html(new Map()), prospectusPageNumberScript(pages))).toBe(numbered);
    // And back again: a second fill replaces the numbers rather than adding to them.
    const other = new Map([...pages].map(([anchor, page]) => [anchor, page + 100]));
    expect(await parsedBody(html(pages), prospectusPageNumberScript(other))).toBe(
      await parsedBody(html(other)),
    );
  });
});
