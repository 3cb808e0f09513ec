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
import { checkProse, plainLanguageMessages } from './check-prose.js';
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

  // Every block to check, with its nlcst tree, found first: the plain-language plugins then
  // run once over all the students' blocks rather than once per block (most of their cost).
  const blocks: { start: number; end: number; audience: Audience; prose: NlcstRoot }[] = [];
  const walk = (node: Nodes, audience: Audience) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // Comments (accept markers) and code are not prose.
      const prose = toNlcst(node, file, parser, { ignore: ['html', 'code'] });
      blocks.push({ start, end, audience, prose });
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

  const students = blocks.filter((block) => block.audience === 'students');
  const messages = plainLanguageMessages(
    { type: 'RootNode', children: students.flatMap((block) => block.prose.children) },
    body,
  );
  const offsetOf = (message: (typeof messages)[number]) =>
    message.place && 'start' in message.place ? message.place.start.offset : undefined;

  for (const { start, end, audience, prose } of blocks) {
    const accepted = acceptedIn(body.slice(start, end));
    const plainLanguage = messages.filter((message) => {
      const at = offsetOf(message);
      return at !== undefined && at >= start && at < end;
    });
    const { findings, counts } = checkProse(prose, body, {
      settings,
      audience,
      accepted,
      plainLanguage,
    });
    result.counts = addCounts(result.counts, counts);
    for (const finding of findings) {
      const point = place.toPoint(finding.start);
      if (!point) continue;
      result.findings.push({ ...finding, line: point.line, column: point.column });
    }
  }
  return result;
}
