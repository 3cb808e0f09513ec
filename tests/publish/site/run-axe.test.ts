/** The axe harness itself: it must report what the site tests rely on it to catch. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { launchTestBrowser } from '../../support/chromium.js';
import { axeViolations } from '../../support/run-axe.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Harness check</title>
<style>@media (prefers-color-scheme: dark) { p { color: #222; background: #000; } }</style>
</head><body><main><p>Readable in light mode only</p>
<button style="width:10px;height:10px;padding:0;border:0;margin:0">A</button><button
 style="width:10px;height:10px;padding:0;border:0;margin:0">B</button>
</main></body></html>`;

it('reports small targets and colour contrast that fails only in dark mode', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-axe-'));
  const chromium = await launchTestBrowser();
  try {
    await writeFile(path.join(dir, 'page.html'), PAGE);
    const page = await chromium.browser.newPage();
    const found = await axeViolations(page, pathToFileURL(path.join(dir, 'page.html')).href);
    // Two buttons too small and too close together, in both schemes.
    expect(found.filter((v) => v.startsWith('target-size'))).toHaveLength(4);
    expect(found.filter((v) => v.startsWith('color-contrast'))).toEqual([
      expect.stringContaining('(dark)'),
    ]);
  } finally {
    await chromium.close();
    await rm(dir, { recursive: true, force: true });
  }
});
