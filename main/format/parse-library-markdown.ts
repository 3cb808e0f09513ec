/**
 * Parses library Markdown into mdast the way remark-parse with remark-gfm and remark-directive
 * does, with the same extensions in the same order, but leaves out each GFM construct a text
 * cannot contain. Most of a GFM parse is spent trying constructs that never match: the email
 * autolink literal is tried at every letter and digit, the table at every line. A construct is
 * left out only when a character it always needs is missing from the whole text, so the tree
 * is the same as with every construct on (tests/library/parse-library-markdown.test.ts). The
 * autolink-literal tree transform, which walks every text node, is left out the same way.
 */
import type { Root } from 'mdast';
import { directiveFromMarkdown, directiveToMarkdown } from 'mdast-util-directive';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown, gfmToMarkdown } from 'mdast-util-gfm';
import type { Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { directive } from 'micromark-extension-directive';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import { literalTextDirectives } from './remark-literal-text-directives.js';

type AutolinkName = 'emailAutolink' | 'wwwAutolink' | 'protocolAutolink';

/** What each autolink literal needs: an `@`, `www.` (any case) or `://`. */
const autolinkNeeds: Record<AutolinkName, (text: string) => boolean> = {
  emailAutolink: (text) => text.includes('@'),
  wwwAutolink: (text) => /www\./i.test(text),
  protocolAutolink: (text) => text.includes('://'),
};

/** The autolink-literal extension with only the literals named in `keep`. */
function autolinkLiterals(keep: ReadonlySet<AutolinkName>): Extension {
  const full = gfmAutolinkLiteral().text ?? {};
  const text: ConstructRecord = {};
  for (const [code, constructs] of Object.entries(full)) {
    const list = (Array.isArray(constructs) ? constructs : [constructs]) as Construct[];
    const kept = list.filter((c) => keep.has(c.name as AutolinkName));
    if (kept.length > 0) text[Number(code)] = kept.length === 1 ? kept[0] : kept;
  }
  return { text };
}

/**
 * Whether the autolink-literal tree transform can find anything in `text`. It reads the text
 * nodes, where `\@` and `&#64;` are already `@`: without a backslash or an ampersand every
 * text node is a piece of the source, so a literal needs its `@`, `www.` or `://` there.
 */
function mayHoldAutolinkLiteral(text: string): boolean {
  return /[@&\\]|:\/\/|www\./i.test(text);
}

/** remark-gfm's mdast extensions, without the autolink-literal transform when `literals` is false. */
function gfmMdastExtensions(literals: boolean) {
  return gfmFromMarkdown().map((extension) => {
    if (literals || !extension.enter || !('literalAutolink' in extension.enter)) return extension;
    // The transform walks every text node with four regular expressions: a fifth of a parse.
    return { ...extension, transforms: [] };
  });
}

const mdastExtensions = {
  withLiterals: [gfmMdastExtensions(true), directiveFromMarkdown()],
  withoutLiterals: [gfmMdastExtensions(false), directiveFromMarkdown()],
};
const always = { taskList: gfmTaskListItem(), directive: directive() };
const optional = {
  footnote: { needs: (text: string) => text.includes('[^'), extension: gfmFootnote() },
  // remark-gfm's default: `~one~` and `~~two~~` both strike through.
  strikethrough: { needs: (text: string) => text.includes('~'), extension: gfmStrikethrough() },
  table: { needs: (text: string) => text.includes('|'), extension: gfmTable() },
};

/** Built once per combination of autolink literals a text needs (at most eight). */
const autolinkCache = new Map<string, Extension>();

function extensionsFor(text: string): Extension[] {
  const keep = new Set(
    (Object.keys(autolinkNeeds) as AutolinkName[]).filter((name) => autolinkNeeds[name](text)),
  );
  const key = [...keep].join(',');
  let autolink = autolinkCache.get(key);
  if (!autolink) {
    autolink = autolinkLiterals(keep);
    autolinkCache.set(key, autolink);
  }
  // The order of remark-gfm (autolink, footnote, strikethrough, table, task list), then directives.
  const extensions: Extension[] = [autolink];
  if (optional.footnote.needs(text)) extensions.push(optional.footnote.extension);
  if (optional.strikethrough.needs(text)) extensions.push(optional.strikethrough.extension);
  if (optional.table.needs(text)) extensions.push(optional.table.extension);
  extensions.push(always.taskList, always.directive);
  return extensions;
}

/** The mdast of library Markdown: CommonMark, GFM and directives, as remark reads it. */
export function parseLibraryMarkdown(text: string): Root {
  return fromMarkdown(text, {
    extensions: extensionsFor(text),
    mdastExtensions: mayHoldAutolinkLiteral(text)
      ? mdastExtensions.withLiterals
      : mdastExtensions.withoutLiterals,
  });
}

/**
 * Library Markdown as prose: the same tree with every inline directive put back as the text it
 * was written as (`10:30`, `3:2`, `Note:this`), for pipelines with no directive rules of their own.
 */
export function parseMarkdown(text: string): Root {
  return literalTextDirectives(parseLibraryMarkdown(text), text);
}

/**
 * Library Markdown for editing: as in `parseMarkdown`, a bare `:word` in prose (`10:30`, `3:2`,
 * `Note:this`) is text. What is written as a directive stays one, so the editor keeps it as
 * written: a label or attributes (a facilitator note `:facilitator[…]`, `:abbr[RC]{…}`), or a
 * colon just before it (`\::note`, someone's escaped directive marker).
 */
export function parseEditableMarkdown(text: string): Root {
  return literalTextDirectives(parseLibraryMarkdown(text), text, (node) => {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    return end - start > node.name.length + 1 || text[start - 1] === ':';
  });
}

/** What mdast-util-to-markdown needs to write the dialect back: GFM, then directives (remark's order). */
export const libraryMarkdownExtensions: NonNullable<ToMarkdownOptions['extensions']> = [
  gfmToMarkdown(),
  directiveToMarkdown(),
];
