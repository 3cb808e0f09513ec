/**
 * The course search of the student site, with no server: a MiniSearch index written here
 * (search-index-json.ts) and shipped as an ordinary script (`assets/search-index.js`), so
 * search works from file:// and under any sub-path, where browsers refuse fetch() and WebAssembly. Only student text is
 * indexed: `:::facilitator` notes are removed before the text is read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { parseLibraryMarkdown } from '../../format/parse-library-markdown.js';
import type { MarkdownTrees } from '../../library/markdown-trees.js';
import type { Course } from '../../library/types.js';
import { formatLongDate } from '../format-dates.js';
import { remarkTandemDirectives } from '../markdown/directives.js';
import { truncateWords } from '../markdown/plain-text.js';
import { RecentValues } from '../../library/recent-values.js';
import type { RenderCache } from '../markdown/render-cache.js';
import {
  fieldTerms,
  searchIndexJson,
  type FieldTerms,
  type IndexedDocument,
} from './search-index-json.js';
import type { SiteModel } from './site-model.js';
import { sitePaths } from './site-paths.js';

/** One course as the index sees it; the stored fields are what a result shows. */
export interface SearchDocument {
  id: string;
  title: string;
  summary: string;
  outcomes: string;
  tags: string;
  text: string;
  /** Stored: category title, site path, next date and a snippet. */
  category: string;
  path: string;
  next: string;
  snippet: string;
}

/** Indexed and stored fields; the page script loads the index with the same lists. */
export const SEARCH_FIELDS = ['title', 'summary', 'outcomes', 'tags', 'text'] as const;
export const SEARCH_STORE_FIELDS = ['title', 'category', 'path', 'next', 'snippet'] as const;

/**
 * The student pages' directive rules, run on a tree of the one library Markdown parser: the
 * transformer itself, called directly (a unified processor adds a file and a pipeline per body).
 */
const studentRules = remarkTandemDirectives({ audience: 'student' });

/** The nodes whose text is read as one block each. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'code', 'tableCell']);

/**
 * The words a student reads in `markdown`: facilitator notes removed, markup dropped. With
 * `trees`, the build's parsed tree of the body is copied instead of parsing it again.
 */
export function studentText(markdown: string, trees?: MarkdownTrees): string {
  const tree = trees ? trees.copy(markdown) : parseLibraryMarkdown(markdown);
  studentRules(tree, { value: markdown });
  // Each block on its own, so words of adjacent paragraphs are not run together.
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (TEXT_BLOCKS.has(node.type)) {
      blocks.push(toString(node, { includeImageAlt: true }));
      return SKIP;
    }
    return undefined;
  });
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

/** "Starts Monday 18 January 2027", or that it is not running this term. */
function nextDate(model: SiteModel, course: Course): string {
  const first = model.runsByCourse.get(course.id)?.[0]?.sessions[0];
  return first ? `Starts ${formatLongDate(first.date)}` : `Not running in ${model.ctx.term.title}`;
}

/** The words of a body, from the build's cache when an earlier build read the same text. */
function cachedStudentText(model: SiteModel, markdown: string): string {
  const read = () => studentText(markdown, model.ctx.markdownTrees);
  return model.renderCache ? model.renderCache.derived(['student-text', markdown], read) : read();
}

/** The documents of every published course, in publishing order. */
export function searchDocuments(model: SiteModel): SearchDocument[] {
  return model.ctx.courses.map((course) => ({
    id: course.id,
    title: course.title,
    summary: course.summary,
    outcomes: course.outcomes.join(' '),
    tags: course.tags.join(' '),
    text: [
      course.audience,
      cachedStudentText(model, course.body),
      ...course.modules.flatMap((m) => [m.title, cachedStudentText(model, m.body)]),
    ].join(' '),
    category: model.categoryTitles.get(course.category) ?? '',
    path: sitePaths.course(course.id),
    next: nextDate(model, course),
    snippet: truncateWords(course.summary, 200),
  }));
}

/**
 * Term counts read back from the cache lately, by the kept text: a watched rebuild reads the
 * same few megabytes of counts after every save.
 */
const readTerms = new RecentValues<string, FieldTerms[]>(64 * 1024 * 1024);

/** The counts in a kept text (which the cache vouches for). */
function keptTerms(kept: string): FieldTerms[] {
  let terms = readTerms.get(kept, kept.length);
  if (!terms) {
    terms = JSON.parse(kept) as FieldTerms[]; // cast: what `count` below kept
    readTerms.set(kept, terms, kept.length);
  }
  return terms;
}

/** The index's view of one document: each indexed field's terms, from the cache when it can. */
function indexedDocument(doc: SearchDocument, cache: RenderCache | undefined): IndexedDocument {
  const texts = SEARCH_FIELDS.map((field) => doc[field]);
  // Counted now, the counts themselves are used; only kept ones are read back from JSON.
  let counted: FieldTerms[] | undefined;
  const count = () => JSON.stringify((counted = texts.map(fieldTerms)));
  const kept = cache ? cache.derived(['search-terms', texts], count) : count();
  const fields = counted ?? keptTerms(kept);
  return {
    id: doc.id,
    fields,
    stored: Object.fromEntries(SEARCH_STORE_FIELDS.map((field) => [field, doc[field]])),
  };
}

/**
 * `assets/search-index.js`: the serialised index assigned to `window.tandemSearch`. It is
 * loaded with `<script src>`, never inlined in HTML, so course text cannot end a script
 * element; JSON is valid JavaScript. `cache`: the build's, which keeps each document's terms.
 */
export function searchIndexScript(documents: SearchDocument[], cache?: RenderCache): string {
  const index = searchIndexJson(
    SEARCH_FIELDS,
    documents.map((doc) => indexedDocument(doc, cache)),
  );
  const fields = JSON.stringify(SEARCH_FIELDS);
  const storeFields = JSON.stringify(SEARCH_STORE_FIELDS);
  return `// The course search index, written by Tandem for search.html.\nwindow.tandemSearch = {"fields":${fields},"storeFields":${storeFields},"index":${index}};\n`;
}

const require = createRequire(import.meta.url);

/** MiniSearch's browser build, for `assets/minisearch.js` (without its source-map comment). */
export function miniSearchBrowserScript(): string {
  const umd = path.join(path.dirname(require.resolve('minisearch')), '../umd/index.js');
  return readFileSync(umd, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}
