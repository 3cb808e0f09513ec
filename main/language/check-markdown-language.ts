/**
 * Runs the language checks over a Markdown body, block by block: paragraphs and headings are
 * checked for students, those inside `:::facilitator` for facilitators (word list only), and
 * block quotes and code are left alone.
 */
import type { Heading, Nodes, Paragraph, Root } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';
import { toNlcst } from 'mdast-util-to-nlcst';
import { ParseEnglish } from 'parse-english';
import { location } from 'vfile-location';
import { VFile } from 'vfile';
import { parseLibraryMarkdown } from '../format/parse-library-markdown.js';
import { literalTextDirectives } from '../format/remark-literal-text-directives.js';
import { copyPlainData } from '../library/markdown-trees.js';
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
 * body's tree as parseLibraryMarkdown makes it, when the caller has one (only read, so a tree
 * shared with the other checks and the renderers), so the body is not parsed again.
 */
export function checkMarkdownLanguage(
  body: string,
  settings: LanguageSettings,
  parsed?: Root,
): MarkdownLanguageResult {
  const tree = parsed ?? parseLibraryMarkdown(body);
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
      const prose = toNlcst(asProse(node, body), file, parser, { ignore: ['html', 'code'] });
      check(prose, start, end, audience);
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

/**
 * A block with each inline directive put back as the text it was written as (`10:30`, as
 * parseMarkdown does): a changed copy when it has one, else the block itself, so the shared
 * tree is never changed and most blocks are never copied.
 */
function asProse<Block extends Paragraph | Heading>(block: Block, body: string): Block {
  if (!hasTextDirective(block)) return block;
  const root = literalTextDirectives({ type: 'root', children: [copyPlainData(block)] }, body);
  return root.children[0] as Block; // cast: the copy of `block`, changed in place
}

function hasTextDirective(node: Nodes): boolean {
  if (node.type === 'textDirective') return true;
  return 'children' in node && node.children.some(hasTextDirective);
}
