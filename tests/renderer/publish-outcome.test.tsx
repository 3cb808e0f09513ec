/**
 * The Publish result: one button per file made, each with its own accessible name, so a screen
 * reader's list of buttons tells the facilitator packs apart by their courses.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BuildResult, CourseSummary } from '../../main/api/contract.js';
import { BuildOutcome, facilitatorPackLabel } from '../../renderer/screens/publish/BuildOutcome.js';

const course = (id: string, title: string): CourseSummary =>
  ({ id, title, code: '', category: '', authors: [] }) as unknown as CourseSummary; // cast: only id and title are read

const courses = [
  course('understanding-anxiety', 'Understanding anxiety'),
  course('sleep-well', 'Getting a good night’s sleep'),
];

const result: BuildResult = {
  ok: true,
  siteDir: '/out/site',
  prospectusPdf: '/out/prospectus.pdf',
  facilitatorPacks: [
    '/out/facilitators/understanding-anxiety.pdf',
    '/out/facilitators/sleep-well.pdf',
  ],
  excluded: [],
  problems: [],
  errors: [],
} as unknown as BuildResult; // cast: the fields the outcome shows; the rest are optional

/** The text of every button in the markup, which is its accessible name. */
function buttonNames(html: string): string[] {
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1] ?? '');
}

describe('publish result', () => {
  it.each([
    ['/out/facilitators/understanding-anxiety.pdf', 'Understanding anxiety'],
    ['C:\\out\\facilitators\\sleep-well.pdf', 'Getting a good night’s sleep'],
    ['/out/facilitators/gone-course.pdf', 'gone-course'],
  ])('names the pack %s after its course', (file, title) => {
    expect(facilitatorPackLabel(file, courses)).toBe(`Open the facilitator pack for ${title}`);
  });

  it('gives each facilitator pack button its course title, and no two buttons one name', () => {
    const names = buttonNames(
      renderToStaticMarkup(createElement(BuildOutcome, { result, courses })),
    );
    expect(names).toEqual([
      'Open the website',
      'Open the prospectus (PDF)',
      'Open the facilitator pack for Understanding anxiety',
      'Open the facilitator pack for Getting a good night’s sleep',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
});
