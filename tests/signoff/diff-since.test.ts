import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatFileDiffs } from '../../main/cli/format-file-diffs.js';
import { diffContentFiles, diffSinceSignoff } from '../../main/signoff/diff-since.js';
import { readContentFiles, hashContentFiles } from '../../main/signoff/hash-course-version.js';
import { readSnapshot, saveSnapshot, snapshotDir } from '../../main/signoff/snapshot-store.js';
import {
  ann,
  makeTestLibrary,
  sam,
  signedRecord,
  writeRecords,
  type TestLibrary,
  type TestTrainer,
} from './support.js';

const COURSE = 'understanding-anxiety';

describe('diffContentFiles', () => {
  const f = (p: string, t: string) => ({ path: p, bytes: Buffer.from(t) });
  it('reports added, removed and modified files with line hunks', () => {
    const diffs = diffContentFiles(
      [f('course.md', 'a\nb\nc\n'), f('modules/01-x.md', 'gone\n'), f('images/p.png', '\x01')],
      [f('course.md', 'a\nB\nc\n'), f('modules/02-y.md', 'new\n'), f('images/p.png', '\x02')],
    );
    expect(diffs.map((d) => [d.path, d.change])).toEqual([
      ['course.md', 'modified'],
      ['images/p.png', 'modified'],
      ['modules/01-x.md', 'removed'],
      ['modules/02-y.md', 'added'],
    ]);
    expect(diffs[0]?.hunks).toEqual([
      {
        oldStart: 1,
        newStart: 1,
        lines: [
          { kind: 'context', text: 'a' },
          { kind: 'removed', text: 'b' },
          { kind: 'added', text: 'B' },
          { kind: 'context', text: 'c' },
        ],
      },
    ]);
    expect(diffs[1]?.hunks).toEqual([]);
    const text = formatFileDiffs(diffs, (_s, t) => t);
    expect(text).toContain(
      '--- signed/course.md\n+++ now/course.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n',
    );
    expect(text).toContain('Binary file images/p.png modified');
  });
});

describe('diffSinceSignoff', () => {
  let lib: TestLibrary;
  let a: TestTrainer;
  let s: TestTrainer;
  let dir: string;
  beforeEach(async () => {
    a = ann();
    s = sam();
    lib = await makeTestLibrary([a, s], { [COURSE]: [a.id, s.id] });
    dir = lib.courseDir(COURSE);
    const files = await readContentFiles(dir);
    const version = hashContentFiles(files);
    await saveSnapshot(dir, version, files);
    await writeRecords(dir, [signedRecord(a, COURSE, version, '2026-11-04T09:00:00Z')]);
  });
  afterEach(() => lib.dispose());

  it('is empty while nothing changed, then shows the changed lines', async () => {
    expect(await diffSinceSignoff(lib.library, COURSE, a.id)).toEqual([]);
    const file = path.join(dir, 'modules/02-calming.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('four', 'a count of four'));
    const diffs = await diffSinceSignoff(lib.library, COURSE, a.id);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]?.path).toBe('modules/02-calming.md');
    const lines = diffs[0]?.hunks.flatMap((h) => h.lines) ?? [];
    expect(lines.filter((l) => l.kind !== 'context')).toEqual([
      { kind: 'removed', text: 'Breathe in for four.' },
      { kind: 'added', text: 'Breathe in for a count of four.' },
    ]);
  });

  it('explains when the trainer never signed', async () => {
    await expect(diffSinceSignoff(lib.library, COURSE, s.id)).rejects.toThrow(
      /Sam Okafor has no valid sign-off/,
    );
  });

  it('refuses a signed copy that was edited after signing', async () => {
    const version = (await readFile(path.join(dir, 'signoffs.yml'), 'utf8')).match(
      /sha256:[0-9a-f]{64}/,
    )![0];
    await writeFile(path.join(dir, 'course.md'), 'changed');
    const snap = path.join(snapshotDir(dir, version), 'modules/02-calming.md');
    await writeFile(snap, 'Quietly rewritten.\n');
    await expect(readSnapshot(dir, version)).rejects.toThrow(
      /has been changed since it was signed/,
    );
    await expect(diffSinceSignoff(lib.library, COURSE, a.id)).rejects.toThrow(
      /changed since it was signed/,
    );
  });
});
