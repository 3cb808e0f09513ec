/** splitFrontMatter and parseFrontMatter: string in, parts and problems out. */
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../main/format/front-matter-fences.js';
import { parseFrontMatter } from '../../main/library/front-matter.js';
import { formatProblem } from '../../main/format/problems.js';

describe('splitFrontMatter', () => {
  it.each([
    {
      name: 'front matter and body',
      text: '---\ntitle: A\n---\nBody\n',
      frontMatter: 'title: A\n',
      body: 'Body\n',
      bodyLine: 4,
      unclosed: false,
    },
    {
      name: 'Windows line endings are kept',
      text: '---\r\ntitle: A\r\n---\r\nBody\r\n',
      frontMatter: 'title: A\r\n',
      body: 'Body\r\n',
      bodyLine: 4,
      unclosed: false,
    },
    {
      name: 'byte order mark before the fence',
      text: '\uFEFF---\ntitle: A\n---\n',
      frontMatter: 'title: A\n',
      body: '',
      bodyLine: 4,
      unclosed: false,
    },
    {
      name: 'closing with ...',
      text: '---\ntitle: A\n...\n\nBody',
      frontMatter: 'title: A\n',
      body: '\nBody',
      bodyLine: 4,
      unclosed: false,
    },
    {
      name: 'no front matter',
      text: 'Body only\n',
      frontMatter: undefined,
      body: 'Body only\n',
      bodyLine: 1,
      unclosed: false,
    },
    {
      name: 'a thematic break later is not front matter',
      text: 'Intro\n---\nMore\n',
      frontMatter: undefined,
      body: 'Intro\n---\nMore\n',
      bodyLine: 1,
      unclosed: false,
    },
    {
      name: 'unclosed',
      text: '---\ntitle: A\nBody\n',
      frontMatter: undefined,
      body: '---\ntitle: A\nBody\n',
      bodyLine: 1,
      unclosed: true,
    },
    {
      name: 'empty front matter',
      text: '---\n---\nBody',
      frontMatter: '',
      body: 'Body',
      bodyLine: 3,
      unclosed: false,
    },
  ])('$name', ({ text, frontMatter, body, bodyLine, unclosed }) => {
    const split = splitFrontMatter(text);
    expect(split).toEqual({
      frontMatter,
      frontMatterLine: split.frontMatterLine,
      body,
      bodyLine,
      unclosed,
    });
  });

  it('lets an editor put a file back together unchanged', () => {
    const text = '---\r\ntitle: A\r\n---\r\n\r\nBody\r\n';
    const split = splitFrontMatter(text);
    expect(`---\r\n${split.frontMatter ?? ''}---\r\n${split.body}`).toBe(text);
  });
});

describe('parseFrontMatter', () => {
  it('gives data, body and body line', () => {
    const parsed = parseFrontMatter('---\ntitle: A\norder: 2\n---\n\nHello\n', 'pages/a.md');
    expect(parsed.data).toEqual({ title: 'A', order: 2 });
    expect(parsed.body).toBe('\nHello\n');
    expect(parsed.bodyLine).toBe(5);
    expect(parsed.problems).toEqual([]);
  });

  it.each([
    {
      name: 'YAML error at its line in the file, counting the fence',
      text: '---\ntitle: A\n  order: 2\n---\n',
      lines: [
        'pages/a.md:3:3: YAML: "order" is indented further than the fields it belongs with: line it up with them',
      ],
    },
    {
      name: 'missing front matter',
      text: '# Title\n',
      lines: [
        'pages/a.md:1:1: front matter is missing: the file must start with a line with just ---, then the fields, then another ---',
      ],
    },
    {
      name: 'unclosed front matter',
      text: '---\ntitle: A\n',
      lines: [
        'pages/a.md:1:1: front matter is not closed: add a line with just --- after the last field',
      ],
    },
  ])('$name', ({ text, lines }) => {
    const parsed = parseFrontMatter(text, 'pages/a.md');
    expect(parsed.data).toBeUndefined();
    expect(parsed.problems.map((p) => formatProblem(p))).toEqual(lines);
  });
});
