/**
 * Slows a page's CPU the way an ordinary busy laptop is slow (CDP
 * `Emulation.setCPUThrottlingRate`), so races between typing, rendering and saving show up.
 */
import type { Page } from 'puppeteer-core';

/** The slowdown browser tests use where timing matters. */
export const BUSY_LAPTOP = 4;

export async function throttleCpu(page: Page, rate = BUSY_LAPTOP): Promise<void> {
  const session = await page.createCDPSession();
  await session.send('Emulation.setCPUThrottlingRate', { rate });
}
