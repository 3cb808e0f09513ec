/**
 * Regression: a paragraph with a time or a ratio ("10:30", "3:2") was cut short wherever its
 * plain text was taken, because a parser without Tandem's literal-colon rule read `:30` as an
 * inline directive. Every plain-text view now reads the one library parser.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../main/format/parse-library-markdown.js';
import { MarkdownTrees } from '../../main/library/markdown-trees.js';
import { firstParagraphText } from '../../main/publish/markdown/plain-text.js';
import { excerpt } from '../../main/publish/site/site-model.js';
import { studentText } from '../../main/publish/site/search-index.js';
import { toString } from 'mdast-util-to-string';

const paragraphs = [
  'Doors open at 10:30 and we finish by 12:00.',
  'Groups work at a ratio of 3:2, peers to practitioners.',
  'Note:this is kept as written, and so is 9:30am.',
  'Times 10:30-11:15 :smile[and] 1:2:3 stay whole.',
];

describe('a-time-or-ratio-cuts-a-paragraph-short', () => {
  it.each(paragraphs)('firstParagraphText keeps "%s"', (text) => {
    expect(firstParagraphText(`${text}\n\nMore.`)).toBe(text);
    expect(firstParagraphText(`${text}\n\nMore.`, 300, new MarkdownTrees())).toBe(text);
  });

  it.each(paragraphs)('the home-page intro keeps "%s"', (text) => {
    expect(excerpt(text, 600, new MarkdownTrees())).toBe(text);
  });

  it.each(paragraphs)('the search index reads all of "%s"', (text) => {
    expect(studentText(text)).toBe(text);
  });

  it.each(paragraphs)('the language checks read all of "%s"', (text) => {
    expect(toString(parseMarkdown(text))).toBe(text);
  });
});
