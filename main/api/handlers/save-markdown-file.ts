/**
 * The one way the app saves a Markdown file it edits: refuse when the file changed on disk since
 * the editor read it (returning theirs, never overwriting), otherwise update the front matter and
 * body and write the file crash-safely.
 */
import { readFile } from 'node:fs/promises';
import type { Document } from 'yaml';
import type { FileVersion, SaveResult } from '../contract.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';
import { assertEditable, composeMarkdown, parseMarkdownFile } from './markdown-file.js';

/**
 * Saves `file` (absolute, already contained in the library) when it is still at `baseVersion`.
 * `update` changes the front matter in place and returns the new Markdown body.
 * `label` names the file in messages, e.g. `understanding-anxiety/course.md`.
 */
export async function saveMarkdownFile(
  context: ApiContext,
  file: string,
  baseVersion: FileVersion,
  label: string,
  update: (frontMatter: Document) => string,
): Promise<SaveResult> {
  return context.serialize(file, async () => {
    const bytes = await readFile(file);
    const current = parseMarkdownFile(bytes.toString('utf8'));
    const version = versionOf(bytes);
    if (version !== baseVersion) {
      return { ok: false, conflict: { theirs: current.text, theirsBody: current.body, version } };
    }
    assertEditable(current, label);
    const text = composeMarkdown(current.doc, update(current.doc));
    await context.writeFile(file, text);
    return { ok: true, version: versionOf(text) };
  });
}
