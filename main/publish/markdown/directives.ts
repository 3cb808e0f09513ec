/**
 * Tandem's Markdown directives (parsed by remark-directive):
 * `:::activity` → an activity box students see; `:::facilitator` → notes for trainers only.
 * Any other directive keeps its text as plain content, so a stray colon never loses words.
 */
import type { Nodes, Paragraph, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { SKIP } from 'unist-util-visit';
import { textDirectiveAsText } from '../../format/remark-literal-text-directives.js';
import { walkTree } from '../../format/walk-tree.js';

/** Who the rendered text is for. */
export type Audience = 'student' | 'facilitator';

type Directive = ContainerDirective | LeafDirective | TextDirective;

const BOXES: Record<string, { className: string; label: string }> = {
  activity: { className: 'activity', label: 'Activity' },
  facilitator: { className: 'facilitator-note', label: 'Facilitator note' },
};

function isDirective(node: { type: string }): node is Directive {
  return (
    node.type === 'containerDirective' ||
    node.type === 'leafDirective' ||
    node.type === 'textDirective'
  );
}

/** The visible heading of a box: "Activity", or "Activity: <label>" with `:::activity[label]`. */
function labelParagraph(label: string, extra: PhrasingContent[]): Paragraph {
  const children: PhrasingContent[] = [{ type: 'text', value: label }];
  if (extra.length > 0) children.push({ type: 'text', value: ': ' }, ...extra);
  return {
    type: 'paragraph',
    children: [{ type: 'strong', children }],
    data: { hProperties: { className: ['box-label'] } },
  };
}

/** Makes a known directive a labelled `<aside>` (attributes written in the Markdown are ignored). */
function toBox(
  node: ContainerDirective | LeafDirective,
  box: { className: string; label: string },
) {
  let extra: PhrasingContent[] = [];
  let rest: RootContent[];
  if (node.type === 'containerDirective') {
    const first = node.children[0];
    if (first?.type === 'paragraph' && first.data?.directiveLabel) {
      extra = first.children;
      rest = node.children.slice(1);
    } else rest = node.children;
  } else {
    // `::activity[Do this]` on its own line: the label is the whole content.
    rest = node.children.length > 0 ? [{ type: 'paragraph', children: node.children }] : [];
  }
  // cast: the new children are block content, which a container accepts; a leaf becomes one too.
  (node as ContainerDirective).children = [
    labelParagraph(box.label, extra),
    ...rest,
  ] as ContainerDirective['children'];
  node.data = { hName: 'aside', hProperties: { className: [box.className] } };
}

/** The original source of a node, to put a misread leaf directive back as plain text. */
function sourceOf(node: Directive, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined ? source.slice(start, end) : undefined;
}

/** remark plugin: applies Tandem's directive rules for `audience`. */
export function remarkTandemDirectives(options: { audience: Audience }) {
  return (tree: Root, file: { value: unknown }): void => {
    const source = typeof file.value === 'string' ? file.value : String(file.value ?? '');
    walkTree<Nodes, Parents>(tree, (node, index, parent) => {
      if (!isDirective(node) || !parent || index === undefined) return;
      const name = node.name.toLowerCase();

      if (name === 'facilitator' && options.audience === 'student') {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }

      const box = BOXES[name];
      if (box && node.type !== 'textDirective') {
        toBox(node, box);
        return;
      }

      if (node.type === 'containerDirective') {
        node.data = { hName: 'div' };
        // A label on an unknown container stays as an ordinary first paragraph.
        return;
      }
      if (node.type === 'leafDirective') {
        node.data = { hName: 'p' };
        if (node.children.length === 0) {
          node.children = [{ type: 'text', value: sourceOf(node, source) ?? `::${node.name}` }];
        }
        return;
      }
      // Text directive: almost always a colon in ordinary prose ("Note:this"); put it back as
      // written, its label's content kept as nodes (visited next, so hidden text stays hidden).
      parent.children.splice(index, 1, ...textDirectiveAsText(node, source));
      return index;
    });
  };
}
