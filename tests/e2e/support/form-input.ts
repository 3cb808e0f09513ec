/**
 * Filling in the app's forms as a person would: a control found by its role and accessible
 * name, a field's text replaced by typing, a date or time set as the browser's own picker does.
 */
import type { Page } from 'puppeteer-core';

/** Clicks the control with `role` and accessible `name`. */
export async function press(page: Page, role: string, name: string): Promise<void> {
  await page.locator(`::-p-aria([name="${name}"][role="${role}"])`).click();
}

/** Replaces the text of the field at `selector` by typing; waits until the field shows it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.click(selector);
  await page.keyboard.down('Control');
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.type(text);
  await page.waitForFunction(
    (s, t) => document.querySelector<HTMLInputElement>(s)?.value === t,
    {},
    selector,
    text,
  );
}

/** Sets a date or time field as the browser's own picker would (its typing order is locale-bound). */
export async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.waitForSelector(selector);
  await page.$eval(
    selector,
    (element, next) => {
      const input = element as HTMLInputElement; // the selector names an <input>
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      setter?.call(input, next);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    value,
  );
}
