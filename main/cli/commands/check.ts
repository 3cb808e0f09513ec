/**
 * `tandem check [library]`: loads a library and prints every problem as
 * `path:line:column: severity: message`, with paths relative to the current folder so that
 * editors and terminals turn them into links. Exits with 1 when there is any error.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { formatProblemWithSeverity } from '../../library/format-problem.js';
import { loadLibrary } from '../../library/load-library.js';
import type { LoadResult, Problem } from '../../library/types.js';
import { writeErr, writeJson, writeOut } from '../output.js';

interface CheckOptions {
  json?: boolean;
}

/** Registers `tandem check` on the program. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('Check a course library for problems and list each one with its file and line.')
    .argument('[library]', 'the library folder', './courses')
    .option('--json', 'print the problems as JSON for other tools')
    .action(async (library: string, options: CheckOptions) => {
      process.exitCode = await runCheck(library, options);
    });
}

/** Runs the check and prints the report; returns the exit code (0 clean or warnings only, 1 errors). */
export async function runCheck(library: string, options: CheckOptions = {}): Promise<number> {
  const root = path.resolve(library);
  if (!(await isDirectory(root))) {
    writeErr(`tandem check: there is no library folder at ${library}\n`);
    return 1;
  }
  const result = await loadLibrary(root);
  const located = result.problems.map((problem) => ({
    ...problem,
    path: displayPath(path.join(root, problem.file)),
  }));
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  if (options.json) {
    writeJson({ problems: located });
  } else {
    for (const problem of located)
      writeOut(`${formatProblemWithSeverity(problem, problem.path)}\n`);
    writeOut(`${summaryLine(result)}\n`);
  }
  return errors > 0 ? 1 : 0;
}

/** `12 courses, 3 terms: no problems` or `12 courses, 3 terms: 2 errors, 1 warning`. */
export function summaryLine(result: LoadResult): string {
  const count = (severity: Problem['severity']) =>
    result.problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const found =
    errors + warnings === 0
      ? 'no problems'
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  if (!result.library) {
    return `nothing can be published until college.yml and trainers.yml can be read: ${found}`;
  }
  const { courses, terms } = result.library;
  return `${plural(courses.length, 'course')}, ${plural(terms.length, 'term')}: ${found}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function isDirectory(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** Relative to the current folder when inside it (short, clickable), otherwise absolute. */
function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}
