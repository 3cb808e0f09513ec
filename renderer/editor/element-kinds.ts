/**
 * Small type guards over the editor's node kinds, shared by plugins, commands and rendering.
 */
import { Element, type Node } from 'slate';
import type { BlockElement, CustomElement, HeadingType } from './custom-types.js';

/** Element types whose children are text (the blocks a caret sits in). */
export const TEXT_BLOCKS = new Set<string>([
  'paragraph',
  'heading-two',
  'heading-three',
  'heading-four',
  'table-cell',
]);

/** Blocks that hold other blocks and are written as one Markdown container. */
export type ContainerType = 'block-quote' | 'activity' | 'facilitator-note';

export type ListType = 'bulleted-list' | 'numbered-list';

export const HEADING_TYPES: readonly HeadingType[] = [
  'heading-two',
  'heading-three',
  'heading-four',
];

/** Returns a predicate matching elements of one of `types`. */
export function isType<T extends CustomElement['type']>(
  ...types: T[]
): (node: Node) => node is Extract<CustomElement, { type: T }> {
  return (node: Node): node is Extract<CustomElement, { type: T }> =>
    Element.isElement(node) && types.some((type) => type === node.type);
}

/** True for elements whose children are text and inlines. */
export function isTextBlock(node: Node): node is BlockElement {
  return Element.isElement(node) && TEXT_BLOCKS.has(node.type);
}

/** True for bulleted and numbered lists. */
export const isList = isType('bulleted-list', 'numbered-list');

/** True for list items. */
export const isListItem = isType('list-item');

/** True for the heading element types. */
export function isHeadingType(type: string): type is HeadingType {
  return HEADING_TYPES.some((heading) => heading === type);
}
