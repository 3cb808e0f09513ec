/**
 * walkTree must visit exactly as unist-util-visit's `visit` does, including what a visitor
 * changes on the way: the same calls, in the same order, leaving the same tree.
 */
import type { Node, Parent } from 'unist';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { walkTree, type WalkResult } from '../../main/format/walk-tree.js';
import { parseLibraryMarkdown } from '../../main/format/parse-library-markdown.js';

type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => WalkResult;

const markdown = [
  '# Welcome',
  '',
  'Some *kind* words and **strong** ones, :tip[a :facilitator[hidden] tip] too.',
  '',
  ':::activity[Warm up]',
  'Share one thing.',
  '',
  '- first',
  '- second',
  ':::',
  '',
  ':::facilitator',
  'Notes for trainers.',
  ':::',
  '',
  '## Next',
  '',
  '![A path](images/path.svg)',
].join('\n');

const texts = (node: Node): Node[] => ('children' in node ? (node as Parent).children : []);

/**
 * Visitors answering every way `visit` understands, most of them changing the tree; each made
 * afresh for each walk, as one may keep state.
 */
const visitors: [string, () => Visitor][] = [
  ['carries on', () => () => undefined],
  ['skips emphasis', () => (node) => (node.type === 'emphasis' ? SKIP : undefined)],
  ['stops at the first list', () => (node) => (node.type === 'list' ? EXIT : undefined)],
  [
    'removes text directives and goes on from their place',
    () => (node, index, parent) => {
      if (node.type !== 'textDirective' || !parent || index === undefined) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    },
  ],
  [
    'puts a text directive’s children in its place and visits them again',
    () => (node, index, parent) => {
      if (node.type !== 'textDirective' || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...texts(node));
      return index;
    },
  ],
  [
    'gives a container a new first child',
    () => (node) => {
      if (node.type !== 'containerDirective') return;
      (node as Parent).children = [{ type: 'thematicBreak' }, ...texts(node)];
    },
  ],
  [
    'goes back one sibling once',
    () => {
      let done = false;
      return (node, index) => {
        if (done || node.type !== 'heading' || index === undefined || index === 0) return;
        done = true;
        return index - 1;
      };
    },
  ],
];

function calls(walk: (tree: Node, visitor: Visitor) => void, visitor: Visitor) {
  const tree = parseLibraryMarkdown(markdown);
  const seen: string[] = [];
  walk(tree, (node, index, parent) => {
    seen.push(`${node.type}@${index ?? '-'} in ${parent?.type ?? '-'}`);
    return visitor(node, index, parent);
  });
  return { seen, tree };
}

describe('walkTree', () => {
  it.each(visitors)('visits as visit does when the visitor %s', (_name, make) => {
    const walked = calls(walkTree, make());
    const visited = calls((tree, visitor) => visit(tree, visitor), make());
    expect(walked.seen.length).toBeGreaterThan(3);
    expect(walked).toEqual(visited);
  });
});
