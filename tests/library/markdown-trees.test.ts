/** Markdown trees reused between loads of the same library: only changed text is parsed again. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { MarkdownTrees } from '../../main/library/markdown-trees.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
beforeAll(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
});
afterAll(() => library.dispose());

describe('MarkdownTrees', () => {
  it('takes over the trees of unchanged text and parses changed text', () => {
    const first = new MarkdownTrees();
    const kept = first.tree('Some *words*.');
    const old = first.tree('Old text.');
    const second = new MarkdownTrees(first);
    expect(second.tree('Some *words*.')).toBe(kept);
    expect(second.tree('New text.')).toEqual(new MarkdownTrees().tree('New text.'));
    second.forgetEarlier();
    // Text the second load never asked for is not carried into a third.
    expect(new MarkdownTrees(second).tree('Old text.')).not.toBe(old);
    expect(new MarkdownTrees(second).tree('Some *words*.')).toBe(kept);
  });

  it('gives a reloaded library the same problems and trees as a fresh load', async () => {
    const file = path.join(library.root, 'understanding-anxiety/modules/01-what-is-anxiety.md');
    const before = await loadLibrary(library.root);
    const text = await readFile(file, 'utf8');
    // A broken image link, so the edit shows up among the problems.
    await writeFile(file, `${text}\n![Gone](../images/not-there.png)\n`);
    const reloaded = await loadLibrary(library.root, before.markdownTrees);
    const fresh = await loadLibrary(library.root);
    expect(reloaded.problems).toEqual(fresh.problems);
    expect(reloaded.problems.some((p) => p.file.endsWith('01-what-is-anxiety.md'))).toBe(true);
    const course = reloaded.library?.courses.find((c) => c.id === 'planning-for-my-wellbeing');
    const body = course?.modules[0]?.body ?? '';
    expect(reloaded.markdownTrees?.tree(body)).toBe(before.markdownTrees?.tree(body));
    const anxiety = reloaded.library?.courses.find((c) => c.id === 'understanding-anxiety');
    const edited = anxiety?.modules[0]?.body ?? '';
    expect(edited).toContain('not-there.png');
    expect(reloaded.markdownTrees?.tree(edited)).not.toBe(before.markdownTrees?.tree(edited));
    expect(reloaded.markdownTrees?.tree(edited)).toEqual(fresh.markdownTrees?.tree(edited));
  });
});
