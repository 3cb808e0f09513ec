/**
 * Runs axe-core in a real Chromium page, the way GOV.UK Frontend and NHS.UK frontend do: the
 * axe script is injected into the loaded page and run with the WCAG 2.2 AA tags plus the
 * `target-size` rule (off by default in axe), in a given colour scheme.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import type { AxeResults, RunOptions } from 'axe-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const RUN_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: AXE_TAGS },
  rules: { 'target-size': { enabled: true } },
  resultTypes: ['violations'],
};

export type ColourScheme = 'light' | 'dark';

/**
 * Axe's violations of the page at `url` in each colour scheme, one line per failing element
 * ("rule-id: help — selector (scheme)"), so a failing test names what to fix. The page is
 * loaded once; switching the emulated scheme restyles it before axe runs again.
 */
export async function axeViolations(
  page: Page,
  url: string,
  schemes: ColourScheme[] = ['light', 'dark'],
): Promise<string[]> {
  await page.goto(url, { waitUntil: 'load' });
  await page.addScriptTag({ content: axeSource });
  const found: string[] = [];
  for (const scheme of schemes) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const results = await page.evaluate(
      (options) =>
        (window as unknown as { axe: { run(o: object): Promise<AxeResults> } }).axe.run(options),
      RUN_OPTIONS as object,
    );
    found.push(
      ...results.violations.flatMap((v) =>
        v.nodes.map((n) => `${v.id}: ${v.help} — ${n.target.join(' ')} (${scheme})`),
      ),
    );
  }
  return found;
}
