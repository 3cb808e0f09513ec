/**
 * `visit` from unist-util-visit without a test, for the walks every render makes. It visits the
 * same nodes in the same order and reads a visitor's answer the same way (`SKIP`, `EXIT`, an
 * index to go on from, or `[SKIP, index]`), but makes no closure, name or ancestor list per
 * node, which is most of what a walk over a whole course costs with `visit`.
 */
import type { Node, Parent } from 'unist';
import { EXIT, SKIP } from 'unist-util-visit';

type Action = boolean | typeof SKIP;

/** What a visitor may answer: as for unist-util-visit's `visit`. */
export type WalkResult = Action | number | [Action?, number?] | undefined | void;

/** `N` and `P`: the nodes and parents the tree holds (mdast's `Nodes` and `Parents`, hast's…). */
export type WalkVisitor<N extends Node = Node, P extends Parent = Parent> = (
  node: N,
  index: number | undefined,
  parent: P | undefined,
) => WalkResult;

const carryOn: [Action?, number?] = [];

function asTuple(result: WalkResult): [Action?, number?] {
  if (Array.isArray(result)) return result;
  if (typeof result === 'number') return [true, result];
  return result === undefined ? carryOn : [result];
}

function walkNode(
  node: Node,
  index: number | undefined,
  parent: Parent | undefined,
  visitor: WalkVisitor<Node, Parent>,
): [Action?, number?] {
  const result = asTuple(visitor(node, index, parent));
  if (result[0] === EXIT) return result;
  // cast: a node with `children` is a parent. They are read again at every step, as `visit`
  // does, so what a visitor puts there or takes out is seen.
  const self = node as Parent;
  if ('children' in node && self.children && result[0] !== SKIP) {
    let offset = 0;
    while (offset > -1 && offset < self.children.length) {
      // cast: offset is inside the list, checked just above.
      const next = walkNode(self.children[offset] as Node, offset, self, visitor);
      if (next[0] === EXIT) return next;
      offset = typeof next[1] === 'number' ? next[1] : offset + 1;
    }
  }
  return result;
}

/** Calls `visitor` on `tree` and every node inside it, parents before their children. */
export function walkTree<N extends Node, P extends Parent>(
  tree: N,
  visitor: WalkVisitor<N, P>,
): void {
  // cast: every node reached from a tree of `N`s is an `N`, and every parent a `P`.
  walkNode(tree, undefined, undefined, visitor as WalkVisitor<Node, Parent>);
}
