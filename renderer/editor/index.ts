/**
 * The module editor: a Slate rich-text editor over Markdown, and its lossless conversion.
 */
export { ModuleEditor, type ModuleEditorProps } from './ModuleEditor.js';
export { markdownToSlate } from './markdown-to-slate.js';
export { slateToMarkdown } from './slate-to-markdown.js';
