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
  return axeViolationsHere(page, schemes, { reducedMotion: false });
}

/**
 * The same for whatever the page shows now (a screen of the app, a dialog open), without
 * loading it again. Axe is added to the page the first time.
 */
export async function axeViolationsHere(
  page: Page,
  schemes: ColourScheme[] = ['light', 'dark'],
  // The app's screens are measured with reduced motion so no colour is caught mid-fade; the
  // site's pages, loaded fresh, are measured as a visitor's browser shows them by default.
  { reducedMotion = true }: { reducedMotion?: boolean } = {},
): Promise<string[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.addScriptTag({ content: axeSource });
  const found: string[] = [];
  for (const scheme of schemes) {
    await page.emulateMediaFeatures([
      { name: 'prefers-color-scheme', value: scheme },
      { name: 'prefers-reduced-motion', value: reducedMotion ? 'reduce' : 'no-preference' },
    ]);
    // Colours reached by a transition are measured once it has ended (or was replaced): the
    // new scheme's styles are applied on the next frames, so wait for those before asking.
    await page.evaluate(async () => {
      for (let i = 0; i < 2; i += 1) await new Promise((done) => requestAnimationFrame(done));
      await Promise.allSettled(
        document
          .getAnimations()
          .filter((a) => a instanceof CSSTransition)
          .map((a) => a.finished),
      );
    });
    const results = await page.evaluate(
      (options) =>
        (window as unknown as { axe: { run(o: object): Promise<AxeResults> } }).axe.run(options),
      RUN_OPTIONS as object,
    );
    found.push(
      ...results.violations.flatMap((v) =>
        v.nodes.map((n) => {
          // Axe's own words for a colour failure carry the colours and the ratio.
          const detail = v.id === 'color-contrast' ? ` [${n.any[0]?.message ?? ''}]` : '';
          return `${v.id}: ${v.help} — ${n.target.join(' ')} (${scheme})${detail}`;
        }),
      ),
    );
  }
  return found;
}
