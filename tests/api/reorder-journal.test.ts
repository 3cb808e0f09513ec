/**
 * Reordering is all-or-nothing: a process ending between any two renames leaves a journal
 * from which the next opening restores a folder with one module per number.
 */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  finishInterruptedReorders,
  REORDER_JOURNAL,
  REORDER_SUFFIX,
  type ModuleMove,
} from '../../main/api/handlers/reorder-journal.js';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const COURSE = 'understanding-anxiety';
let library: TempLibrary;
const courseDir = () => path.join(library.root, COURSE);
const modulesDir = () => path.join(courseDir(), 'modules');

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
});
afterEach(() => library.dispose());

// Swapping the two modules of the fixture course.
const moves: ModuleMove[] = [
  { from: '01-what-is-anxiety.md', to: '02-what-is-anxiety.md' },
  { from: '02-ways-to-feel-calmer.md', to: '01-ways-to-feel-calmer.md' },
];
const before = ['01-what-is-anxiety.md', '02-ways-to-feel-calmer.md'];
const after = ['01-ways-to-feel-calmer.md', '02-what-is-anxiety.md'];

/** Leaves the folder as a reorder interrupted after `renamed` renames of `phase` would. */
async function interrupt(phase: 'staging' | 'placing', renamed: number): Promise<void> {
  await mkdir(path.join(courseDir(), '.tandem'), { recursive: true });
  await writeFile(path.join(courseDir(), REORDER_JOURNAL), JSON.stringify({ phase, moves }));
  const staged = phase === 'staging' ? moves.slice(0, renamed) : moves;
  for (const move of staged) {
    const from = path.join(modulesDir(), move.from);
    await rename(from, from + REORDER_SUFFIX);
  }
  if (phase === 'placing') {
    for (const move of moves.slice(0, renamed)) {
      await rename(
        path.join(modulesDir(), move.from + REORDER_SUFFIX),
        path.join(modulesDir(), move.to),
      );
    }
  }
}

const numbers = (files: string[]): string[] => files.map((f) => f.slice(0, 2));

describe('an interrupted reorder is finished or rolled back when the library opens', () => {
  it.each([
    ['staging', 0, before],
    ['staging', 1, before],
    ['staging', 2, before],
    ['placing', 0, after],
    ['placing', 1, after],
    ['placing', 2, after],
  ] as const)('%s after %i renames', async (phase, renamed, expected) => {
    await interrupt(phase, renamed);
    await finishInterruptedReorders(library.root);
    const files = (await readdir(modulesDir())).sort();
    expect(files).toEqual(expected);
    expect(new Set(numbers(files)).size).toBe(files.length);
    expect(await readdir(path.join(courseDir(), '.tandem'))).not.toContain('reorder.json');
  });

  it('keeps each module’s text with its own file', async () => {
    const text = await readFile(path.join(modulesDir(), moves[0]?.from ?? ''), 'utf8');
    await interrupt('placing', 1);
    await finishInterruptedReorders(library.root);
    expect(await readFile(path.join(modulesDir(), moves[0]?.to ?? ''), 'utf8')).toBe(text);
  });

  it('ignores a journal that is not one (torn or naming paths outside modules/)', async () => {
    await mkdir(path.join(courseDir(), '.tandem'), { recursive: true });
    const journal = { phase: 'placing', moves: [{ from: '../course.md', to: 'x.md' }] };
    await writeFile(path.join(courseDir(), REORDER_JOURNAL), JSON.stringify(journal));
    await finishInterruptedReorders(library.root);
    expect((await readdir(modulesDir())).sort()).toEqual(before);
    expect(await readdir(courseDir())).toContain('course.md');
  });

  it('finishes a pending reorder before the next one, which then sees the whole folder', async () => {
    await interrupt('placing', 1);
    const { handlers } = createApiHandlers({ root: library.root });
    const refs = await handlers.reorderModules(COURSE, [...after].reverse());
    expect(refs.map((m) => m.file)).toEqual(['01-what-is-anxiety.md', '02-ways-to-feel-calmer.md']);
    expect((await readdir(modulesDir())).sort()).toEqual(before);
  });
});
