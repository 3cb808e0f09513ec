/** Builds a Problem located at a value in a parsed YAML source. */
import { positionAt } from './read-yaml-file.js';
import type { YamlSource } from './read-yaml-file.js';
import { isKebabCase } from '../format/ids.js';
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

/**
 * The problem of a page or term whose file name is not kebab-case (its name is its id), or
 * undefined when the name is fine.
 */
export function kebabFileNameProblem(
  file: string,
  code: string,
  kind: 'page' | 'term',
  name: string,
  example: string,
): Problem | undefined {
  if (isKebabCase(name)) return undefined;
  return fileProblem(
    file,
    code,
    `${kind} file name "${name}" must be lower-case words joined by hyphens, like ${example}`,
  );
}
