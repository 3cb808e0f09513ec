/** Reads one YAML file of the library and checks it against its schema, gathering every problem. */
import type { z } from 'zod';
import type { LibraryFiles } from './read-library-file.js';
import { parseYaml, type YamlSource } from './read-yaml-file.js';
import { checkSchema } from './schema-problems.js';
import type { Problem } from './types.js';

/** What loading one of the library's own YAML files reports beside its model. */
export interface LoadedYamlFile {
  /** There whenever the file parsed, so later checks can point into it. */
  source: YamlSource | undefined;
  problems: Problem[];
}

export type CheckedYaml<T> =
  | { value: T; source: YamlSource; problems: Problem[] }
  | { value: undefined; source: YamlSource | undefined; problems: Problem[] };

/**
 * `file` read (with `missing` as the problem when it is not there), parsed and checked; `value`
 * is undefined when the file cannot be used, and `source` is there whenever it parsed.
 */
export async function readCheckedYaml<T>(
  files: LibraryFiles,
  file: string,
  missing: string,
  schema: z.ZodType<T>,
): Promise<CheckedYaml<T>> {
  const read = await files.read(file, missing);
  if (read.problem) return { value: undefined, source: undefined, problems: [read.problem] };
  const parsed = parseYaml(read.text, file, 0, files.derived);
  if (parsed.data === undefined) {
    return { value: undefined, source: parsed.source, problems: parsed.problems };
  }
  const checked = checkSchema(schema, parsed.data, parsed.source);
  const problems = [...parsed.problems, ...checked.problems];
  if (checked.value === undefined) return { value: undefined, source: parsed.source, problems };
  return { value: checked.value, source: parsed.source, problems };
}
