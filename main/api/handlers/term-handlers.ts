/** The Terms and Term planner screens: listing, reading, saving, creating and copying terms. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Document, LineCounter, isMap, isSeq, parseDocument } from 'yaml';
import type {
  NewTerm,
  PlannedSession,
  Problem,
  SaveResult,
  SaveTermRequest,
  SessionPattern,
  TermCopyPreview,
  TermCopyRequest,
  TermDocument,
  TermListing,
} from '../contract.js';
import { isIsoDate } from '../../library/check-dates.js';
import { termSchema } from '../../library/schemas.js';
import { sortProblems } from '../../library/sort-problems.js';
import { TermCopyError, planTermCopy } from '../../planning/copy-term.js';
import type { TermCopy } from '../../planning/copy-term.js';
import { DEFAULT_HOLIDAY_REGION, holidayCalendar } from '../../planning/holidays.js';
import { addDays, mondayOf } from '../../planning/iso-dates.js';
import { describePattern, expandPattern } from '../../planning/session-pattern.js';
import { applyTermPlan, runYaml, termPlanFrom } from '../../planning/term-plan-yaml.js';
import { checkRunReadiness } from '../../signoff/run-readiness.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import { ID_PATTERN } from '../../format/ids.js';
import type { ApiContext } from './api-context.js';
import { loadForApi } from './library-handlers.js';
import { saveYamlFile } from './save-yaml-file.js';

function termPath(context: ApiContext, termId: string): { file: string; label: string } {
  if (!ID_PATTERN.test(termId)) {
    throw new TandemApiError('invalid-argument', `"${termId}" is not a term id.`);
  }
  const label = `terms/${termId}.yml`;
  return { file: path.join(context.root, 'terms', `${termId}.yml`), label };
}

/** Every term that loads, with counts for the Terms list. */
export async function listTerms(context: ApiContext): Promise<TermListing[]> {
  const { library, problems } = await loadForApi(context);
  return (library?.terms ?? []).map((term) => {
    const own = problems.filter((problem) => problem.file === term.file);
    return {
      id: term.id,
      title: term.title,
      starts: term.starts,
      ends: term.ends,
      runCount: term.runs.length,
      sessionCount: term.runs.reduce((sum, run) => sum + run.sessions.length, 0),
      errorCount: own.filter((problem) => problem.severity === 'error').length,
      warningCount: own.filter((problem) => problem.severity === 'warning').length,
    };
  });
}

/** One term for the planner, with its problems beside each run. */
export async function readTerm(context: ApiContext, termId: string): Promise<TermDocument> {
  const { file, label } = termPath(context, termId);
  const bytes = await readFile(file).catch(() => {
    throw new TandemApiError('not-found', `There is no term "${termId}" in this library.`);
  });
  const text = bytes.toString('utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const plan = doc.errors.length === 0 ? termPlanFrom(doc.toJS()) : undefined;
  const { library, problems: all, termRefs } = await loadForApi(context);
  const readiness = library ? await checkRunReadiness(library, { termFile: label, termRefs }) : [];
  const problems = sortProblems([...all.filter((problem) => problem.file === label), ...readiness]);
  if (!plan) {
    const first = problems[0];
    const why = first ? ` Line ${first.line}: ${first.message}.` : '';
    throw new TandemApiError(
      'failed',
      `${label} cannot be planned in the app until it is fixed.${why}`,
    );
  }
  const runs = doc.get('runs', true);
  const within = (node: unknown): Problem[] => {
    const range = isMap(node) ? node.range : undefined;
    if (!range) return [];
    const first = lineCounter.linePos(range[0]).line;
    const last = lineCounter.linePos(Math.max(range[0], range[1] - 1)).line;
    return problems.filter((problem) => problem.line >= first && problem.line <= last);
  };
  const runNode = (r: number) => (isSeq(runs) ? runs.items[r] : undefined);
  plan.runs.forEach((run, r) => {
    const yaml = runYaml(runNode(r));
    if (yaml !== undefined) run.yaml = yaml;
  });
  const runProblems = plan.runs.map((_, r) => within(runNode(r)));
  const sessionProblems = plan.runs.map((run, r) => {
    const node = runNode(r);
    const sessions = isMap(node) ? node.get('sessions', true) : undefined;
    return run.sessions.map((_, s) => within(isSeq(sessions) ? sessions.items[s] : undefined));
  });
  const calendar = holidayCalendar(library?.college.holidays ?? DEFAULT_HOLIDAY_REGION);
  const holidays: TermDocument['holidays'] = [];
  if (isIsoDate(plan.starts) && isIsoDate(plan.ends) && plan.starts <= plan.ends) {
    for (let date = plan.starts; date <= plan.ends; date = addDays(date, 1)) {
      const name = calendar.holidayOn(date);
      if (name !== undefined) holidays.push({ date, name });
    }
  }
  return {
    id: termId,
    file: label,
    plan,
    version: versionOf(bytes),
    problems,
    runProblems,
    sessionProblems,
    holidays,
    weeks: termWeeks(plan.starts, plan.ends),
  };
}

function termWeeks(starts: string, ends: string): TermDocument['weeks'] {
  if (!isIsoDate(starts) || !isIsoDate(ends) || ends < starts) return [];
  const weeks: TermDocument['weeks'] = [];
  // A year at most, so a mistyped end date cannot make thousands of weeks.
  for (let monday = mondayOf(starts); monday <= ends && weeks.length < 53;) {
    weeks.push({ number: weeks.length + 1, starts: monday, ends: addDays(monday, 6) });
    monday = addDays(monday, 7);
  }
  return weeks;
}

/** The sessions of a weekly pattern, and the pattern in words. */
export function expandSessionPattern(pattern: SessionPattern): {
  sessions: PlannedSession[];
  description: string;
} {
  return { sessions: expandPattern(pattern), description: describePattern(pattern) };
}

/** Saves the planner's term, unless the file changed on disk since it was read. */
export async function saveTerm(context: ApiContext, request: SaveTermRequest): Promise<SaveResult> {
  const { file, label } = termPath(context, request.termId);
  return saveYamlFile(context, file, label, request.baseVersion, termSchema, (doc) =>
    applyTermPlan(doc, request.plan),
  );
}

async function refuseExisting(file: string, label: string): Promise<void> {
  if (await stat(file).catch(() => undefined)) {
    throw new TandemApiError('conflict', `${label} already exists; choose another term id.`);
  }
}

/** Writes a new, empty term file. */
export async function createTerm(context: ApiContext, term: NewTerm): Promise<TermDocument> {
  const { file, label } = termPath(context, term.id);
  return context.serialize(file, async () => {
    await refuseExisting(file, label);
    const doc = new Document({
      title: term.title.trim(),
      starts: term.starts,
      ends: term.ends,
      ...(term.enrolmentOpens !== undefined && { enrolmentOpens: term.enrolmentOpens }),
      runs: [],
    });
    await context.writeFile(file, doc.toString());
    return readTerm(context, term.id);
  });
}

async function planCopy(context: ApiContext, request: TermCopyRequest) {
  try {
    return await planTermCopy(context.root, request);
  } catch (error) {
    if (error instanceof TermCopyError) throw new TandemApiError('invalid-argument', error.message);
    throw error;
  }
}

/** What copying a term would do; nothing is written. */
export async function previewTermCopy(
  context: ApiContext,
  request: TermCopyRequest,
): Promise<TermCopyPreview> {
  const copy: Partial<TermCopy> = await planCopy(context, request);
  delete copy.text;
  return copy as TermCopyPreview; // cast: only `text` was removed from a complete TermCopy
}

/** Copies a term to a new start date (the same copy `tandem term new` makes). */
export async function copyTerm(
  context: ApiContext,
  request: TermCopyRequest,
): Promise<TermDocument> {
  const { file, label } = termPath(context, request.id);
  return context.serialize(file, async () => {
    await refuseExisting(file, label);
    const copy = await planCopy(context, request);
    await context.writeFile(file, copy.text);
    return readTerm(context, request.id);
  });
}
