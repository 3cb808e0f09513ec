/**
 * Course Markdown → safe HTML for the site, the prospectus and facilitator packs.
 *
 * Every word in a library is untrusted: raw HTML never passes (remark-rehype drops it) and the
 * final tree goes through rehype-sanitize, so no script, event handler or dangerous URL survives
 * whatever the Markdown says.
 */
import type {
  Element,
  Nodes as HastNodes,
  Parents as HastParents,
  Properties,
  Root as HastRoot,
} from 'hast';
import type { Heading, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype, { defaultHandlers, type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified } from 'unified';
import { SKIP } from 'unist-util-visit';
import { walkTree } from '../../format/walk-tree.js';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import type { RenderCache } from './render-cache.js';
import { treeToRender } from './render-copy.js';
import { remarkTandemDirectives } from './directives.js';
import type { Audience } from './directives.js';
import { sanitizeSchema } from './sanitize-schema.js';

/** How to render: for whom, where images go, and how headings fit the page. */
export interface RenderMarkdownOptions {
  /** Students never see `:::facilitator` blocks; facilitators see them as notes. */
  audience: Audience;
  /**
   * Rewrites an image URL as written in the Markdown to the URL to publish; `undefined` drops
   * the image (e.g. a file outside the course's images folder).
   */
  resolveImage?: (src: string) => string | undefined;
  /** Added to every heading level (capped at 6) so the content fits under the page's own headings. */
  headingOffset?: number;
  /**
   * Instead of a fixed offset: shift headings so the highest one used becomes this level
   * (e.g. 2 under a page's h1), whatever level the author started at. Wins over headingOffset.
   */
  topHeadingLevel?: number;
  /** The build's parsed bodies: the Markdown is then copied from its tree, not parsed again. */
  trees?: MarkdownTrees;
  /** Renders kept from earlier builds: an unchanged body is not rendered again. */
  cache?: RenderCache;
}

/** Rendered HTML with a plain-text excerpt, from one pass over the Markdown. */
export interface RenderedMarkdown {
  html: string;
  /** The first top-level paragraph as plain text, for summaries and meta descriptions. */
  firstParagraph: string;
}

/** Per-call settings travel in the VFile so each processor can be built once and reused. */
interface CallData {
  resolveImage?: (src: string) => string | undefined;
  headingOffset: number;
  topHeadingLevel?: number;
  /** Written by the processor: the first paragraph's text. */
  firstParagraph: string;
}

const CALL_DATA_KEY = 'tandemRender';

/** The part of a VFile these plugins use (vfile is a dependency of unified, not of Tandem). */
interface FileWithData {
  data: object;
}

function callData(file: FileWithData): CallData {
  // cast: the key is only ever set by renderMarkdown below, with a CallData value.
  return (file.data as Record<string, unknown>)[CALL_DATA_KEY] as CallData;
}

/** Shifts heading depths by the call's headingOffset (or to its topHeadingLevel). */
function remarkHeadingOffset() {
  return (tree: MdastRoot, file: FileWithData): void => {
    const data = callData(file);
    // One walk finds the headings, for the top level and for the shift.
    const headings: Heading[] = [];
    walkTree<MdastNodes, never>(tree, (node) => {
      if (node.type === 'heading') headings.push(node);
    });
    let headingOffset = data.headingOffset;
    if (data.topHeadingLevel !== undefined) {
      let top = 7;
      for (const node of headings) top = Math.min(top, node.depth);
      headingOffset = top === 7 ? 0 : data.topHeadingLevel - top;
    }
    if (headingOffset === 0) return;
    for (const node of headings) {
      // cast: depth is 1–6 by construction after clamping.
      node.depth = Math.min(6, Math.max(1, node.depth + headingOffset)) as typeof node.depth;
    }
  };
}

/** Rewrites (or drops) every image through the call's resolveImage, covering `![]()` and `![][ref]`. */
function rehypeResolveImages() {
  return (tree: HastRoot, file: FileWithData): void => {
    const { resolveImage } = callData(file);
    walkTree<HastNodes, HastParents>(tree, (node, index, parent) => {
      if (node.type !== 'element' || node.tagName !== 'img') return;
      const src = typeof node.properties.src === 'string' ? node.properties.src : '';
      const resolved = resolveImage ? resolveImage(src) : src;
      if (resolved === undefined || resolved === '') {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        return;
      }
      node.properties.src = resolved;
      node.properties.loading = 'lazy';
      return;
    });
  };
}

/** Keeps the first top-level paragraph's text (after facilitator notes are gone). */
function remarkFirstParagraph() {
  return (tree: MdastRoot, file: FileWithData): void => {
    const first = tree.children.find((node) => node.type === 'paragraph');
    callData(file).firstParagraph = first ? toString(first).replace(/\s+/g, ' ').trim() : '';
  };
}

type Handler = NonNullable<NonNullable<RemarkRehypeOptions['handlers']>['paragraph']>;

/**
 * `handle` with the node's `data.hProperties` (the classes of Tandem's boxes) set on the element
 * directly: mdast-util-to-hast copies them with a structuredClone polyfill, most of what a box
 * costs to render. Only arrays and plain values are ever set there (directives.ts).
 */
function withOwnProperties(handle: Handler): Handler {
  return (state, node, parent) => {
    const properties: Properties | undefined = node.data?.hProperties;
    if (!node.data || !properties) return handle(state, node, parent);
    const data = node.data;
    node.data = { ...data, hProperties: undefined };
    const result = handle(state, node, parent);
    node.data = data;
    if (result && !Array.isArray(result) && result.type === 'element') {
      for (const [key, value] of Object.entries(properties))
        result.properties[key] = Array.isArray(value) ? [...value] : value;
    }
    return result;
  };
}

/** What mdast-util-to-hast does with a node it has no handler for: a `div` of its children. */
const directiveElement: Handler = (state, node) => {
  const children = 'children' in node ? state.all(node) : [];
  const result: Element = { type: 'element', tagName: 'div', properties: {}, children };
  state.patch(node, result);
  return state.applyData(node, result);
};

const rehypeHandlers = {
  paragraph: withOwnProperties(defaultHandlers.paragraph),
  containerDirective: withOwnProperties(directiveElement),
  leafDirective: withOwnProperties(directiveElement),
};

/** Runs on trees from parseLibraryMarkdown (CommonMark, GFM, directives), which it changes. */
function createProcessor(audience: Audience) {
  return (
    unified()
      .use(remarkTandemDirectives, { audience })
      .use(remarkHeadingOffset)
      .use(remarkFirstParagraph)
      // No allowDangerousHtml: raw HTML in course text is dropped here.
      .use(remarkRehype, { handlers: rehypeHandlers })
      .use(rehypeResolveImages)
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeStringify)
      .freeze()
  );
}

type MarkdownProcessor = ReturnType<typeof createProcessor>;
const processors = new Map<Audience, MarkdownProcessor>();

function processorFor(audience: Audience): MarkdownProcessor {
  let processor = processors.get(audience);
  if (!processor) {
    processor = createProcessor(audience);
    processors.set(audience, processor);
  }
  return processor;
}

/** Renders untrusted course Markdown to sanitized HTML and a plain-text excerpt in one pass. */
export function renderMarkdownDocument(
  markdown: string,
  options: RenderMarkdownOptions,
): RenderedMarkdown {
  if (options.cache) {
    return options.cache.render(markdown, options, (o) =>
      renderMarkdownDocument(markdown, { ...o, cache: undefined }),
    );
  }
  const data: CallData = {
    resolveImage: options.resolveImage,
    headingOffset: options.headingOffset ?? 0,
    topHeadingLevel: options.topHeadingLevel,
    firstParagraph: '',
  };
  const processor = processorFor(options.audience);
  const file = { value: markdown, data: { [CALL_DATA_KEY]: data } };
  const tree = treeToRender(markdown, options.trees);
  const html = processor.stringify(processor.runSync(tree, file), file);
  return { html, firstParagraph: data.firstParagraph };
}

/** Renders untrusted course Markdown to sanitized HTML (synchronous; processors are reused). */
export function renderMarkdown(markdown: string, options: RenderMarkdownOptions): string {
  return renderMarkdownDocument(markdown, options).html;
}
