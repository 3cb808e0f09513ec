/**
 * A page of the app as an administrator opens it: the window size the screenshots use, the CPU
 * slowed when TANDEM_E2E_CPU_THROTTLE asks for it (waits grow with it), and the course list shown.
 */
import type { Browser, Page } from 'puppeteer-core';
import { throttleCpu } from './cpu-throttle.js';

export async function openAppPage(
  browser: Browser,
  url: string,
  baseTimeout: number,
): Promise<Page> {
  const page = await browser.newPage();
  const throttle = Number(process.env.TANDEM_E2E_CPU_THROTTLE ?? 1);
  if (throttle > 1) await throttleCpu(page, throttle);
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(baseTimeout * Math.max(1, throttle / 2));
  await page.goto(url);
  await page.waitForSelector('h1 ::-p-text(Courses)');
  return page;
}
