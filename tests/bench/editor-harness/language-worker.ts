/**
 * The writing checks in a Web Worker, standing in for the app's back end: the app checks in
 * Node, off the page's thread, and so does the bench page through this worker.
 */
import { checkBlocks } from '../../../main/language/check-blocks.js';
import { languageSettings } from '../../../main/language/language-settings.js';
import type { LanguageBlock } from '../../../main/language/types.js';

const settings = languageSettings();

self.onmessage = (event: MessageEvent<{ id: number; blocks: LanguageBlock[] }>) => {
  const { id, blocks } = event.data;
  self.postMessage({ id, report: checkBlocks(blocks, settings) });
};
