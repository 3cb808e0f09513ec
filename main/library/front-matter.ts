/**
 * Front matter parsed with its problems, for the library checks. Where the block starts and
 * ends is the format layer's (`main/format/front-matter-fences.ts`).
 */
import { splitFrontMatter, type SplitFrontMatter } from '../format/front-matter-fences.js';
import { RecentValues } from './recent-values.js';
import { parseYaml, type DerivedTexts } from './read-yaml-file.js';
import type { YamlSource } from './read-yaml-file.js';
import type { Problem } from './types.js';

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
 * Files split lately, by their text: a rebuild in the same process takes over the text of every
 * unchanged file, so the same body (the same string, whose hash V8 keeps) goes on to every key
 * made of it, instead of a new copy that each would hash in full again.
 */
const splits = new RecentValues<string, SplitFrontMatter>(64 * 1024 * 1024);

function splitOf(text: string): SplitFrontMatter {
  let found = splits.get(text, text.length);
  if (!found) {
    found = splitFrontMatter(text);
    splits.set(text, found, text.length);
  }
  return found;
}

/**
 * Splits and parses a Markdown file's front matter, reporting a missing or unclosed block and
 * YAML syntax errors at their lines in the file. `derived`: as for `parseYaml`.
 */
export function parseFrontMatter(
  text: string,
  file: string,
  derived?: DerivedTexts,
): ParsedFrontMatter {
  const split = splitOf(text);
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
  const parsed = parseYaml(split.frontMatter, file, split.frontMatterLine - 1, derived);
  return {
    data: parsed.data,
    source: parsed.source,
    body: split.body,
    bodyLine: split.bodyLine,
    problems: parsed.problems,
  };
}
