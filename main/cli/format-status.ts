/** Renders a course's sign-off status as readable lines for the terminal. */
import type { styleText } from 'node:util';
import { formatShortDate } from '../signoff/format-date.js';
import { printable } from './printable.js';
import type { CourseState, CourseStatus } from '../signoff/types.js';
import { formatProblem } from '../format/problems.js';

/** A `util.styleText` style name. */
export type Style = Parameters<typeof styleText>[0];

const STATE_STYLE: Record<CourseState, Style> = {
  ready: 'green',
  awaiting: 'yellow',
  changed: 'magenta',
  draft: 'gray',
};

/** Plain text for one course: its label, then one line per author, then invalid records. */
export function formatStatus(
  status: CourseStatus,
  paint: (style: Style, text: string) => string,
): string {
  const lines = [
    `${paint('bold', status.courseId)}  ${paint(STATE_STYLE[status.state], printable(status.label))}  ${paint('dim', status.version.slice(0, 19))}`,
  ];
  const width = Math.max(0, ...status.authors.map((a) => `${a.name} (${a.role})`.length));
  for (const author of status.authors) {
    const who = printable(`${author.name} (${author.role})`.padEnd(width));
    let what: string;
    if (author.signedCurrent && author.lastSignedAt) {
      what = `signed this version on ${formatShortDate(author.lastSignedAt)}`;
    } else if (author.lastSignedAt && author.lastSignedVersion) {
      what = `signed an earlier version (${author.lastSignedVersion.slice(0, 19)}) on ${formatShortDate(author.lastSignedAt)}; has not signed this one`;
    } else {
      what = 'has not signed';
    }
    // The comment of the sign-off described, so people see what the author checked.
    const shown = status.records.find((r) => r.valid && r.line === author.lastSignedLine);
    if (shown?.comment) what += ` — “${printable(shown.comment)}”`;
    lines.push(`    ${who}  ${what}`);
  }
  for (const id of status.awaiting) {
    if (!status.authors.some((a) => a.trainerId === id)) {
      lines.push(`    ${printable(id)}  is listed as an author but is not in trainers.yml`);
    }
  }
  for (const record of status.records) {
    if (!record.valid) {
      lines.push(
        paint(
          'red',
          `    ${status.courseId}/signoffs.yml:${record.line}: record does not count: ${printable(record.reason ?? '')}`,
        ),
      );
    }
  }
  for (const p of status.problems ?? []) {
    lines.push(paint('red', printable(`    ${formatProblem(p)}`)));
  }
  return lines.join('\n');
}
