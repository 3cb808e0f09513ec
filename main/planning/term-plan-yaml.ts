/**
 * Reads a term file into a `TermPlan` and writes a plan back into the file's YAML document,
 * reusing every node that still exists so its comments, quoting and layout stay as they were.
 */
import {
  Document as YamlDocument,
  Pair,
  Scalar,
  YAMLMap,
  YAMLSeq,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
} from 'yaml';
import type { Document } from 'yaml';
import type { PlannedRun, PlannedSession, TermPlan } from './types.js';

/** The plan in a term file's data, or undefined when the data is not a term's shape. */
export function termPlanFrom(data: unknown): TermPlan | undefined {
  const term = record(data);
  if (!term) return undefined;
  const title = text(term.title);
  const starts = text(term.starts);
  const ends = text(term.ends);
  if (title === undefined || starts === undefined || ends === undefined) return undefined;
  const runs: PlannedRun[] = [];
  const rawRuns = term.runs ?? [];
  if (!Array.isArray(rawRuns)) return undefined;
  for (const [index, item] of rawRuns.entries()) {
    const run = record(item);
    const course = text(run?.course);
    const venue = text(run?.venue);
    const facilitators = Array.isArray(run?.facilitators) ? run.facilitators.map(text) : [];
    const rawSessions = Array.isArray(run?.sessions) ? run.sessions : undefined;
    if (!run || course === undefined || venue === undefined || !rawSessions) return undefined;
    if (facilitators.includes(undefined)) return undefined;
    const sessions: PlannedSession[] = [];
    for (const [s, entry] of rawSessions.entries()) {
      const session = record(entry);
      const date = text(session?.date);
      const start = text(session?.start);
      const end = text(session?.end);
      if (date === undefined || start === undefined || end === undefined) return undefined;
      sessions.push({ index: s, date, start, end });
    }
    runs.push({
      index,
      course,
      venue,
      facilitators: facilitators.filter((id) => id !== undefined),
      ...(typeof run.capacity === 'number' && { capacity: run.capacity }),
      sessions,
    });
  }
  const enrolmentOpens = text(term.enrolmentOpens);
  return { title, starts, ends, ...(enrolmentOpens !== undefined && { enrolmentOpens }), runs };
}

/** Changes `doc` (a term file) so that it says what `plan` says. */
export function applyTermPlan(doc: Document, plan: TermPlan): void {
  const root = doc.contents;
  if (!isMap(root)) throw new Error('a term file must be a set of fields');
  setText(root, 'title', plan.title);
  setText(root, 'starts', plan.starts);
  setText(root, 'ends', plan.ends);
  if (plan.enrolmentOpens === undefined) root.delete('enrolmentOpens');
  else setText(root, 'enrolmentOpens', plan.enrolmentOpens, 'ends');

  const existing = root.get('runs', true);
  const oldRuns = isSeq(existing) ? existing : undefined;
  if (plan.runs.length === 0 && !oldRuns) return;
  const runs = oldRuns ?? new YAMLSeq();
  const model = oldRuns?.items.find(isMap);
  runs.items = plan.runs.map((run) => {
    const old = run.index === undefined ? undefined : runs.items[run.index];
    const node = isMap(old) ? old : (runFromYaml(run.yaml) ?? newRun(model));
    applyRun(node, run, model);
    return node;
  });
  if (!oldRuns) root.set('runs', runs);
}

/** A run's node as text, with the comments in and before it, for `PlannedRun.yaml`. */
export function runYaml(node: unknown): string | undefined {
  if (!isMap(node)) return undefined;
  const doc = new YamlDocument();
  // The comment above the run is written as the document's own, so that reading it back puts
  // it above the run again rather than on its first field.
  const above = node.commentBefore;
  doc.commentBefore = above ?? null;
  node.commentBefore = undefined;
  doc.contents = node;
  const text = doc.toString();
  node.commentBefore = above;
  return text;
}

/** The run node written by `runYaml`, or undefined when `yaml` is absent or not a run. */
function runFromYaml(yaml: string | undefined): YAMLMap | undefined {
  if (yaml === undefined) return undefined;
  const doc = parseDocument(yaml);
  const node = doc.contents;
  if (doc.errors.length > 0 || !isMap(node)) return undefined;
  // A comment above the run is the document's comment once the run stands alone.
  if (doc.commentBefore) node.commentBefore = doc.commentBefore;
  return node;
}

function newRun(model: YAMLMap | undefined): YAMLMap {
  const run = new YAMLMap();
  for (const key of ['course', 'venue', 'facilitators', 'capacity', 'sessions']) {
    run.set(key, null);
  }
  run.flow = model?.flow ?? false;
  return run;
}

function applyRun(node: YAMLMap, run: PlannedRun, model: YAMLMap | undefined): void {
  setText(node, 'course', run.course);
  setText(node, 'venue', run.venue);
  setList(node, 'facilitators', run.facilitators, seqOf(model, 'facilitators')?.flow ?? false);
  if (run.capacity === undefined) node.delete('capacity');
  else {
    const capacity = node.get('capacity', true);
    if (isScalar(capacity)) capacity.value = run.capacity;
    else node.set('capacity', run.capacity);
  }
  const sessionsNode = node.get('sessions', true);
  const oldSessions = isSeq(sessionsNode) ? sessionsNode : undefined;
  const sessions = oldSessions ?? new YAMLSeq();
  const modelSession =
    oldSessions?.items.find(isMap) ?? seqOf(model, 'sessions')?.items.find(isMap);
  sessions.items = run.sessions.map((session) => {
    const old = session.index === undefined ? undefined : sessions.items[session.index];
    const map = isMap(old) ? old : new YAMLMap();
    if (!isMap(old)) map.flow = modelSession?.flow ?? false;
    setText(map, 'date', session.date);
    setText(map, 'start', session.start, undefined, true);
    setText(map, 'end', session.end, undefined, true);
    return map;
  });
  if (!oldSessions) node.set('sessions', sessions);
}

function seqOf(map: YAMLMap | undefined, key: string): YAMLSeq | undefined {
  const node = map?.get(key, true);
  return isSeq(node) ? node : undefined;
}

/**
 * A YAML list of maps rebuilt from `entries`: each entry is written into the map it was read
 * from (its `index`), so that map's comments and unknown keys stay, or into a new map.
 */
export function listOfMaps<T extends { index?: number }>(
  existing: unknown,
  entries: readonly T[],
  write: (map: YAMLMap, entry: T) => void,
): YAMLSeq {
  const seq = isSeq(existing) ? existing : new YAMLSeq();
  seq.items = entries.map((entry) => {
    const old = entry.index === undefined ? undefined : seq.items[entry.index];
    const map = isMap(old) ? old : new YAMLMap();
    write(map, entry);
    return map;
  });
  return seq;
}

/**
 * Sets a text field, keeping the existing scalar (and so its quotes and comment) when there is
 * one. New times are quoted, as docs/library-format.md asks people to write them.
 */
export function setText(
  map: YAMLMap,
  key: string,
  value: string,
  after?: string,
  quoted = false,
): void {
  const node = map.get(key, true);
  if (isScalar(node)) {
    if (node.value !== value) node.value = value;
    return;
  }
  const scalar = new Scalar(value);
  if (quoted) scalar.type = Scalar.QUOTE_SINGLE;
  if (after !== undefined && !map.has(key)) {
    const at = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
    if (at >= 0) {
      map.items.splice(at + 1, 0, new Pair(new Scalar(key), scalar));
      return;
    }
  }
  map.set(key, scalar);
}

/** Sets a list of ids, keeping the list node (and its style) and unchanged items. */
export function setList(map: YAMLMap, key: string, values: readonly string[], flow: boolean): void {
  const node = map.get(key, true);
  const seq = isSeq(node) ? node : new YAMLSeq();
  if (!isSeq(node)) seq.flow = flow;
  const old = seq.items.filter((item): item is Scalar => isScalar(item));
  seq.items = values.map((value) => old.find((item) => item.value === value) ?? new Scalar(value));
  if (!isSeq(node)) map.set(key, seq);
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>) // a YAML mapping, checked just above
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
