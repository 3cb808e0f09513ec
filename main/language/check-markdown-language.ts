/**
 * Runs the language checks over a Markdown body, block by block: paragraphs and headings are
 * checked for students, those inside `:::facilitator` for facilitators (word list only), and
 * block quotes and code are left alone.
 */
import type { Nodes, Root } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { location } from 'vfile-location';
import { VFile } from 'vfile';
import { parseMarkdown } from '../format/parse-library-markdown.js';
import { literalTextDirectives } from '../format/remark-literal-text-directives.js';
import { acceptedIn } from './accept-marker.js';
import { checkProse } from './check-prose.js';
import { quotedRanges } from './quoted-ranges.js';
import type { Audience, LanguageFinding } from './types.js';
import type { LanguageSettings } from './language-settings.js';
import { addCounts } from './reading-age.js';
import type { ProseCounts } from './reading-age.js';

/** A finding with its 1-based line and column in the body. */
export interface LocatedFinding extends LanguageFinding {
  line: number;
  column: number;
}

export interface MarkdownLanguageResult {
  findings: LocatedFinding[];
  /** Counts over all student-facing blocks, for the module's reading age. */
  counts: ProseCounts;
}

const parser = new ParseEnglish();

/**
 * Checks a Markdown body (front matter removed); lines are relative to the body. `parsed`: the
 * body's tree as parseLibraryMarkdown makes it, when the caller has one (a copy of its own: it
 * is changed), so the body is not parsed again.
 */
export function checkMarkdownLanguage(
  body: string,
  settings: LanguageSettings,
  parsed?: Root,
): MarkdownLanguageResult {
  const tree: Root = parsed ? literalTextDirectives(parsed, body) : parseMarkdown(body);
  const file = new VFile({ value: body });
  const place = location(file);
  const result: MarkdownLanguageResult = {
    findings: [],
    counts: { words: 0, sentences: 0, syllables: 0 },
  };

  const quotes = quotedRanges(body);
  const check = (prose: NlcstRoot, start: number, end: number, audience: Audience) => {
    const accepted = acceptedIn(body.slice(start, end));
    const { findings, counts } = checkProse(prose, body, { settings, audience, accepted, quotes });
    result.counts = addCounts(result.counts, counts);
    for (const finding of findings) {
      const point = place.toPoint(finding.start);
      if (!point) continue;
      result.findings.push({ ...finding, line: point.line, column: point.column });
    }
  };
  const walk = (node: Nodes, audience: Audience) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // Comments (accept markers) and code are not prose.
      check(toNlcst(node, file, parser, { ignore: ['html', 'code'] }), start, end, audience);
      return;
    }
    // Quotations are the speaker's own words, never the author's to change.
    if (node.type === 'blockquote' || node.type === 'code' || node.type === 'table') return;
    if (!('children' in node)) return;
    const inner =
      node.type === 'containerDirective' && node.name.toLowerCase() === 'facilitator'
        ? 'facilitators'
        : audience;
    for (const child of node.children) walk(child, inner);
  };
  walk(tree, 'students');
  return result;
}
