/**
 * `language.yml` at the library root: how a college adjusts the writing checks. Optional; when
 * it is missing the shipped word lists and a reading age of 11 apply.
 */
import { z } from 'zod';
import { readLibraryFile } from '../library/read-library-file.js';
import { parseYaml } from '../library/read-yaml-file.js';
import { checkSchema } from '../library/schema-problems.js';
import type { Problem } from '../library/types.js';
import { languageSettings } from './language-settings.js';
import type { LanguageSettings } from './language-settings.js';

export const languageFile = 'language.yml';

const text = z.string().trim().min(1);

export const languageSchema = z.object({
  allow: z.array(text).optional(),
  add: z.array(z.object({ phrase: text, suggestion: text, reason: text })).optional(),
  readingAge: z.number().int().min(5).max(21).optional(),
});

export interface LoadedLanguage {
  settings: LanguageSettings;
  problems: Problem[];
}

/**
 * Reads `language.yml` from the library at `root`. A file with problems is reported and the
 * shipped settings are used, so one typo never switches the checks off.
 */
export async function loadLanguageSettings(root: string): Promise<LoadedLanguage> {
  const read = await readLibraryFile(root, languageFile);
  if (read.problem) {
    return {
      settings: languageSettings(),
      problems: read.problem.code === 'file-missing' ? [] : [read.problem],
    };
  }
  const parsed = parseYaml(read.text, languageFile);
  // An empty file (or only comments) means "no changes".
  if (parsed.data === null && parsed.problems.length === 0) {
    return { settings: languageSettings(), problems: [] };
  }
  if (parsed.data === undefined) return { settings: languageSettings(), problems: parsed.problems };
  const checked = checkSchema(languageSchema, parsed.data, parsed.source);
  return {
    settings: languageSettings(checked.value ?? {}),
    problems: [...parsed.problems, ...checked.problems],
  };
}
