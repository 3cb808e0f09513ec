/**
 * The writing checks over a whole library: course descriptions, modules and pages, reported as
 * warnings (`Problem`s with a suggestion) that never stop anything from being published.
 */
import type { Library, Problem } from '../library/types.js';
import { checkMarkdownLanguage } from './check-markdown-language.js';
import type { LanguageRule } from './types.js';
import type { LanguageSettings } from './language-settings.js';
import { readingAge } from './reading-age.js';

/** A writing suggestion, as `tandem check` and the app show it. */
export interface LanguageProblem extends Problem {
  severity: 'warning';
  code: LanguageRule;
  /** The word-list entry id, or the rule again. */
  entry: string;
  suggestion?: string;
}

/** A Markdown body to check, with where it sits in its file. */
export interface ProseFile {
  file: string;
  body: string;
  bodyLine: number;
}

/** Checks one file's body, with lines and columns in the file. */
export function checkProseFile(file: ProseFile, settings: LanguageSettings): LanguageProblem[] {
  return checkMarkdownLanguage(file.body, settings).findings.map((finding) => ({
    file: file.file,
    line: file.bodyLine + finding.line - 1,
    column: finding.column,
    message: finding.message,
    severity: 'warning',
    code: finding.rule,
    entry: finding.id,
    ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
  }));
}

/** The Markdown files of one course: its description, then its modules. */
export function courseProseFiles(course: Library['courses'][number]): ProseFile[] {
  return [course, ...course.modules];
}

/** Every writing suggestion in the library, in file order. */
export function checkLibraryLanguage(
  library: Library,
  settings: LanguageSettings,
): LanguageProblem[] {
  const files: ProseFile[] = [...library.courses.flatMap(courseProseFiles), ...library.pages];
  return files.flatMap((file) => checkProseFile(file, settings));
}

/** The number of writing suggestions per course id. */
export function languageCountsByCourse(
  library: Library,
  settings: LanguageSettings,
): Record<string, number> {
  return Object.fromEntries(
    library.courses.map((course) => [
      course.id,
      courseProseFiles(course).reduce(
        (sum, file) => sum + checkProseFile(file, settings).length,
        0,
      ),
    ]),
  );
}

/** The reading age of a module's or page's student-facing text, or undefined without words. */
export function proseReadingAge(body: string, settings: LanguageSettings): number | undefined {
  return readingAge(checkMarkdownLanguage(body, settings).counts);
}
