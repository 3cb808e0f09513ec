/** Builds a Problem located at a value in a parsed YAML source. */
import { positionAt, positionsAt } from './read-yaml-file.js';
import type { DataPath, YamlSource } from './read-yaml-file.js';
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

/** A problem to report at a value of a YAML source. */
export interface ProblemFound {
  path: DataPath;
  code: string;
  message: string;
  severity: Problem['severity'];
}

/**
 * Problems at several values of one source, located together: a text whose problems an
 * earlier run located already is not parsed again for them (see positionsAt).
 */
export function problemsAt(source: YamlSource, found: readonly ProblemFound[]): Problem[] {
  if (found.length === 0) return [];
  const positions = positionsAt(
    source,
    found.map((f) => f.path),
  );
  return found.map(({ code, message, severity }, i) => ({
    file: source.file,
    // cast: positionsAt gives one position per path.
    ...(positions[i] as { line: number; column: number }),
    message,
    severity,
    code,
  }));
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
