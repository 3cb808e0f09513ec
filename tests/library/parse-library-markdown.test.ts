/**
 * parseLibraryMarkdown leaves out the GFM constructs a text cannot contain; its tree must be
 * exactly remark's (remark-parse + remark-gfm + remark-directive) for every text: each
 * construct the format promises, the sample college, and many random texts made of the
 * characters those constructs are made of.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseLibraryMarkdown } from '../../main/format/parse-library-markdown.js';
import { sampleLibrary } from '../support/temp-library.js';

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();
const byRemark = (text: string): Root => remark.parse(text);

function types(tree: Root): Set<string> {
  const found = new Set<string>();
  visit(tree, (node) => {
    found.add(node.type);
  });
  return found;
}

/** 3,000 texts of up to `maxPieces` of `pieces` must each be read exactly as remark reads them. */
function expectRandomTextsAsRemark(seed: number, pieces: string[], maxPieces: number): void {
  // A fixed seed (mulberry32): the same texts on every run, so a failure can be reproduced.
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let n = 0; n < 3000; n++) {
    const length = 1 + Math.floor(random() * maxPieces);
    let text = '';
    for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
    expect(parseLibraryMarkdown(text), JSON.stringify(text)).toEqual(byRemark(text));
  }
}

describe('parseLibraryMarkdown', () => {
  it.each([
    ['www autolink', 'Visit www.example.org today.', 'link'],
    ['www autolink in capitals', 'Visit WWW.EXAMPLE.ORG today.', 'link'],
    ['https autolink', 'See https://example.org/a?b=c.', 'link'],
    ['http autolink in capitals', 'See HTTP://example.org.', 'link'],
    ['email autolink', 'Write to hello@example.org.', 'link'],
    ['email autolink with a plus', 'Write to sam+college@example.org.', 'link'],
    ['table', '| Day | Time |\n| --- | :-: |\n| Mon | 10:00 |', 'table'],
    ['table without outer pipes', 'Day | Time\n--- | ---\nMon | 10:00', 'table'],
    ['one-column table', '| Day |\n| --- |\n| Mon |', 'table'],
    ['strikethrough, double', 'It was ~~Tuesday~~ Monday.', 'delete'],
    ['strikethrough, single', 'It was ~Tuesday~ Monday.', 'delete'],
    ['footnote', 'Rest helps.[^1]\n\n[^1]: Most of us.', 'footnoteReference'],
    ['task list', '- [x] Booked\n- [ ] Arrived', 'listItem'],
    ['container directive', ':::activity\nTry this.\n:::', 'containerDirective'],
    ['leaf directive', '::activity[Try this]', 'leafDirective'],
    ['text directive', 'Meet at 10:30 in room:a.', 'textDirective'],
    ['autolink and table together', '| Site |\n| - |\n| www.example.org |', 'table'],
    // The autolink-literal tree transform reads text nodes, where escapes and references are decoded.
    ['email autolink with an escaped @', 'Write to hello\\@example.org.', 'link'],
    ['email autolink with a numeric @', 'Write to hello&#64;example.org.', 'link'],
    ['email autolink with a hexadecimal @', 'Write to hello&#x40;example.org.', 'link'],
    ['email autolink with a named @', 'Write to hello&commat;example.org.', 'link'],
    ['www autolink with an escaped dot', 'Visit www\\.example.org today.', 'link'],
    ['www autolink with a named dot', 'Visit www&period;example.org today.', 'link'],
    ['https autolink with a named colon', 'See https&colon;//example.org.', 'link'],
    ['https autolink with escaped slashes', 'See https:\\/\\/example.org.', 'link'],
    // remark-directive reads `:hello` first, so these stay text, as with remark.
    ['mailto address', 'Write to mailto:hello@example.org.', 'textDirective'],
    ['xmpp address', 'Chat at xmpp:hello@example.org/phone.', 'textDirective'],
    ['www autolink in brackets', '(www.example.org).', 'link'],
    ['email autolink before a comma', 'hello@example.org, or call.', 'link'],
    ['www autolink in code', 'Type `www.example.org` here.', 'inlineCode'],
    ['email autolink in code', 'Type `hello@example.org` here.', 'inlineCode'],
    ['www autolink inside a link', '[www.example.org](https://example.org)', 'link'],
    ['email inside a link', '[hello@example.org](mailto:hello@example.org)', 'link'],
    ['at sign with no domain', 'Meet @ the café & bring a pen.', 'text'],
    ['ampersand with no literal', 'Fish &amp; chips at 5.', 'text'],
  ])('reads a %s as remark does', (_name, text, type) => {
    const tree = parseLibraryMarkdown(text);
    expect(tree).toEqual(byRemark(text));
    expect(types(tree)).toContain(type);
  });

  it('reads every Markdown file of the sample college as remark does', async () => {
    const files = (await readdir(sampleLibrary, { recursive: true })).filter((f) =>
      f.endsWith('.md'),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = await readFile(path.join(sampleLibrary, file), 'utf8');
      expect(parseLibraryMarkdown(text), file).toEqual(byRemark(text));
    }
  });

  it('reads random texts of GFM and directive characters as remark does', () => {
    const pieces = [
      'a',
      'b',
      'W',
      'w',
      'ww',
      'www.',
      'h',
      'http',
      'https',
      '://',
      ':',
      '::',
      ':::',
      '/',
      '.',
      '-',
      '--',
      '---',
      '|',
      ' | ',
      '~',
      '~~',
      '@',
      'x',
      '[',
      ']',
      '[^',
      '^1',
      '(',
      ')',
      '*',
      '_',
      '`',
      '1',
      '9.',
      ' ',
      ' ',
      '  ',
      '\n',
      '\n',
      '\n\n',
      '> ',
      '- ',
      '[ ] ',
      '[x] ',
      '#',
      '!',
      '<',
      '>',
      '\\',
      '&',
      'mailto:',
      '{',
      '}',
      '"',
      '=',
    ];
    expectRandomTextsAsRemark(20261201, pieces, 30);
  });

  it('reads random texts of escaped and referenced autolink characters as remark does', () => {
    const pieces = ['a', 'w', 'www', 'http', 's', '.', ':', '/', '@', '\\', '&', '#64;', '#46;'];
    pieces.push('#x40;', 'commat;', 'period;', 'colon;', 'sol;', '`', '[', '](', ')', ' ', '\n');
    expectRandomTextsAsRemark(20261202, pieces, 20);
  });
});
