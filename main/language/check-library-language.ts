/**
 * The writing checks over a whole library: course descriptions, modules and pages, reported as
 * warnings (`Problem`s with a suggestion) that never stop anything from being published.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cachedJson, type DerivedTexts } from '../library/check-markdown.js';
import type { MarkdownTrees } from '../library/markdown-trees.js';
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

/** Work a whole-library check can share: the load's Markdown trees, and findings kept from earlier runs. */
export interface SharedWork {
  trees?: MarkdownTrees;
  derived?: DerivedTexts;
}

const findingSchema = z.object({
  rule: z.enum([
    'recovery-language',
    'welcome-to-all',
    'reading-age',
    'long-sentence',
    'passive-voice',
    'simpler-word',
  ]),
  id: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  line: z.number(),
  column: z.number(),
});
type BodyFinding = z.infer<typeof findingSchema>;
const findingsSchema = z.array(findingSchema);

/**
 * A SHA-256 of everything the settings are made of (shipped lists included), once per settings
 * object: the lists are long, and each text's key holds this instead of them.
 */
const settingsKeys = new WeakMap<LanguageSettings, string>();
function settingsKey(settings: LanguageSettings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    key = createHash('sha256')
      .update(
        JSON.stringify([
          settings.readingAge,
          [...settings.recovery.entryOf],
          [...settings.welcome.entryOf],
          [...settings.allowed].sort(),
        ]),
      )
      .digest('hex');
    settingsKeys.set(settings, key);
  }
  return key;
}

/** The findings of `body` at positions in the body, from `shared.derived` when it has them. */
function bodyFindings(body: string, settings: LanguageSettings, shared: SharedWork): BodyFinding[] {
  const find = (): BodyFinding[] =>
    checkMarkdownLanguage(body, settings, shared.trees?.tree(body)).findings.map((finding) => ({
      rule: finding.rule,
      id: finding.id,
      message: finding.message,
      ...(finding.suggestion !== undefined ? { suggestion: finding.suggestion } : {}),
      line: finding.line,
      column: finding.column,
    }));
  return shared.derived
    ? cachedJson(shared.derived, ['language', settingsKey(settings), body], findingsSchema, find)
    : find();
}

/** Checks one file's body, with lines and columns in the file. */
export function checkProseFile(
  file: ProseFile,
  settings: LanguageSettings,
  shared: SharedWork = {},
): LanguageProblem[] {
  return bodyFindings(file.body, settings, shared).map((finding) => ({
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
  shared: SharedWork = {},
): LanguageProblem[] {
  const files: ProseFile[] = [...library.courses.flatMap(courseProseFiles), ...library.pages];
  return files.flatMap((file) => checkProseFile(file, settings, shared));
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
