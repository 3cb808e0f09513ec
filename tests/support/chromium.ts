/**
 * Starts Debian's (or any installed) Chromium for tests, headless, with a fresh profile and
 * no background networking: this machine has no network beyond the package registries.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

const candidates = [
  process.env.TANDEM_BROWSER,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function testBrowserPath(): string {
  const found = candidates.find((p): p is string => Boolean(p) && existsSync(p as string));
  if (!found) throw new Error('No Chromium found for tests: apt-get install chromium');
  return found;
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchTestBrowser(): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'tandem-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: testBrowserPath(),
    headless: true,
    userDataDir,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
