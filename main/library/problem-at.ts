/** Builds a Problem located at a value in a parsed YAML source. */
import { positionAt } from './read-yaml-file.js';
import type { YamlSource } from './read-yaml-file.js';
import type { Problem } from './types.js';

/** A problem at the YAML node found by `path` (see `positionAt`). */
export function problemAt(
  source: YamlSource,
  path: readonly PropertyKey[],
  code: string,
  message: string,
  severity: Problem['severity'] = 'error',
  at: 'value' | 'key' = 'value',
): Problem {
  return { file: source.file, ...positionAt(source, path, at), message, severity, code };
}

/** A problem about a whole file, at line 1, column 1. */
export function fileProblem(
  file: string,
  code: string,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file, line: 1, column: 1, message, severity, code };
}
