/**
 * The college's front pages: `pages/<slug>.md`. The slug is the page's id (the site links to
 * it, so it never changes once made); the `order` field sets where it appears, so reordering
 * rewrites only the `order` line of the pages that move.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Document, isScalar } from 'yaml';
import type {
  DeletedPage,
  NewPage,
  PageDocument,
  PageList,
  PageRef,
  SavePageRequest,
  SaveResult,
} from '../contract.js';
import { ID_PATTERN } from '../../format/ids.js';
import { resolveInside } from '../../fs/resolve-inside.js';
import { linkMessage, linkOnPath } from '../../fs/symbolic-links.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';
import { assertEditable, composeMarkdown, parseMarkdownFile, setFields } from './markdown-file.js';
import { listPictures } from './picture-handlers.js';
import { saveMarkdownFile } from './save-markdown-file.js';

/** The library folder of the front pages (docs/library-format.md). */
export const PAGES_FOLDER = 'pages';

/** Absolute path of `pages/<slug>.md`, refusing ids that are not slugs and links on the way. */
async function pagePath(context: ApiContext, slug: string): Promise<string> {
  if (!ID_PATTERN.test(slug)) {
    throw new TandemApiError('invalid-argument', `"${slug}" is not a page id.`);
  }
  const relative = `${PAGES_FOLDER}/${slug}.md`;
  const link = await linkOnPath(context.root, relative);
  if (link !== undefined) throw new TandemApiError('forbidden', `${linkMessage(link)}.`);
  return resolveInside(context.root, relative);
}

function pageRefFrom(slug: string, data: Record<string, unknown>): PageRef {
  const title = typeof data.title === 'string' && data.title.trim() ? data.title : slug;
  const order = typeof data.order === 'number' ? data.order : undefined;
  return order === undefined ? { slug, title } : { slug, title, order };
}

/** Every page with a usable file name, in the order the prospectus shows them. */
async function readPageRefs(context: ApiContext): Promise<PageRef[]> {
  const folder = path.join(context.root, PAGES_FOLDER);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const refs: PageRef[] = [];
  for (const entry of entries) {
    const slug = entry.name.slice(0, -'.md'.length);
    if (!entry.isFile() || !entry.name.endsWith('.md') || !ID_PATTERN.test(slug)) continue;
    const text = await readFile(path.join(folder, entry.name), 'utf8').catch(() => undefined);
    if (text !== undefined) refs.push(pageRefFrom(slug, parseMarkdownFile(text).data));
  }
  // As load-pages.ts sorts them; a page without an order comes last, for `tandem check` to name.
  const rank = (ref: PageRef) => ref.order ?? Number.POSITIVE_INFINITY;
  return refs.sort((a, b) => rank(a) - rank(b) || (a.slug < b.slug ? -1 : 1));
}

/** The pages in order, and the pictures of images/ they can show. */
export async function listPages(context: ApiContext): Promise<PageList> {
  const [pages, pictures] = await Promise.all([readPageRefs(context), listPictures(context)]);
  return { pages, pictures };
}

/** Reads one page for the editor. */
export async function readPage(context: ApiContext, slug: string): Promise<PageDocument> {
  const bytes = await readFile(await pagePath(context, slug)).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new TandemApiError('not-found', `There is no page "${slug}" in this library.`);
    }
    throw error;
  });
  const parsed = parseMarkdownFile(bytes.toString('utf8'));
  return { ...pageRefFrom(slug, parsed.data), body: parsed.body, version: versionOf(bytes) };
}

/** Saves a page's title and text, unless the file changed on disk since it was read. */
export async function savePage(context: ApiContext, request: SavePageRequest): Promise<SaveResult> {
  const file = await pagePath(context, request.slug);
  return saveMarkdownFile(context, file, request.baseVersion, `pages/${request.slug}.md`, (doc) => {
    setFields(doc, { title: request.title.trim() });
    return request.body;
  });
}

async function exists(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined)) !== undefined;
}

/** One after the highest order in use, so a new or restored page comes last. */
async function nextOrder(context: ApiContext): Promise<number> {
  const orders = (await readPageRefs(context)).map((ref) => ref.order ?? 0);
  return Math.floor(Math.max(0, ...orders)) + 1;
}

/** Adds an empty page after the last one. */
export async function addPage(context: ApiContext, page: NewPage): Promise<PageRef> {
  const folder = await resolveInside(context.root, PAGES_FOLDER);
  return context.serialize(folder, async () => {
    const file = await pagePath(context, page.slug);
    if (await exists(file)) {
      throw new TandemApiError(
        'conflict',
        `There is already a page with the id "${page.slug}" (pages/${page.slug}.md); choose another id.`,
      );
    }
    const doc = new Document({ title: page.title.trim(), order: await nextOrder(context) });
    await mkdir(folder, { recursive: true });
    await context.writeFile(file, composeMarkdown(doc, ''));
    return pageRefFrom(page.slug, doc.toJS() as Record<string, unknown>); // cast: made just above from an object
  });
}

/**
 * Numbers the pages 1, 2, 3… in the order given, rewriting only the `order` of those whose
 * number changes. `slugs` must name exactly the pages on disk now.
 */
export async function reorderPages(context: ApiContext, slugs: string[]): Promise<PageRef[]> {
  const folder = await resolveInside(context.root, PAGES_FOLDER);
  return context.serialize(folder, async () => {
    const current = (await readPageRefs(context)).map((ref) => ref.slug);
    const same =
      new Set(slugs).size === slugs.length &&
      [...slugs].sort().join('\n') === [...current].sort().join('\n');
    if (!same) {
      throw new TandemApiError(
        'conflict',
        'The pages on disk are not the ones listed (they may have changed); reload and try again.',
      );
    }
    // Every file is checked before any is written, so a page that cannot be edited changes nothing.
    const edits = await Promise.all(
      slugs.map(async (slug, index) => {
        const file = await pagePath(context, slug);
        const parsed = parseMarkdownFile(await readFile(file, 'utf8'));
        assertEditable(parsed, `pages/${slug}.md`);
        return { file, parsed, order: index + 1 };
      }),
    );
    for (const { file, parsed, order } of edits) {
      if (parsed.data.order === order) continue;
      const node: unknown = parsed.doc.get('order', true);
      // The number's own node keeps any comment written beside it.
      if (isScalar(node)) node.value = order;
      else parsed.doc.set('order', order);
      await context.writeFile(file, composeMarkdown(parsed.doc, parsed.body));
    }
    return readPageRefs(context);
  });
}

/** Deletes a page and hands back its file so the UI can offer Undo. */
export async function deletePage(context: ApiContext, slug: string): Promise<DeletedPage> {
  const folder = await resolveInside(context.root, PAGES_FOLDER);
  return context.serialize(folder, async () => {
    const file = await pagePath(context, slug);
    const content = await readFile(file, 'utf8');
    const page = pageRefFrom(slug, parseMarkdownFile(content).data);
    context.ownWrites.removed(file);
    await unlink(file);
    return { page, content };
  });
}

/** Puts a deleted page back under its id, or `<id>-2`… when a new page took that id meanwhile. */
export async function restorePage(context: ApiContext, deleted: DeletedPage): Promise<PageRef> {
  const folder = await resolveInside(context.root, PAGES_FOLDER);
  return context.serialize(folder, async () => {
    await mkdir(folder, { recursive: true });
    for (let n = 1; n < 100; n++) {
      const slug = n === 1 ? deleted.page.slug : `${deleted.page.slug}-${n}`;
      const file = await pagePath(context, slug);
      if (await exists(file)) continue;
      await context.writeFile(file, deleted.content);
      return pageRefFrom(slug, parseMarkdownFile(deleted.content).data);
    }
    throw new TandemApiError(
      'failed',
      `pages/ already has too many pages named ${deleted.page.slug}.`,
    );
  });
}
