/**
 * One hostile file never takes the check or the build down: an alias bomb, thousands of nested
 * levels or an oversized file is one clear problem, and every other file still loads.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { markdownLimitProblem } from '../../main/library/markdown-limits.js';
import { getLibraryStatuses } from '../../main/signoff/course-status.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

describe('a library with files built to exhaust the machine', () => {
  let temp: TempLibrary;
  beforeAll(async () => {
    temp = await copyLibrary(fixtureLibrary('resource-exhaustion'));
    // 3 MB of ordinary text in one module (too large to keep in the fixture folder).
    const big = `---\ntitle: My plan\n---\n\n${'Plenty of words in one paragraph. '.repeat(95_000)}\n`;
    await writeFile(path.join(temp.root, 'planning-for-my-wellbeing/modules/02-my-plan.md'), big);
  });
  afterAll(() => temp.dispose());

  it('reports each as one problem at path:line:column and loads the rest', async () => {
    const { library, problems } = await loadLibrary(temp.root);
    expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual([
      'pages/deep-list.md:38:1: error: lists or quotes are nested more than 32 levels deep here; Tandem does not read the file until they are flattened',
      'planning-for-my-wellbeing/modules/02-my-plan.md:1:1: error: planning-for-my-wellbeing/modules/02-my-plan.md is 3.1 MB; a library text file may be at most 2 MB, so it is not read',
      'understanding-anxiety/modules/01-what-is-anxiety.md:18:1: error: lists or quotes are nested more than 32 levels deep here; Tandem does not read the file until they are flattened',
      'understanding-anxiety/modules/02-ways-to-feel-calmer.md:5:8: error: YAML: this file expands its aliases (*name) into far too much data to read; write the values out instead',
    ]);
    expect(library?.college.name).toBe('Riverside Recovery College');
    expect(library?.pages.map((p) => p.slug).sort()).toEqual([
      'deep-list',
      'how-to-enrol',
      'welcome',
    ]);
    // Status reads the same files and must not die either.
    if (library) await expect(getLibraryStatuses(library)).resolves.toBeInstanceOf(Map);
  });
});

describe('markdownLimitProblem', () => {
  it.each([
    ['>'.repeat(33) + ' deep', '1:1'],
    [Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'), '33:1'],
    ['*'.repeat(64) + 'x', '1:1'],
    ['a ' + '['.repeat(33) + 'x', '1:35'],
    ['>'.repeat(32) + ' fine', undefined],
    ['**bold** and _em_ and [a link](x) at 10:30', undefined],
    ['[a\n\n'.repeat(40), undefined],
  ])('%#', (text, at) => {
    const problem = markdownLimitProblem(text);
    expect(problem && `${problem.line}:${problem.column}`).toBe(at);
  });
});
