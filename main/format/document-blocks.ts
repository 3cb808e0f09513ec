/**
 * Which of Tandem's own blocks each kind of document offers in the editor. An activity and a
 * facilitator note belong to a module's session plan; a front page (welcome, how to enrol) is
 * read by students as it stands, so the page editor offers neither.
 */
export type DocumentKind = 'module' | 'page';

/** A block of the editor, named as the Slate element it becomes. */
export type TandemBlock = 'activity' | 'facilitator-note';

const BLOCKS: Record<DocumentKind, readonly TandemBlock[]> = {
  module: ['activity', 'facilitator-note'],
  page: [],
};

/** The Tandem blocks a document of `kind` may hold. */
export function blocksFor(kind: DocumentKind): readonly TandemBlock[] {
  return BLOCKS[kind];
}
