/** The one-line summary of the library's courses at the top of the library screen. */
import type { CourseSummary } from '../../main/api/contract.js';

/** "16 courses: 12 ready, 1 changed since sign-off, 1 awaiting sign-off, 2 drafts". */
export function overviewLine(courses: CourseSummary[]): string {
  const count = (state: string) => courses.filter((c) => c.status?.state === state).length;
  const parts = [
    [count('ready'), 'ready', 'ready'],
    [count('awaiting'), 'awaiting sign-off', 'awaiting sign-off'],
    [count('changed'), 'changed since sign-off', 'changed since sign-off'],
    [count('draft'), 'draft', 'drafts'],
    [courses.filter((c) => !c.status).length, 'needs fixing', 'need fixing'],
  ] as const;
  const words = parts
    .filter(([n]) => n > 0)
    .map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  const total = courses.length === 1 ? '1 course' : `${courses.length} courses`;
  return words.length ? `${total}: ${words.join(', ')}.` : `${total}.`;
}
