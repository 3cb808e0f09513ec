/**
 * Front matter: the YAML block between `---` fences at the top of a Markdown file.
 * Exported for reuse by anything that reads or edits course, module and page files.
 */
import { parseYaml } from './read-yaml-file.js';
import type { YamlSource } from './read-yaml-file.js';
import type { Problem } from './types.js';

export interface SplitFrontMatter {
  /** The YAML text between the fences, or undefined when the file has no (closed) front matter. */
  frontMatter: string | undefined;
  /** 1-based line of the first YAML line (the line after the opening fence). */
  frontMatterLine: number;
  /** Everything after the closing fence (the whole text when there is no front matter). */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** True when an opening fence was found but no closing one. */
  unclosed: boolean;
}

const fence = /^---[ \t]*$/;
// YAML allows `...` to end a document; some editors write front matter that way.
const closingFence = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits a Markdown file into its front matter and body. Line endings are kept as they are so
 * that an editor can put the two halves back together unchanged.
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = withoutBom.split(/(?<=\n)/);
  const noFrontMatter: SplitFrontMatter = {
    frontMatter: undefined,
    frontMatterLine: 1,
    body: withoutBom,
    bodyLine: 1,
    unclosed: false,
  };
  if (lines.length === 0 || !fence.test(stripEol(lines[0] ?? ''))) return noFrontMatter;
  for (let i = 1; i < lines.length; i++) {
    if (closingFence.test(stripEol(lines[i] ?? ''))) {
      return {
        frontMatter: lines.slice(1, i).join(''),
        frontMatterLine: 2,
        body: lines.slice(i + 1).join(''),
        bodyLine: i + 2,
        unclosed: false,
      };
    }
  }
  return { ...noFrontMatter, unclosed: true };
}

export interface ParsedFrontMatter {
  /** The front matter as plain data; undefined when missing or not valid YAML. */
  data: unknown;
  /** For positions of front matter values; undefined when there is no front matter. */
  source: YamlSource | undefined;
  body: string;
  bodyLine: number;
  problems: Problem[];
}

/**
 * Splits and parses a Markdown file's front matter, reporting a missing or unclosed block and
 * YAML syntax errors at their lines in the file.
 */
export function parseFrontMatter(text: string, file: string): ParsedFrontMatter {
  const split = splitFrontMatter(text);
  if (split.frontMatter === undefined) {
    const message = split.unclosed
      ? 'front matter is not closed: add a line with just --- after the last field'
      : 'front matter is missing: the file must start with a line with just ---, then the fields, then another ---';
    return {
      data: undefined,
      source: undefined,
      body: split.body,
      bodyLine: split.bodyLine,
      problems: [
        { file, line: 1, column: 1, message, severity: 'error', code: 'front-matter-missing' },
      ],
    };
  }
  const parsed = parseYaml(split.frontMatter, file, split.frontMatterLine - 1);
  return {
    data: parsed.data,
    source: parsed.source,
    body: split.body,
    bodyLine: split.bodyLine,
    problems: parsed.problems,
  };
}

function stripEol(line: string): string {
  return line.replace(/\r?\n$/, '');
}
