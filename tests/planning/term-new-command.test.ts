/** `tandem term new` run as people run it: the real CLI on a copy of the sample library. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyLibrary, repoRoot, sampleLibrary } from '../support/temp-library.js';
import type { TempLibrary } from '../support/temp-library.js';

const tandem = path.join(repoRoot, 'bin/tandem.js');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [tandem, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    // execFile rejects with the exit code and output attached when the process exits non-zero.
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('tandem term new', () => {
  let library: TempLibrary;
  beforeEach(async () => {
    library = await copyLibrary(sampleLibrary);
  });
  afterEach(async () => {
    await library.dispose();
  });

  it('copies a term across Easter, prints each move, and the result passes tandem check', async () => {
    const result = await run([
      'term',
      'new',
      'summer-2028',
      '--from',
      'summer-2027',
      '--starts',
      '2028-04-17',
      '--title',
      'Summer term 2028',
      '--library',
      library.root,
    ]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `wrote ${library.root}/terms/summer-2028.yml: Summer term 2028, 2028-04-17 to 2028-07-14, 15 runs, 35 sessions`,
        'moved recovery-and-hope from Monday 17 April 2028 (Easter Monday) to Monday 8 May 2028',
        '',
      ].join('\n'),
      stderr: '',
    });
    const source = await readFile(path.join(library.root, 'terms/summer-2027.yml'), 'utf8');
    const copy = await readFile(path.join(library.root, 'terms/summer-2028.yml'), 'utf8');
    // Line for line the same file, comments and all, with only the title and dates changed.
    const sourceLines = source.split('\n');
    const changed = copy
      .split('\n')
      .map((line, i) => [sourceLines[i], line] as const)
      .filter(([before, after]) => before !== after);
    expect(copy.split('\n')).toHaveLength(sourceLines.length);
    expect(changed.slice(0, 6)).toEqual([
      ['title: Summer term 2027', 'title: Summer term 2028'],
      ['starts: 2027-04-19', 'starts: 2028-04-17'],
      ['ends: 2027-07-16', 'ends: 2028-07-14'],
      ['enrolmentOpens: 2027-03-15', 'enrolmentOpens: 2028-03-13'],
      ['      - date: 2027-04-19  # Monday', '      - date: 2028-05-08  # Monday'],
      ['      - date: 2027-04-26  # Monday', '      - date: 2028-04-24  # Monday'],
    ]);
    for (const [before, after] of changed.slice(4)) {
      expect(after.replace(/\d{4}-\d{2}-\d{2}/, 'DATE')).toBe(
        before?.replace(/\d{4}-\d{2}-\d{2}/, 'DATE'),
      );
    }
    const check = await run(['check', library.root]);
    // Writing suggestions may follow; problems may not.
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /^16 courses, 3 terms: no problems(; \d+ for information)?(; \d+ writing suggestions?)?$/m,
    );
  });

  it.each([
    [
      ['spring-2028', '--from', 'autumn-2026', '--starts', '2028-01-10'],
      'there is no term "autumn-2026" (looked for terms/autumn-2026.yml)',
    ],
    [
      ['Spring 2028', '--from', 'spring-2027', '--starts', '2028-01-10'],
      '"Spring 2028" cannot be a term id: use lower-case words joined by hyphens, like summer-2027',
    ],
    [
      ['spring-2028', '--from', 'spring-2027', '--starts', '10/01/2028'],
      '"10/01/2028" is not a date in the form YYYY-MM-DD, like 2027-04-19',
    ],
    [
      ['summer-2027', '--from', 'spring-2027', '--starts', '2028-01-10'],
      'terms/summer-2027.yml already exists; choose another term id',
    ],
  ])('refuses %j with a plain reason', async (args, message) => {
    const result = await run(['term', 'new', ...args, '--library', library.root]);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `tandem term new: ${message}\n` });
  });
});
