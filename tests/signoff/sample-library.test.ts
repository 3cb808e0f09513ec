import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { getLibraryStatuses } from '../../main/signoff/course-status.js';
import { diffSinceSignoff } from '../../main/signoff/diff-since.js';
import { formatPublicKeyLine } from '../../main/library/public-key-line.js';
import { repoRoot, sampleLibrary } from '../support/temp-library.js';

describe('the sample library’s sign-off histories', async () => {
  const { library } = await loadLibrary(sampleLibrary);
  if (!library) throw new Error('The sample library does not load.');
  const statuses = [...(await getLibraryStatuses(library)).values()];

  it('lists each trainer’s test key from tests/sample-keys in trainers.yml', async () => {
    for (const trainer of library.trainers) {
      const pem = await readFile(
        path.join(repoRoot, 'tests/sample-keys', `${trainer.id}.pem`),
        'utf8',
      );
      const line = formatPublicKeyLine(createPrivateKey(pem));
      expect(
        trainer.keys.map((k) => k.publicKey),
        trainer.id,
      ).toContain(line);
    }
  });

  it('has a status for every course, and every record counts', () => {
    expect(statuses.map((s) => s.courseId)).toEqual(library.courses.map((c) => c.id));
    for (const status of statuses) {
      expect(
        status.records.filter((r) => !r.valid),
        status.courseId,
      ).toEqual([]);
      expect(status.problems, status.courseId).toBeUndefined();
    }
  });

  it('has most courses ready, some after signing an earlier version', () => {
    const ready = statuses.filter((s) => s.state === 'ready');
    expect(ready.length).toBeGreaterThanOrEqual(statuses.length - 2);
    const reSigned = ready.filter((s) => new Set(s.records.map((r) => r.version)).size > 1);
    expect(reSigned.length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s.state === 'draft')).toEqual([]);
  });

  it('has exactly one course awaiting its peer author, signed by its practitioner', () => {
    const awaiting = statuses.filter((s) => s.state === 'awaiting');
    expect(awaiting).toHaveLength(1);
    const [course] = awaiting;
    const missing = course?.authors.filter((a) => !a.signedCurrent) ?? [];
    expect(missing.map((a) => a.role)).toEqual(['peer']);
    expect(course?.authors.filter((a) => a.signedCurrent).map((a) => a.role)).toEqual([
      'practitioner',
    ]);
    expect(course?.label).toBe(`awaiting ${missing[0]?.name}`);
  });

  it('has exactly one course changed since sign-off, by a real edit both authors can see', async () => {
    const changed = statuses.filter((s) => s.state === 'changed');
    expect(changed).toHaveLength(1);
    const [course] = changed;
    expect(course?.changedSince).toHaveLength(2);
    for (const author of course?.authors ?? []) {
      const diffs = await diffSinceSignoff(library, course?.courseId ?? '', author.trainerId);
      expect(diffs).toHaveLength(1);
      expect(diffs[0]?.change).toBe('modified');
      const lines = diffs[0]?.hunks.flatMap((h) => h.lines) ?? [];
      expect(lines.filter((l) => l.kind === 'removed')).toHaveLength(1);
      expect(lines.filter((l) => l.kind === 'added')).toHaveLength(1);
    }
  });

  it('signs only in October and November 2026', () => {
    for (const record of statuses.flatMap((s) => s.records)) {
      expect(record.time).toMatch(/^2026-1[01]-\d\dT/);
    }
  });
});
