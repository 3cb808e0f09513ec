/** Broken YAML in, a plain explanation at the right line out (table-driven, real parser). */
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../main/library/read-yaml-file.js';

const cases: { why: string; text: string; at: string; message: string }[] = [
  {
    why: 'a list item without its dash',
    text: 'facilitators:\n  - amira-hassan\n  hannah-lewis\n',
    at: '3:3',
    message: 'this list item needs a dash: write it as "- hannah-lewis", like the items above it',
  },
  {
    why: 'a run written without its dash',
    text: 'runs:\n  - course: a\n    venue: b\n  course: c\n',
    at: '4:3',
    message: 'this list item needs a dash: write it as "- course: c", like the items above it',
  },
  {
    why: 'a tab used for indenting',
    text: 'title: Spring\ncontact:\n\temail: hello@example.org\n',
    at: '3:1',
    message:
      'this line is indented with a tab; YAML needs spaces: replace the tab with spaces, lined up with the lines around it',
  },
  {
    why: 'a missing colon',
    text: 'title Spring term 2027\nstarts: 2027-01-11\n',
    at: '1:1',
    message: "this line needs a colon after the field's name, like title: Spring term 2027",
  },
  {
    why: 'a missing colon inside a group',
    text: 'contact:\n  email hello@example.org\n  phone: "01632 960418"\n',
    at: '2:3',
    message: "this line needs a colon after the field's name, like email: hello@example.org",
  },
  {
    why: 'a time with a space after its colon',
    text: "start: 10: 00\nend: '12:00'\n",
    at: '1:8',
    message: "a time is written in quotes with no space after its colon, like start: '10:00'",
  },
  {
    why: 'a value with a colon and a space in it',
    text: 'title: Anxiety: what helps\n',
    at: '1:8',
    message:
      "this value has a colon followed by a space, which YAML reads as the start of another field: put the whole value in quotes, like title: 'Anxiety: what helps'",
  },
  {
    why: 'an unclosed quote, reported where it opens',
    text: "title: 'Spring term\nstarts: 2027-01-11\nends: 2027-03-26\n",
    at: '1:8',
    message: "the quote ' that starts this value is never closed: add ' at the end of the value",
  },
  {
    why: 'a duplicated key, naming the first',
    text: 'title: Spring\nstarts: 2027-01-11\ntitle: Summer\n',
    at: '3:1',
    message: '"title" is given twice in the same group (also on line 1); keep only one of them',
  },
  {
    why: 'a field indented differently from its group',
    text: 'contact:\n    email: a@example.org\n  phone: "1"\n',
    at: '3:3',
    message:
      '"phone" is indented differently from the fields around it: line it up with the others of its group',
  },
  {
    why: 'a field indented too far under a list item',
    text: 'runs:\n  - course: a\n     venue: b\n',
    at: '3:6',
    message: '"venue" is indented further than the fields it belongs with: line it up with them',
  },
  {
    why: 'an unclosed [ list',
    text: 'facilitators: [amira-hassan, hannah-lewis\nstarts: 2027-01-11\n',
    at: '1:15',
    message: 'this list starts with [ but is not closed: add ] at its end, on the same line',
  },
  {
    why: 'a missing comma inside { }',
    text: "sessions:\n  - { date: 2027-01-18, start: '10:00' end: '12:00' }\n",
    at: '2:40',
    message:
      "the items inside { } or [ ] need a comma between them, like { date: 2027-01-18, start: '10:00', end: '12:00' }",
  },
  {
    why: 'a value starting with @',
    text: 'email: @riverside\n',
    at: '1:8',
    message: "a value cannot start with @: put it in quotes, like email: '@riverside'",
  },
  {
    why: 'a value starting with *',
    text: 'code: *UMH\n',
    at: '1:7',
    message:
      "a value cannot start with * (YAML reads it as a reference to another value): put it in quotes, like code: '*UMH'",
  },
];

describe('plain-language YAML syntax errors', () => {
  it.each(cases)('$why', ({ text, at, message }) => {
    const { problems, data } = parseYaml(text, 'terms/spring-2027.yml');
    expect(data).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual([at]);
    expect(problems[0]?.message).toBe(`YAML: ${message}`);
    expect(problems[0]?.code).toBe('yaml-syntax');
  });

  it('counts lines from the top of the file in front matter', () => {
    const { problems } = parseYaml('title What is anxiety?\nduration: 2 hours\n', 'a/course.md', 1);
    expect(problems.map((p) => p.line)).toEqual([2]);
  });
});
