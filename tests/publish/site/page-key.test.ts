/**
 * A page's key stands for everything its HTML is made from: any change a template could show
 * changes it, and a view holding what the key cannot see is refused rather than keyed wrongly.
 */
import { describe, expect, it } from 'vitest';
import { loadSiteTemplates } from '../../../main/publish/site/load-templates.js';
import { pageKey, sitePage } from '../../../main/publish/site/rendered-page.js';
import { SanitizedHtml } from '../../../main/publish/site/sanitized-html.js';

const templates = loadSiteTemplates();
const key = (view: object, template: 'course' | 'module' = 'course', stamp = 's1') =>
  pageKey(stamp, sitePage(templates, template, 'courses/a/index.html', view));
const html = (markdown: string) => SanitizedHtml.fromMarkdown(markdown, {});

describe('pageKey', () => {
  const base = { title: 'Hope', count: 2, content: html('Some *words*.'), list: ['a', 'b'] };

  it('is the same for the same template, view and stamp', () => {
    expect(key({ ...base, content: html('Some *words*.') })).toBe(key(base));
  });

  it.each([
    ['a field', { ...base, title: 'Hope and control' }, 'course', 's1'],
    ['rendered Markdown', { ...base, content: html('Other *words*.') }, 'course', 's1'],
    ['a list', { ...base, list: ['b', 'a'] }, 'course', 's1'],
    ['a field that is there but undefined', { ...base, extra: undefined }, 'course', 's1'],
    ['a number JSON cannot write', { ...base, count: Number.NaN }, 'course', 's1'],
    ['the template', base, 'module', 's1'],
    ['the templates or Tandem (the stamp)', base, 'course', 's2'],
  ] as const)('changes with %s', (_name, view, template, stamp) => {
    expect(key(view, template, stamp)).not.toBe(key(base));
  });

  it('tells the infinities and NaN apart', () => {
    const keys = [Infinity, -Infinity, Number.NaN].map((count) => key({ ...base, count }));
    expect(new Set(keys).size).toBe(3);
  });

  it.each([
    ['a Map', { ...base, map: new Map([['a', 1]]) }],
    ['a Set', { ...base, set: new Set(['a']) }],
    ['a function', { ...base, fn: () => 'x' }],
    ['a Date', { ...base, date: new Date(0) }],
  ])('refuses a view holding %s', (_name, view) => {
    expect(() => key(view)).toThrow(/cannot key/);
  });
});
