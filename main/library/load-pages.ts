/** Loads pages/<slug>.md: the front pages of the prospectus and site. */
import { parseFrontMatter } from './front-matter.js';
import { kebabFileNameProblem } from './problem-at.js';
import { LibraryFiles } from './read-library-file.js';
import { checkSchema } from './schema-problems.js';
import { pageSchema } from './schemas.js';
import type { MarkdownFile } from './check-markdown.js';
import type { Page, Problem } from './types.js';

export interface LoadedPages {
  /** Sorted by order, then slug. */
  pages: Page[];
  /** Bodies to check for Markdown problems, including pages that could not be used. */
  markdown: MarkdownFile[];
  problems: Problem[];
}

/** Reads every pages/*.md file. A broken page is left out; the others still load. */
export async function loadPages(from: string | LibraryFiles): Promise<LoadedPages> {
  const files = LibraryFiles.of(from);
  const result: LoadedPages = { pages: [], markdown: [], problems: [] };
  for (const entry of await files.list('pages')) {
    if (entry.name.startsWith('.') || !entry.isFile || !entry.name.endsWith('.md')) continue;
    const slug = entry.name.slice(0, -'.md'.length);
    const file = `pages/${entry.name}`;
    const read = await files.read(file);
    if (read.problem) {
      result.problems.push(read.problem);
      continue;
    }
    const parsed = parseFrontMatter(read.text, file, files.derived);
    result.problems.push(...parsed.problems);
    if (parsed.source) {
      result.markdown.push({ file, body: parsed.body, bodyLine: parsed.bodyLine, imageFolder: '' });
    }
    const nameProblem = kebabFileNameProblem(file, 'page-file-name', 'page', slug, 'how-to-enrol');
    if (nameProblem) result.problems.push(nameProblem);
    const usable = parsed.source !== undefined && parsed.data !== undefined && !nameProblem;
    if (!parsed.source || parsed.data === undefined) continue;
    const checked = checkSchema(pageSchema, parsed.data, parsed.source);
    result.problems.push(...checked.problems);
    if (!checked.value || !usable) continue;
    result.pages.push({
      slug,
      file,
      title: checked.value.title,
      order: checked.value.order,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
    });
  }
  result.pages.sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : 1));
  return result;
}
