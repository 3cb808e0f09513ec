/**
 * The editor's document as blocks of plain text for the writing checks, with where each piece
 * of text sits in Slate, so findings (offsets into a block's text) can be drawn in place.
 */
import { Text, type Descendant, type Path, type Range } from 'slate';
import type { Audience, LanguageBlock, LanguageFinding } from '../../main/api/contract.js';
import type { InlineChild } from './custom-types.js';

/** One Slate text node inside a block: its path, where it starts in the block's text, its text. */
export interface LeafSpan {
  path: Path;
  start: number;
  text: string;
}

export interface CheckedBlock {
  block: LanguageBlock;
  /** Path of the paragraph, heading or table cell. */
  path: Path;
  leaves: LeafSpan[];
}

/** Every checkable block of a document, in order; block quotes and tables are left out. */
export function languageBlocks(value: readonly Descendant[]): CheckedBlock[] {
  const blocks: CheckedBlock[] = [];
  const walk = (nodes: readonly Descendant[], base: Path, audience: Audience) => {
    nodes.forEach((node, index) => {
      if (Text.isText(node)) return;
      const path = [...base, index];
      switch (node.type) {
        case 'paragraph':
        case 'heading-two':
        case 'heading-three':
        case 'heading-four':
          blocks.push(inlineBlock(node.children, path, audience));
          break;
        case 'facilitator-note':
          walk(node.children, path, 'facilitators');
          break;
        case 'activity':
        case 'bulleted-list':
        case 'numbered-list':
        case 'list-item':
          walk(node.children, path, audience);
          break;
        default:
        // Quotations are the speaker's words; tables, images and kept-as-written blocks are not prose.
      }
    });
  };
  walk(value, [], 'students');
  return blocks;
}

function inlineBlock(
  children: readonly InlineChild[],
  path: Path,
  audience: Audience,
): CheckedBlock {
  const leaves: LeafSpan[] = [];
  const comments: string[] = [];
  let text = '';
  const collect = (nodes: readonly InlineChild[], base: Path) => {
    nodes.forEach((node, index) => {
      const at = [...base, index];
      if (Text.isText(node)) {
        leaves.push({ path: at, start: text.length, text: node.text });
        text += node.text;
      } else if (node.type === 'link') {
        collect(node.children, at);
      } else if (node.source.startsWith('<!--')) {
        comments.push(node.source);
      }
    });
  };
  collect(children, path);
  return { block: { text, audience, comments }, path, leaves };
}

/** A finding placed in the document: its whole range and its pieces, one per text node. */
export interface PlacedFinding {
  key: string;
  finding: LanguageFinding;
  blockPath: Path;
  range: Range;
  pieces: { path: Path; text: string; anchor: number; focus: number }[];
}

/** Places each block's findings on the Slate text nodes it covers. */
export function placeFindings(
  blocks: readonly CheckedBlock[],
  findings: readonly (readonly LanguageFinding[])[],
): PlacedFinding[] {
  const placed: PlacedFinding[] = [];
  blocks.forEach((block, b) => {
    (findings[b] ?? []).forEach((finding, f) => {
      const pieces = block.leaves
        .filter((leaf) => leaf.start < finding.end && finding.start < leaf.start + leaf.text.length)
        .map((leaf) => ({
          path: leaf.path,
          text: leaf.text,
          anchor: Math.max(finding.start, leaf.start) - leaf.start,
          focus: Math.min(finding.end, leaf.start + leaf.text.length) - leaf.start,
        }));
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      if (!first || !last) return;
      placed.push({
        key: `${b}:${f}`,
        finding,
        blockPath: block.path,
        range: {
          anchor: { path: first.path, offset: first.anchor },
          focus: { path: last.path, offset: last.focus },
        },
        pieces,
      });
    });
  });
  return placed;
}
