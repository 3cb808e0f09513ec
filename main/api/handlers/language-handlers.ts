/**
 * Writing suggestions for the UI: the editor's blocks as they are being typed, and the number
 * of suggestions per course for the library and Publish screens. Suggestions never block
 * anything; these handlers only read.
 */
import type { LanguageBlock, LanguageReport } from '../contract.js';
import { checkBlocks } from '../../language/check-blocks.js';
import { languageCountsByCourse } from '../../language/check-library-language.js';
import { loadLanguageSettings } from '../../language/language-file.js';
import type { LanguageSettings } from '../../language/language-settings.js';
import { readLibraryFile } from '../../library/read-library-file.js';
import { loadForApi } from './library-handlers.js';
import type { ApiContext } from './api-context.js';

// The settings compiled from each library's language.yml, kept while the file is unchanged, so
// the per-block results cached by checkBlocks stay valid between keystrokes.
const compiled = new Map<string, { text: string; settings: LanguageSettings }>();

async function settingsFor(context: ApiContext): Promise<LanguageSettings> {
  const read = await readLibraryFile(context.root, 'language.yml');
  const text = read.text ?? '';
  const known = compiled.get(context.root);
  if (known && known.text === text) return known.settings;
  const { settings } = await loadLanguageSettings(context.root);
  compiled.set(context.root, { text, settings });
  return settings;
}

/** Checks the editor's blocks of text. */
export async function checkLanguage(
  context: ApiContext,
  blocks: LanguageBlock[],
): Promise<LanguageReport> {
  return checkBlocks(blocks, await settingsFor(context));
}

/** The number of writing suggestions in each course (description and modules), by course id. */
export async function getLanguageCounts(context: ApiContext): Promise<Record<string, number>> {
  const { library } = await loadForApi(context);
  if (!library) return {};
  return languageCountsByCourse(library, await settingsFor(context));
}
