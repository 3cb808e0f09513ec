/** Rules for ISO dates and 24-hour times in terms and trainer keys. */
import { problemAt } from './problem-at.js';
import type { YamlSource } from './read-yaml-file.js';
import type { TermRefs } from './reference-views.js';
import type { Problem } from './types.js';

/** True for a real calendar date written `YYYY-MM-DD` (so 2027-02-30 is false). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** True for a 24-hour time written `HH:MM`, 00:00 to 23:59. */
export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** A problem for `value` at `path` if it is not a real ISO date; undefined when it is fine. */
export function dateProblem(
  source: YamlSource,
  path: PropertyKey[],
  value: string,
): Problem | undefined {
  if (isIsoDate(value)) return undefined;
  const message = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? `"${value}" is not a real date`
    : `"${value}" is not a date in the form YYYY-MM-DD, like 2027-01-18`;
  return problemAt(source, path, 'invalid-date', message);
}

/** A problem for `value` at `path` if it is not a 24-hour HH:MM time. */
export function timeProblem(
  source: YamlSource,
  path: PropertyKey[],
  value: string,
): Problem | undefined {
  if (isTime(value)) return undefined;
  const padded = /^\d:[0-5]\d$/.test(value) ? `; write "0${value}"` : '';
  return problemAt(
    source,
    path,
    'invalid-time',
    `"${value}" is not a 24-hour time in the form HH:MM, like 09:30 or 14:00${padded}`,
  );
}

/**
 * Date rules for one term file: real dates and times, the term ends after it starts, enrolment
 * opens before it starts, every session ends after it starts and falls within the term. Values
 * that are missing or not text are skipped here; the schema check reports those.
 */
export function checkTermDates(term: TermRefs): Problem[] {
  const { source, starts, ends, enrolmentOpens } = term;
  const problems: Problem[] = [];
  const add = (problem: Problem | undefined) => {
    if (problem) problems.push(problem);
  };
  const isDate = (value: string | undefined): value is string =>
    value !== undefined && isIsoDate(value);
  if (starts !== undefined) add(dateProblem(source, ['starts'], starts));
  if (ends !== undefined) add(dateProblem(source, ['ends'], ends));
  if (isDate(starts) && isDate(ends) && ends < starts) {
    add(
      problemAt(
        source,
        ['ends'],
        'term-ends-before-start',
        `the term ends (${ends}) before it starts (${starts})`,
      ),
    );
  }
  // Only compare sessions with term dates that make sense, or every session would be reported.
  const termDatesOk = isDate(starts) && isDate(ends) && ends >= starts;
  if (enrolmentOpens !== undefined) {
    add(dateProblem(source, ['enrolmentOpens'], enrolmentOpens));
    if (isDate(enrolmentOpens) && isDate(starts) && enrolmentOpens > starts) {
      add(
        problemAt(
          source,
          ['enrolmentOpens'],
          'enrolment-after-start',
          `enrolment opens (${enrolmentOpens}) after the term starts (${starts})`,
        ),
      );
    }
  }
  term.runs.forEach((run, r) => {
    run?.sessions.forEach((session, s) => {
      if (!session) return;
      const { date, start, end } = session;
      const at = (field: string) => ['runs', r, 'sessions', s, field];
      if (date !== undefined) add(dateProblem(source, at('date'), date));
      if (start !== undefined) add(timeProblem(source, at('start'), start));
      if (end !== undefined) add(timeProblem(source, at('end'), end));
      if (
        start !== undefined &&
        end !== undefined &&
        isTime(start) &&
        isTime(end) &&
        end <= start
      ) {
        add(
          problemAt(
            source,
            at('end'),
            'session-ends-before-start',
            `the session ends at ${end}, which is not after it starts at ${start}`,
          ),
        );
      }
      if (termDatesOk && isDate(date) && (date < starts || date > ends)) {
        add(
          problemAt(
            source,
            at('date'),
            'session-outside-term',
            `the session on ${date} is outside the term (${starts} to ${ends})`,
          ),
        );
      }
    });
  });
  return problems;
}
