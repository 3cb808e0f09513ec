/** What changed in a course since a trainer last validly signed it off, file by file. */
import { structuredPatch } from 'diff';
import type { Library } from '../library/types.js';
import { courseDirOf, findCourse, latestValidRecord, statusFromFiles } from './course-status.js';
import { isTextPath, readContentFiles, type ContentFile } from './hash-course-version.js';
import { readSnapshot } from './snapshot-store.js';
import type { DiffHunk, FileDiff } from './types.js';

/** Per-file differences between two sets of content files (pure). */
export function diffContentFiles(
  before: readonly ContentFile[],
  after: readonly ContentFile[],
): FileDiff[] {
  const old = new Map(before.map((f) => [f.path, f.bytes]));
  const now = new Map(after.map((f) => [f.path, f.bytes]));
  const paths = [...new Set([...old.keys(), ...now.keys()])].sort();
  const diffs: FileDiff[] = [];
  for (const filePath of paths) {
    const a = old.get(filePath);
    const b = now.get(filePath);
    if (a && b && a.equals(b)) continue;
    const change: FileDiff['change'] = !a ? 'added' : !b ? 'removed' : 'modified';
    let hunks: DiffHunk[] = [];
    if (isTextPath(filePath)) {
      const patch = structuredPatch(
        filePath,
        filePath,
        a?.toString('utf8') ?? '',
        b?.toString('utf8') ?? '',
        undefined,
        undefined,
        { context: 3 },
      );
      hunks = patch.hunks.map((hunk) => ({
        oldStart: hunk.oldStart,
        newStart: hunk.newStart,
        lines: hunk.lines
          // "\ No newline at end of file" markers are about the diff format, not the content.
          .filter((line) => !line.startsWith('\\'))
          .map((line) => ({
            kind: line.startsWith('+') ? 'added' : line.startsWith('-') ? 'removed' : 'context',
            text: line.slice(1),
          })),
      }));
    }
    diffs.push({ path: filePath, change, hunks });
  }
  return diffs;
}

/**
 * Differences between the version `trainerId` last validly signed and the course now; empty
 * when they signed the current version. Throws when they never signed or the signed copy is
 * missing or was tampered with.
 */
export async function diffSinceSignoff(
  library: Library,
  courseId: string,
  trainerId: string,
): Promise<FileDiff[]> {
  const course = findCourse(library, courseId);
  const courseDir = courseDirOf(library, course);
  const files = await readContentFiles(courseDir);
  const status = await statusFromFiles(library, course, files);
  const record = latestValidRecord(status.records, trainerId);
  if (!record) {
    const name = library.trainers.find((t) => t.id === trainerId)?.name ?? trainerId;
    throw new Error(`${name} has no valid sign-off of ${courseId} to compare with.`);
  }
  if (record.version === status.version) return [];
  return diffContentFiles(await readSnapshot(courseDir, record.version), files);
}
