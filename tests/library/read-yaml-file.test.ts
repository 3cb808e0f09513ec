/** Positions of YAML nodes found by data path, as used for every problem in a YAML file. */
import { describe, expect, it } from 'vitest';
import { parseYaml, positionAt } from '../../main/library/read-yaml-file.js';

const text = `name: College
venues:
  - id: hall
    name: The Hall
  - { id: online, name: Online }
empty:
`;

describe('positionAt', () => {
  const { source, problems } = parseYaml(text, 'college.yml');

  it.each([
    { path: ['name'], line: 1, column: 7 },
    { path: ['venues', 0, 'name'], line: 4, column: 11 },
    { path: ['venues', 1, 'id'], line: 5, column: 11 },
    { path: ['venues', 1], line: 5, column: 5 },
    // A missing field points at the entry that lacks it.
    { path: ['venues', 0, 'address'], line: 3, column: 5 },
    // An empty value points at its key.
    { path: ['empty'], line: 6, column: 1 },
    { path: ['venues', 7, 'id'], line: 3, column: 3 },
  ])('$path → $line:$column', ({ path, line, column }) => {
    expect(problems).toEqual([]);
    expect(positionAt(source, path)).toEqual({ line, column });
  });

  it('can point at a key instead of its value', () => {
    expect(positionAt(source, ['venues', 0, 'name'], 'key')).toEqual({ line: 4, column: 5 });
  });

  it('adds the line offset for front matter', () => {
    const parsed = parseYaml('title: A\n', 'a.md', 1);
    expect(positionAt(parsed.source, ['title'])).toEqual({ line: 2, column: 8 });
  });
});
