/**
 * A new term copied from another one, for both `tandem term new` and the app: the source file's
 * text is kept (comments, runs, facilitators, venues, capacities) with its dates rolled over.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TermCopyPreview } from './types.js';
import { isIsoDate } from '../library/check-dates.js';
import { isKebabCase } from '../format/ids.js';
import { loadCollege } from '../library/load-college.js';
import { parseYaml } from '../library/read-yaml-file.js';
import { editYamlText } from './edit-yaml-text.js';
import { DEFAULT_HOLIDAY_REGION, holidayCalendar } from './holidays.js';
import { longDate } from './iso-dates.js';
import { rollOver } from './roll-over.js';
import { applyTermPlan, termPlanFrom } from './term-plan-yaml.js';
import type { TermPlan } from './types.js';

export interface TermCopyRequest {
  /** The new term's id (its file name without .yml). */
  id: string;
  fromTermId: string;
  /** First day of the new term, YYYY-MM-DD. */
  starts: string;
  /** Defaults to "Term starting <date>". */
  title?: string;
}

/** The copy as the app previews it, plus the new file's text. */
export interface TermCopy extends TermCopyPreview {
  text: string;
}

/** Thrown for a request that cannot be carried out; the message says why in plain words. */
export class TermCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TermCopyError';
  }
}

/** Works out the copy without writing anything (the app shows it before saving). */
export async function planTermCopy(root: string, request: TermCopyRequest): Promise<TermCopy> {
  const { id, fromTermId, starts } = request;
  if (!isKebabCase(id)) {
    throw new TermCopyError(
      `"${id}" cannot be a term id: use lower-case words joined by hyphens, like summer-2027`,
    );
  }
  if (!isIsoDate(starts)) {
    throw new TermCopyError(`"${starts}" is not a date in the form YYYY-MM-DD, like 2027-04-19`);
  }
  const fromFile = `terms/${fromTermId}.yml`;
  if (!isKebabCase(fromTermId)) throw new TermCopyError(`there is no term "${fromTermId}"`);
  const sourceText = await readFile(path.join(root, fromFile), 'utf8').catch(() => {
    throw new TermCopyError(`there is no term "${fromTermId}" (looked for ${fromFile})`);
  });
  const parsed = parseYaml(sourceText, fromFile);
  const source = termPlanFrom(parsed.data);
  if (!source || !isIsoDate(source.starts) || !isIsoDate(source.ends)) {
    throw new TermCopyError(
      `${fromFile} has problems that stop it being copied; run tandem check and fix them first`,
    );
  }
  const college = (await loadCollege(root)).college;
  const holidays = holidayCalendar(college?.holidays ?? DEFAULT_HOLIDAY_REGION);
  const rolled = rollOver(source, starts, holidays);
  const title = request.title?.trim() || `Term starting ${longDate(starts)}`;
  const plan: TermPlan = {
    title,
    starts: rolled.starts,
    ends: rolled.ends,
    ...(rolled.enrolmentOpens !== undefined && { enrolmentOpens: rolled.enrolmentOpens }),
    runs: source.runs.map((run, r) => ({
      ...run,
      sessions: run.sessions.map((session, s) => ({
        ...session,
        date: rolled.runs[r]?.[s]?.date ?? session.date,
      })),
    })),
  };
  const text = editYamlText(sourceText, fromFile, (doc) => applyTermPlan(doc, plan));
  return {
    id,
    file: `terms/${id}.yml`,
    title,
    starts: plan.starts,
    ends: plan.ends,
    ...(plan.enrolmentOpens !== undefined && { enrolmentOpens: plan.enrolmentOpens }),
    runCount: plan.runs.length,
    sessionCount: plan.runs.reduce((sum, run) => sum + run.sessions.length, 0),
    moves: rolled.moves,
    stuck: rolled.stuck,
    text,
  };
}

/** One line per moved or stuck session, as `tandem term new` prints them. */
export function describeCopy(copy: TermCopy): string[] {
  return [
    ...copy.moves.map(
      (move) =>
        `moved ${move.course} from ${longDate(move.from)} (${move.holiday}) to ${longDate(move.to)}`,
    ),
    ...copy.stuck.map(
      (stuck) =>
        `left ${stuck.course} on ${longDate(stuck.date)} (${stuck.holiday}): the run has no free week before the term ends on ${longDate(copy.ends)}; move or cancel this session`,
    ),
  ];
}
