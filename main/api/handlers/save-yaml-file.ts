/**
 * The one way the app saves a YAML file it edits (term, college.yml, trainers.yml): refuse when
 * the file changed on disk since it was read (returning theirs, never overwriting), check the
 * result has the file's shape, and write only the lines that changed, crash-safely.
 */
import { readFile } from 'node:fs/promises';
import type { Document } from 'yaml';
import type { z } from 'zod';
import type { FileVersion, SaveResult } from '../contract.js';
import { parseYaml } from '../../library/read-yaml-file.js';
import { checkSchema } from '../../library/schema-problems.js';
import { YamlSyntaxError, editYamlText } from '../../planning/edit-yaml-text.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';

/**
 * Saves `file` (absolute, inside the library) when it is still at `baseVersion`. `label` is its
 * library-relative path, for messages; `edit` changes the parsed document in place.
 */
export async function saveYamlFile(
  context: ApiContext,
  file: string,
  label: string,
  baseVersion: FileVersion,
  schema: z.ZodType,
  edit: (doc: Document) => void,
): Promise<SaveResult> {
  return context.serialize(file, async () => {
    const bytes = await readFile(file);
    const version = versionOf(bytes);
    const current = bytes.toString('utf8');
    if (version !== baseVersion) {
      return { ok: false, conflict: { theirs: current, theirsBody: current, version } };
    }
    const text = editTextOrRefuse(current, label, edit);
    if (text === current) return { ok: true, version };
    const parsed = parseYaml(text, label);
    const problems = checkSchema(schema, parsed.data, parsed.source).problems.filter(
      (problem) => problem.severity === 'error',
    );
    if (problems.length > 0 || parsed.data === undefined) {
      const reasons = problems.map((p) => `line ${p.line}: ${p.message}`).join('; ');
      throw new TandemApiError('invalid-argument', `${label} was not changed: ${reasons}`);
    }
    await context.writeFile(file, text);
    return { ok: true, version: versionOf(text) };
  });
}

/** `editYamlText`, with a file people must fix first reported as a conflict-free refusal. */
export function editTextOrRefuse(text: string, label: string, edit: (doc: Document) => void) {
  try {
    return editYamlText(text, label, edit);
  } catch (error) {
    if (error instanceof YamlSyntaxError) throw new TandemApiError('failed', error.message);
    throw error;
  }
}
