/**
 * A planning file's own text, for fixing a YAML syntax error in place: read with the plain
 * explanation of its first error, and saved whole (crash-safe, refused when the file changed on
 * disk since it was read) once it reads as YAML again. Only the library's YAML files qualify.
 */
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { SaveResult, YamlSource, YamlSourceSave } from '../contract.js';
import { YAML_SOURCE_PATTERN, explainYamlSyntaxError } from '../../format/yaml-syntax-message.js';
import { readLibraryFile } from '../../library/read-library-file.js';
import { TandemApiError } from '../api-error.js';
import { versionOf } from '../own-writes.js';
import type { ApiContext } from './api-context.js';

function syntaxProblem(text: string): YamlSource['problem'] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = doc.errors[0];
  if (!error) return undefined;
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return explainYamlSyntaxError(text, {
    code: error.code,
    message: error.message,
    line,
    column: col,
  });
}

async function readText(context: ApiContext, file: string): Promise<string> {
  if (!YAML_SOURCE_PATTERN.test(file)) {
    throw new TandemApiError('invalid-argument', `${file} is not a file Tandem edits as text.`);
  }
  const read = await readLibraryFile(context.root, file);
  if (read.text === undefined) throw new TandemApiError('not-found', read.problem.message);
  return read.text;
}

/** The text of `file`, its version and the explanation of its first syntax error, if any. */
export async function readYamlSource(context: ApiContext, file: string): Promise<YamlSource> {
  const text = await readText(context, file);
  const problem = syntaxProblem(text);
  return { file, text, version: versionOf(text), ...(problem && { problem }) };
}

/** Saves the person's text unless the file changed meanwhile or the text is still not YAML. */
export async function saveYamlSource(
  context: ApiContext,
  request: YamlSourceSave,
): Promise<SaveResult> {
  const absolute = path.join(context.root, ...request.file.split('/'));
  return context.serialize(absolute, async () => {
    const current = await readText(context, request.file);
    const version = versionOf(current);
    if (version !== request.baseVersion) {
      return { ok: false, conflict: { theirs: current, theirsBody: current, version } };
    }
    const problem = syntaxProblem(request.text);
    if (problem) {
      throw new TandemApiError(
        'invalid-argument',
        `${request.file} was not saved: line ${problem.line}: ${problem.message}`,
      );
    }
    await context.writeFile(absolute, request.text);
    return { ok: true, version: versionOf(request.text) };
  });
}
