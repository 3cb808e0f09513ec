/**
 * Works out, file by file, what bringing the shared copy's commit into ours changes in the
 * working copy: files only they changed are taken, files both changed are merged by content
 * (text by line, signoffs.yml as the union of records), and the rest are conflicts.
 */
import { readBlob, writeBlob } from './git-engine.js';
import { mergeSignoffs } from './merge-signoffs.js';
import { mergeText } from './merge-text.js';

/** A change to make in the working copy: new bytes (as a blob id), or undefined to delete. */
export interface PlannedWrite {
  path: string;
  oid: string | undefined;
}

export interface MergePlan {
  writes: PlannedWrite[];
  /** Paths both sides changed in the same place, with their version's blob id. */
  conflicts: { path: string; theirs: string }[];
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The text of a file, or undefined for binary content (pictures). */
export function asText(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Merges one file both sides changed. Returns the merged blob id, or undefined when a person
 * must decide.
 */
export async function mergeFile(
  dir: string,
  file: string,
  base: string | undefined,
  mine: string,
  theirs: string,
): Promise<string | undefined> {
  const read = async (oid: string | undefined) =>
    oid ? asText(await readBlob(dir, oid)) : ('' as string | undefined);
  const [baseText, mineText, theirsText] = await Promise.all([
    read(base),
    read(mine),
    read(theirs),
  ]);
  if (baseText === undefined || mineText === undefined || theirsText === undefined)
    return undefined;
  const signoffs =
    file.endsWith('/signoffs.yml') || file === 'signoffs.yml'
      ? mergeSignoffs(mineText, theirsText, file)
      : undefined;
  const merged = signoffs ?? textOrUndefined(mergeText(baseText, mineText, theirsText));
  return merged === undefined ? undefined : writeBlob(dir, new TextEncoder().encode(merged));
}

function textOrUndefined(merge: ReturnType<typeof mergeText>): string | undefined {
  return merge.clean ? merge.text : undefined;
}

/** Plans the merge of `theirs` into `ours` from their common `base` (each path → blob id). */
export async function planMerge(
  dir: string,
  base: Map<string, string>,
  ours: Map<string, string>,
  theirs: Map<string, string>,
): Promise<MergePlan> {
  const plan: MergePlan = { writes: [], conflicts: [] };
  const paths = [...new Set([...base.keys(), ...ours.keys(), ...theirs.keys()])].sort();
  for (const file of paths) {
    const b = base.get(file);
    const o = ours.get(file);
    const t = theirs.get(file);
    if (o === t || t === b) continue; // the same on both sides, or only we changed it
    if (o === b) {
      plan.writes.push({ path: file, oid: t });
      continue;
    }
    // Both changed it. A deletion against an edit keeps the edited file: nothing is lost, and
    // whoever deleted it can delete it again.
    if (o === undefined) {
      plan.writes.push({ path: file, oid: t });
      continue;
    }
    if (t === undefined) continue;
    const merged = await mergeFile(dir, file, b, o, t);
    if (merged === undefined) plan.conflicts.push({ path: file, theirs: t });
    else if (merged !== o) plan.writes.push({ path: file, oid: merged });
  }
  return plan;
}
