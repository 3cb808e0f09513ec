/**
 * The editor's document model: Slate's CustomTypes for Tandem's module editor.
 *
 * Top-level blocks remember where they came from (`origin`) so that saving an unedited
 * document gives back the file byte for byte, and an edit changes only the blocks it touched.
 */
import type { BaseEditor } from 'slate';
import type { HistoryEditor } from 'slate-history';
import type { ReactEditor } from 'slate-react';

/** Where a top-level block came from in the Markdown file it was read from. */
export interface BlockOrigin {
  /** The block's exact Markdown, as written in the file. */
  source: string;
  /** Canonical form of the block's content when it was read; a change means it was edited. */
  fingerprint: string;
  /** Position among the file's top-level blocks. */
  index: number;
  /** The text between the previous block (or the start of the file) and this one. */
  before: string;
  /** Set on the file's last block: the text after it up to the end of the file. */
  after?: string;
}

interface BlockBase {
  origin?: BlockOrigin;
}

export interface ParagraphElement extends BlockBase {
  type: 'paragraph';
  children: InlineChild[];
}

export type HeadingType = 'heading-two' | 'heading-three' | 'heading-four';

export interface HeadingElement extends BlockBase {
  type: HeadingType;
  children: InlineChild[];
}

export interface BulletedListElement extends BlockBase {
  type: 'bulleted-list';
  /** Blank lines between items ("loose" list). */
  spread?: boolean;
  /** The bullet character used in the file: `-`, `*` or `+`. */
  marker?: string;
  children: ListItemElement[];
}

export interface NumberedListElement extends BlockBase {
  type: 'numbered-list';
  spread?: boolean;
  /** The number of the first item. */
  start?: number;
  /** The delimiter used in the file: `.` or `)`. */
  marker?: string;
  children: ListItemElement[];
}

export interface ListItemElement extends BlockBase {
  type: 'list-item';
  spread?: boolean;
  children: BlockElement[];
}

export interface BlockQuoteElement extends BlockBase {
  type: 'block-quote';
  children: BlockElement[];
}

export interface ActivityElement extends BlockBase {
  type: 'activity';
  children: BlockElement[];
}

export interface FacilitatorNoteElement extends BlockBase {
  type: 'facilitator-note';
  children: BlockElement[];
}

export interface ImageElement extends BlockBase {
  type: 'image';
  /** Relative to the Markdown file, e.g. `../images/river.svg`. */
  src: string;
  alt: string;
  title?: string | null;
  children: EmptyText[];
}

export type TableAlign = 'left' | 'right' | 'center' | null;

export interface TableElement extends BlockBase {
  type: 'table';
  align: TableAlign[];
  children: TableRowElement[];
}

export interface TableRowElement extends BlockBase {
  type: 'table-row';
  children: TableCellElement[];
}

export interface TableCellElement extends BlockBase {
  type: 'table-cell';
  children: InlineChild[];
}

/**
 * Markdown the editor cannot represent (HTML, code, footnotes, other directives, …), kept
 * exactly as written and shown read-only.
 */
export interface ProtectedElement extends BlockBase {
  type: 'protected';
  /** The verbatim Markdown. */
  source: string;
  /** The parsed node without positions (JSON), used when a surrounding block is re-written. */
  node: string;
  children: EmptyText[];
}

/** An inline construct the editor cannot represent (code span, inline HTML, hard break, …). */
export interface ProtectedInlineElement {
  type: 'protected-inline';
  source: string;
  node: string;
  children: FormattedText[];
}

export interface LinkElement {
  type: 'link';
  url: string;
  title?: string | null;
  children: (FormattedText | ProtectedInlineElement)[];
}

export type BlockElement =
  | ParagraphElement
  | HeadingElement
  | BulletedListElement
  | NumberedListElement
  | ListItemElement
  | BlockQuoteElement
  | ActivityElement
  | FacilitatorNoteElement
  | ImageElement
  | TableElement
  | TableRowElement
  | TableCellElement
  | ProtectedElement;

export type InlineElement = LinkElement | ProtectedInlineElement;

export type CustomElement = BlockElement | InlineElement;

export interface FormattedText {
  text: string;
  bold?: true;
  italic?: true;
}

export type EmptyText = FormattedText;

export type InlineChild = FormattedText | InlineElement;

export type CustomEditor = BaseEditor & ReactEditor & HistoryEditor;

declare module 'slate' {
  interface CustomTypes {
    Editor: CustomEditor;
    Element: CustomElement;
    Text: FormattedText;
  }
}
