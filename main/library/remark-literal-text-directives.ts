/**
 * A remark plugin that turns inline directives (`:name`) back into the text they were written
 * as. Tandem uses only block directives (`:::activity`, `:::facilitator`), but remark-directive
 * also reads `10:30`, `3:2` or `Note:this` as inline directives, which would make those words
 * disappear from the published prospectus. Use it after remark-directive in every pipeline that
 * parses library Markdown.
 */
import type { Root, Text } from 'mdast';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

/** Replaces every `textDirective` node with a text node holding its exact source. */
const remarkLiteralTextDirectives: Plugin<[], Root> = () => (tree, file) => {
  const source = String(file.value ?? '');
  visit(tree, 'textDirective', (node, index, parent) => {
    if (!parent || index === undefined) return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const value =
      start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
    const text: Text = { type: 'text', value };
    if (node.position) text.position = node.position;
    parent.children[index] = text;
    return [SKIP, index + 1];
  });
};

export default remarkLiteralTextDirectives;
