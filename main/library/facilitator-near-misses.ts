/**
 * Facilitator notes that a person would read as notes but the parser would not: `:::facilitator
 * Remember…` on one line, `::: facilitator`, a tab or a full-width colon after the colons,
 * `:::facilitators`, `:facilitator` without its text in brackets. Each would publish trainer-
 * only text to students as ordinary text, so each is an error (and the course or page is not
 * published until it is fixed).
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import { closestMatch } from './describe-value.js';

/** Where a near miss is, relative to the Markdown body (1-based). */
export interface NearMiss {
  line: number;
  column: number;
  message: string;
}

/** Colons of any width, as people type them, and spaces, tabs and invisible characters. */
const COLON = '[:\\uFF1A\\uFE55\\uFE13\\u2236\\uA789]';
const GAP = '[\\s\\u00A0\\u200B-\\u200D\\u2060\\uFEFF]';
/** A line (after list and quote markers) that starts like a block or inline facilitator note. */
const LOOKS_LIKE = new RegExp(`^${COLON}+${GAP}*[^\\p{L}\\s]*${GAP}*(\\p{L}+)`, 'u');
const LINE_PREFIX = /^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])?)*[ \t]*/;

const message = (what: string) =>
  `${what} looks like a facilitator note but is not one, so its text would be shown to ` +
  'students; write :::facilitator alone on its own line, the note on the lines below it, and ' +
  '::: alone on the line after (or :facilitator[the note] inside a sentence)';

const isFacilitatorWord = (word: string) =>
  word.toLowerCase().startsWith('facilit') || closestMatch(word, ['facilitator']) !== undefined;

interface DirectiveNode extends Node {
  type: 'containerDirective' | 'leafDirective' | 'textDirective';
  name: string;
  children: Node[];
}

/**
 * Every near miss in `body`, whose parsed tree is `tree` (so a real note, which the parser
 * does read, is never reported).
 */
export function facilitatorNearMisses(body: string, tree: Root): NearMiss[] {
  const misses: NearMiss[] = [];
  // Lines where a real note starts: a block, or an inline note that has its text.
  const realNotes = new Set<number>();
  visit(tree, (node: Node) => {
    if (!/^(container|leaf|text)Directive$/.test(node.type)) return;
    // cast: checked by the type just above; remark-directive gives every directive a name
    const directive = node as DirectiveNode;
    const line = node.position?.start.line;
    if (line === undefined) return;
    const name = directive.name.toLowerCase();
    if (name !== 'facilitator') return;
    if (directive.type === 'textDirective' && directive.children.length === 0) {
      misses.push({
        line,
        column: node.position?.start.column ?? 1,
        message: message(':facilitator without its text in square brackets'),
      });
    } else if (directive.type !== 'textDirective') realNotes.add(line);
  });
  const lines = body.split(/\r\n|\r|\n/);
  lines.forEach((text, i) => {
    const line = i + 1;
    if (realNotes.has(line)) return;
    const prefix = LINE_PREFIX.exec(text)?.[0] ?? '';
    const rest = text.slice(prefix.length);
    const word = LOOKS_LIKE.exec(rest)?.[1];
    if (!word || !isFacilitatorWord(word)) return;
    // `:facilitator[…]` opening a sentence is a real inline note.
    if (/^:facilitator\[/i.test(rest)) return;
    misses.push({ line, column: prefix.length + 1, message: message('this line') });
  });
  return misses.sort((a, b) => a.line - b.line || a.column - b.column);
}
