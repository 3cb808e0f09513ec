/** The Trainers screen: the roster in trainers.yml, and where each trainer is named. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isSeq, parse } from 'yaml';
import type { Document } from 'yaml';
import type {
  RosterEntry,
  SaveResult,
  SaveTrainersRequest,
  TrainersDocument,
} from '../contract.js';
import { trainersFile } from '../../library/load-trainers.js';
import { trainersSchema } from '../../library/schemas.js';
import { listOfMaps, setText } from '../../planning/term-plan-yaml.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';
import { loadForApi } from './library-handlers.js';
import { saveYamlFile } from './save-yaml-file.js';

/** Where each trainer id is named: runs (`terms/x.yml (course)`) and course authors. */
async function usesOfTrainers(context: ApiContext): Promise<Map<string, string[]>> {
  const { library } = await loadForApi(context);
  const uses = new Map<string, string[]>();
  const add = (id: string, where: string) => {
    const list = uses.get(id) ?? [];
    if (!list.includes(where)) list.push(where);
    uses.set(id, list);
  };
  for (const term of library?.terms ?? []) {
    for (const run of term.runs) {
      for (const id of run.facilitators) add(id, `a run of ${run.course} in ${term.file}`);
    }
  }
  for (const course of library?.courses ?? []) {
    for (const id of course.authors) add(id, `the authors of ${course.file}`);
  }
  return uses;
}

/** The roster with where each trainer is used. */
export async function readTrainers(context: ApiContext): Promise<TrainersDocument> {
  const bytes = await readFile(path.join(context.root, trainersFile));
  let data: unknown;
  try {
    data = parse(bytes.toString('utf8'));
  } catch {
    throw new TandemApiError(
      'failed',
      'trainers.yml cannot be edited in the app until its YAML is fixed; the Problems screen shows where.',
    );
  }
  const uses = await usesOfTrainers(context);
  const trainers = (Array.isArray(data) ? data : []).map((item: unknown, index) => {
    const trainer = (item ?? {}) as Record<string, unknown>; // a roster entry; fields checked below
    const id = typeof trainer.id === 'string' ? trainer.id : '';
    return {
      index,
      id,
      name: typeof trainer.name === 'string' ? trainer.name : '',
      role: trainer.role === 'practitioner' ? ('practitioner' as const) : ('peer' as const),
      usedIn: uses.get(id) ?? [],
    };
  });
  return { trainers, version: versionOf(bytes) };
}

/**
 * Saves the roster. A trainer who is left out but still named in a run or as an author is not
 * removed: the save is refused and the message says where they are named.
 */
export async function saveTrainers(
  context: ApiContext,
  request: SaveTrainersRequest,
): Promise<SaveResult> {
  const file = path.join(context.root, trainersFile);
  const current = await readTrainers(context);
  const kept = new Set(request.trainers.map((trainer) => trainer.index));
  for (const trainer of current.trainers) {
    if (kept.has(trainer.index) || trainer.usedIn.length === 0) continue;
    throw new TandemApiError(
      'conflict',
      `${trainer.name} cannot be removed while they are named in ${trainer.usedIn.join(', ')}. Change those first.`,
    );
  }
  return saveYamlFile(context, file, trainersFile, request.baseVersion, trainersSchema, (doc) =>
    applyRoster(doc, request.trainers),
  );
}

function applyRoster(doc: Document, trainers: RosterEntry[]): void {
  const existing = doc.contents;
  const seq = listOfMaps(existing, trainers, (map, trainer) => {
    setText(map, 'id', trainer.id);
    setText(map, 'name', trainer.name);
    setText(map, 'role', trainer.role);
  });
  if (!isSeq(existing)) doc.contents = seq;
}
