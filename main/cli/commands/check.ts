/**
 * `tandem check [library]`: loads a library and prints every problem as
 * `path:line:column: severity: message`, with paths relative to the current folder so that
 * editors and terminals turn them into links, then the writing suggestions as
 * `path:line:column: [rule] message (suggestion)`. Exits with 1 when there is any error;
 * information (runs of courses not ready to publish) and writing suggestions never change
 * the exit code.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import type { LanguageProblem } from '../../language/check-library-language.js';
import { formatLanguageProblem } from '../../language/format-language-problem.js';
import { formatProblemWithSeverity } from '../../format/problems.js';
import { sortProblems } from '../../library/sort-problems.js';
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
  const [
    { openCheckCache },
    { loadLibrary },
    { loadLanguageSettings },
    { checkRunReadiness },
    { checkLibraryLanguage },
  ] = await Promise.all([
    import('../check-cache.js'),
    import('../../library/load-library.js'),
    import('../../language/language-file.js'),
    import('../../signoff/run-readiness.js'),
    import('../../language/check-library-language.js'),
  ]);
  const cache = await openCheckCache(root);
  const [result, language] = await Promise.all([
    loadLibrary(root, undefined, cache),
    loadLanguageSettings(root),
  ]);
  if (result.library) {
    const readiness = await checkRunReadiness(result.library, { termRefs: result.termRefs });
    result.problems = sortProblems([...result.problems, ...readiness]);
  }
  result.problems.push(...language.problems);
  const writing: LanguageProblem[] = result.library
    ? checkLibraryLanguage(result.library, language.settings, {
        trees: result.markdownTrees,
        derived: cache,
      })
    : [];
  // Only a speed-up: a library on a read-only drive is checked all the same.
  await cache.save().catch(() => undefined);
  const locate = <T extends Problem>(problem: T) => ({
    ...problem,
    path: displayPath(path.join(root, problem.file)),
  });
  const located = result.problems.map(locate);
  const errors = result.problems.filter((problem) => problem.severity === 'error').length;
  if (options.json) {
    const problems = [...located, ...writing.map(locate)];
    writeJson({ problems });
  } else {
    for (const problem of located)
      writeOut(`${formatProblemWithSeverity(problem, problem.path)}\n`);
    for (const problem of writing.map(locate))
      writeOut(`${formatLanguageProblem(problem, problem.path)}\n`);
    writeOut(`${summaryLine(result, writing.length)}\n`);
  }
  return errors > 0 ? 1 : 0;
}

/**
 * `12 courses, 3 terms: no problems` or `12 courses, 3 terms: 2 errors, 1 warning`, followed by
 * `; 3 for information` and `; 4 writing suggestions` when there are any.
 */
export function summaryLine(result: LoadResult, suggestions = 0): string {
  const count = (severity: Problem['severity']) =>
    result.problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const found =
    errors + warnings === 0
      ? 'no problems'
      : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
  const information = count('information');
  const notes = information > 0 ? `; ${information} for information` : '';
  const writing = suggestions > 0 ? `; ${plural(suggestions, 'writing suggestion')}` : '';
  if (!result.library) {
    return `nothing can be published until college.yml and trainers.yml can be read: ${found}${writing}`;
  }
  const { courses, terms } = result.library;
  return `${plural(courses.length, 'course')}, ${plural(terms.length, 'term')}: ${found}${notes}${writing}`;
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
