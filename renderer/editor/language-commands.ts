/** The popover's two actions on a writing suggestion: Replace the words, or Accept them here. */
import { Editor, Transforms } from 'slate';
import type { LanguageFinding } from '../../main/api/contract.js';
import type { CustomEditor, ProtectedInlineElement } from './custom-types.js';
import type { PlacedFinding } from './language-blocks.js';

// Only these rules name words that another word can stand in for.
const replaceable = new Set(['recovery-language', 'simpler-word']);

/** The replacements offered for a finding: its suggestion's alternatives, in its case. */
export function replacements(finding: LanguageFinding): string[] {
  if (!replaceable.has(finding.rule) || !finding.suggestion) return [];
  const capital = /^\p{Lu}/u.test(finding.text);
  return finding.suggestion
    .split(/[,;]\s*/)
    .map((option) => option.trim())
    .filter((option) => option !== '' && !option.includes('…'))
    .map((option) => (capital ? option.charAt(0).toUpperCase() + option.slice(1) : option));
}

/** Puts `text` in place of the finding's words. */
export function replaceFinding(editor: CustomEditor, placed: PlacedFinding, text: string): void {
  Transforms.insertText(editor, text, { at: placed.range });
}

/** Writes the finding's accept marker at the end of its paragraph, so it is not reported again. */
export function acceptFinding(editor: CustomEditor, placed: PlacedFinding): void {
  const marker = placed.finding.acceptMarker;
  if (!marker) return;
  const end = Editor.end(editor, placed.blockPath);
  const inline: ProtectedInlineElement = {
    type: 'protected-inline',
    source: marker,
    node: JSON.stringify({ type: 'html', value: marker }),
    children: [{ text: '' }],
  };
  Editor.withoutNormalizing(editor, () => {
    Transforms.insertText(editor, ' ', { at: end });
    Transforms.insertNodes(editor, inline, { at: Editor.end(editor, placed.blockPath) });
  });
}
