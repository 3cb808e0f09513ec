/**
 * A remark plugin that turns inline directives (`:name`) back into the text they were written
 * as. Tandem uses only block directives (`:::activity`, `:::facilitator`) and the inline
 * `:facilitator[…]`, but remark-directive also reads `10:30`, `3:2` or `Note:this` as inline
 * directives, which would make those words disappear from the published prospectus. Use it
 * after remark-directive in every pipeline that parses library Markdown.
 */
import type { Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import type { Plugin } from 'unified';
import { walkTree } from './walk-tree.js';

/**
 * What a misread inline directive stands for as ordinary text: its own source around its
 * label (`:name[` … `]{…}`), with the label's content kept as nodes. The label is never put
 * back as source, so a directive inside it (a facilitator note in `:tip[:facilitator[…]]`)
 * stays a node that later rules can remove.
 */
export function textDirectiveAsText(node: TextDirective, source: string): PhrasingContent[] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return [{ type: 'text', value: `:${node.name}` }];
  const first = node.children[0]?.position?.start.offset;
  const last = node.children[node.children.length - 1]?.position?.end.offset;
  const text = (from: number, to: number): Text => ({
    type: 'text',
    value: source.slice(from, to),
  });
  // `:name`, `:name[]` or `:name{…}`: nothing in a label, so the source is all there is.
  if (node.children.length === 0) return [text(start, end)];
  // Content without positions (made by a plugin, not read from the file) is kept as nodes.
  if (first === undefined || last === undefined) return node.children;
  return [text(start, first), ...node.children, text(last, end)];
}

/**
 * Replaces every `textDirective` node of `tree` (read from `source`) with its text, in place;
 * a directive `keep` accepts stays a directive.
 */
export function literalTextDirectives(
  tree: Root,
  source: string,
  keep: (node: TextDirective) => boolean = () => false,
): Root {
  walkTree<Nodes, Parents>(tree, (node, index, parent) => {
    if (node.type !== 'textDirective' || !parent || index === undefined || keep(node)) return;
    parent.children.splice(index, 1, ...textDirectiveAsText(node, source));
    // Visit what replaced it, so directives inside the label are made text too.
    return index;
  });
  return tree;
}

/** The same as a remark plugin (see `textDirectiveAsText`). */
const remarkLiteralTextDirectives: Plugin<[], Root> = () => (tree, file) => {
  literalTextDirectives(tree, String(file.value ?? ''));
};

export default remarkLiteralTextDirectives;
