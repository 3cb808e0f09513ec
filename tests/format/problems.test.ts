/** Problem lines and their order. */
import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblemWithSeverity } from '../../main/format/problems.js';
import { sortProblems } from '../../main/library/sort-problems.js';
import type { Problem } from '../../main/library/types.js';

const problem = (file: string, line: number, column: number, message = 'm'): Problem => ({
  file,
  line,
  column,
  message,
  severity: 'error',
  code: 'test',
});

describe('formatProblem', () => {
  it.each([
    { p: problem('college.yml', 3, 7, 'bad'), file: undefined, text: 'college.yml:3:7: bad' },
    {
      p: problem('a/course.md', 1, 1, 'x'),
      file: 'lib/a/course.md',
      text: 'lib/a/course.md:1:1: x',
    },
  ])('$text', ({ p, file, text }) => {
    expect(formatProblem(p, file)).toBe(text);
  });

  it('adds the severity for the check command', () => {
    expect(
      formatProblemWithSeverity({ ...problem('t.yml', 2, 4, 'hm'), severity: 'warning' }),
    ).toBe('t.yml:2:4: warning: hm');
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then column, then message, without changing the input', () => {
    const input = [
      problem('b.yml', 1, 1),
      problem('a.yml', 10, 1),
      problem('a.yml', 2, 9),
      problem('a.yml', 2, 3, 'z'),
      problem('a.yml', 2, 3, 'a'),
    ];
    const sorted = sortProblems(input);
    expect(sorted.map((p) => formatProblem(p))).toEqual([
      'a.yml:2:3: a',
      'a.yml:2:3: z',
      'a.yml:2:9: m',
      'a.yml:10:1: m',
      'b.yml:1:1: m',
    ]);
    expect(input[0]?.file).toBe('b.yml');
  });
});
