/** The editor used for module text and course descriptions. */
export { ModuleEditor } from '../editor/index.js';
export type { ModuleEditorProps } from '../editor/index.js';
