/** The real machine's answers to the browser search's questions (see find-browser.ts). */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import {
  Browser,
  detectBrowserPlatform,
  getInstalledBrowsers,
  install,
  resolveBuildId,
} from '@puppeteer/browsers';
import type { BrowserSearchEnvironment } from './find-browser.js';

/** Builds a search environment for this process: real env, file system and cache. */
export function systemBrowserSearch(hasAppRenderer: boolean): BrowserSearchEnvironment {
  return {
    env: process.env,
    platform: process.platform,
    homedir: homedir(),
    exists: existsSync,
    hasAppRenderer,
    async listCached(cacheDir) {
      if (!existsSync(cacheDir)) return [];
      const browsers = await getInstalledBrowsers({ cacheDir });
      // Prefer the headless shell (small, made for printing), then full Chrome.
      const rank = (b: Browser) =>
        b === Browser.CHROMEHEADLESSSHELL ? 0 : b === Browser.CHROME ? 1 : 2;
      return browsers
        .filter((b) => rank(b.browser) < 2)
        .sort((a, b) => rank(a.browser) - rank(b.browser))
        .map((b) => b.executablePath);
    },
    async download(cacheDir) {
      const platform = detectBrowserPlatform();
      if (!platform) throw new Error('this computer is not one Chrome for Testing supports');
      const buildId = await resolveBuildId(Browser.CHROMEHEADLESSSHELL, platform, 'stable');
      const installed = await install({
        browser: Browser.CHROMEHEADLESSSHELL,
        buildId,
        cacheDir,
        platform,
      });
      return installed.executablePath;
    },
    downloadTimeoutMs: 120_000,
  };
}
