/**
 * Builds the Slate editor for modules with all of Tandem's plugins, in the order they must
 * wrap each other (table and image rules see a key press before list and container rules).
 */
import { createEditor, Editor } from 'slate';
import { withHistory } from 'slate-history';
import { withReact } from 'slate-react';
import type { CustomEditor } from './custom-types.js';
import { withImages } from './plugins/with-images.js';
import { withLinks } from './plugins/with-links.js';
import { withMarkdownShortcuts } from './plugins/with-markdown-shortcuts.js';
import { withPasteCleanup } from './plugins/with-paste-cleanup.js';
import { withTables } from './plugins/with-tables.js';
import { withTandemBlocks } from './plugins/with-tandem-blocks.js';

/** Children per rendering chunk: long modules re-render one chunk per keystroke, not all blocks. */
const CHUNK_SIZE = 100;

/** Creates a module editor instance. */
export function createModuleEditor(): CustomEditor {
  const editor = withTables(
    withImages(
      withMarkdownShortcuts(
        withLinks(withPasteCleanup(withTandemBlocks(withHistory(withReact(createEditor()))))),
      ),
    ),
  );
  editor.getChunkSize = (node) => (Editor.isEditor(node) ? CHUNK_SIZE : null);
  return editor;
}
