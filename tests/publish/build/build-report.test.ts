import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../main/cli/commands/build.js';
import type { BuildResult, ExcludedCourse } from '../../../main/publish/types.js';

const awaiting: ExcludedCourse = {
  courseId: 'managing-stress',
  title: 'Managing stress',
  reason: 'not yet signed off by Sam Okafor',
  cause: 'sign-off',
};
const broken: ExcludedCourse = {
  courseId: 'hearing-voices',
  title: 'Hearing voices',
  reason: 'it has errors to fix first (the first is at hearing-voices/course.md:3:1; run tandem check)',
  cause: 'errors',
};
const result = (excluded: ExcludedCourse[]): BuildResult => ({
  ok: true,
  facilitatorPacks: [],
  excluded,
  problems: [],
  errors: [],
});
const DRAFT_HINT = 'Use --draft to preview those awaiting sign-off, clearly marked as drafts.';

describe('buildReport: the --draft hint', () => {
  it.each([
    { what: 'a course awaiting sign-off', excluded: [awaiting], hint: true },
    { what: 'only courses with errors, which --draft would not show', excluded: [broken], hint: false },
    { what: 'both kinds', excluded: [broken, awaiting], hint: true },
    { what: 'nothing left out', excluded: [], hint: false },
  ])('$what', ({ excluded, hint }) => {
    const report = buildReport(result(excluded), '/library', '');
    expect(report.includes(DRAFT_HINT)).toBe(hint);
    for (const course of excluded) expect(report).toContain(`  - ${course.title} (${course.courseId}): ${course.reason}`);
  });
});
