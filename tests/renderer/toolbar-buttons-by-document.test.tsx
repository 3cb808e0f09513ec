/**
 * One editor toolbar, configured by what the document allows: a module offers Activity and
 * Facilitator note, a front page offers neither (students read it as it stands).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../main/format/document-blocks.js';
import { ModuleEditor } from '../../renderer/editor/index.js';

/** The toolbar buttons an editor for a `kind` document shows, by their test ids. */
function toolbarButtons(kind: DocumentKind | undefined): string[] {
  const html = renderToStaticMarkup(
    createElement(ModuleEditor, {
      markdown: 'Some text.\n',
      onChange: () => undefined,
      images: [],
      loadImage: () => Promise.resolve(''),
      ariaLabel: 'Text',
      kind,
    }),
  );
  return [...html.matchAll(/data-testid="toolbar-([a-z-]+)"/g)].map((match) => match[1] ?? '');
}

const COMMON = [
  'heading-two',
  'heading-three',
  'heading-four',
  'bold',
  'italic',
  'link',
  'bulleted-list',
  'numbered-list',
  'quote',
  'image',
  'table',
];

describe('the editor toolbar', () => {
  it.each<[string, DocumentKind | undefined, string[]]>([
    ['a module', 'module', [...COMMON, 'activity', 'facilitator-note', 'undo', 'redo']],
    [
      'a module, when the kind is not given',
      undefined,
      [...COMMON, 'activity', 'facilitator-note', 'undo', 'redo'],
    ],
    ['a front page', 'page', [...COMMON, 'undo', 'redo']],
  ])('for %s', (_, kind, buttons) => {
    expect(toolbarButtons(kind)).toEqual(buttons);
  });
});
