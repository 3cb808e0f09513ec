/** Loads a library for a sign-off command, or explains in plain words why it cannot. */
import path from 'node:path';
import { loadLibrary } from '../library/load-library.js';
import type { Library, Problem } from '../library/types.js';
import { formatProblem } from '../format/problems.js';

export interface OpenedLibrary {
  library: Library;
  problems: Problem[];
}

/** Loads `dir` (relative to the working directory); throws when it cannot be used at all. */
export async function openLibrary(dir: string): Promise<OpenedLibrary> {
  const root = path.resolve(dir);
  const { library, problems } = await loadLibrary(root);
  if (!library) {
    const lines = problems
      .filter((p) => p.severity === 'error')
      .slice(0, 10)
      .map((p) => formatProblem(p));
    throw new Error(`The library in ${root} cannot be opened:\n${lines.join('\n')}`);
  }
  return { library, problems };
}
