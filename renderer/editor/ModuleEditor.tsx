/**
 * The module editor: rich text over a Markdown file, written back losslessly.
 *
 * Props: `markdown` (the file body), `onChange(markdown)` (called synchronously after every
 * edit with the complete new body; the app debounces saving), `images` (course-relative paths
 * such as `images/river.svg`), `loadImage(path)` (data: URL for a course-relative path),
 * `readOnly`, `ariaLabel`, and `imagePrefix` (how images are referenced from this file:
 * `../` for modules/NN-x.md, the default; `''` for course.md). A new `markdown` value that is
 * not the one the editor last reported (another module, or a file changed on disk) reloads it.
 *
 * Handles for end-to-end tests (all stable):
 * - `[data-testid="module-editor"]` wraps everything; the editable area is
 *   `[data-testid="module-editor-content"]` (role textbox, aria-label = `ariaLabel`).
 * - Toolbar buttons: `[data-testid="toolbar-<name>"]` for heading-two, heading-three,
 *   heading-four, bold, italic, link, bulleted-list, numbered-list, quote, image, table,
 *   activity, facilitator-note (a module only, see main/format/document-blocks.ts), undo, redo
 *   (accessible names: "H2, heading 2", "Bold", …).
 * - Link dialog: `link-dialog`, input `link-url`, buttons `link-save`, `link-remove`.
 * - Image dialog: `image-dialog`, select `image-path`, input `image-alt`, button `image-insert`.
 * - Rendered blocks: `facilitator-note`, `protected-block`.
 * With `checkLanguage` (the back end's check), writing suggestions are underlined in place once
 * typing pauses (see LanguagePopover.tsx for their handles).
 * Shortcuts: Ctrl/Cmd+B, I, K (link), Z (undo), Y or Shift+Z (redo), Ctrl/Cmd+Alt+2/3/4
 * (headings), Ctrl/Cmd+Home and End (with Shift, selecting) to the start and end of the text; Tab / Shift+Tab nest and un-nest list items and move between table cells,
 * Escape leaves a table;
 * Markdown shortcuts `## `, `### `, `#### `, `- `, `* `, `1. `, `> ` at the start of a line.
 */
import { isHotkey } from 'is-hotkey';
import {
  useCallback,
  useId,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
} from 'react';
import { Editor, Transforms, type Descendant, type Selection } from 'slate';
import { Editable, ReactEditor, Slate } from 'slate-react';
import {
  activeLink,
  indentListItem,
  insertImage,
  insertTable,
  moveToDocumentEdge,
  outdentListItem,
  removeLink,
  setLink,
  toggleHeading,
  toggleMark,
} from './commands.js';
import { createModuleEditor } from './create-module-editor.js';
import type { CustomEditor } from './custom-types.js';
import { ImageDialog, LinkDialog } from './EditorDialogs.js';
import { AdoptUserSelection, NoteRenderedSelection } from './KeepUserSelection.js';
import { LanguageLayer } from './LanguageLayer.js';
import { renderLanguageLeaf } from './LanguagePopover.js';
import { EditorServicesContext, type EditorServices } from './editor-services.js';
import { renderChunk, renderElement, renderLeaf } from './Elements.js';
import { markdownToSlate } from './markdown-to-slate.js';
import { leaveTable, moveToCell } from './plugins/with-tables.js';
import { skipReactSelectionSave } from './skip-react-selection-save.js';
import { slateToMarkdown } from './slate-to-markdown.js';
import { Toolbar } from './Toolbar.js';
import { blocksFor, type DocumentKind } from '../../main/format/document-blocks.js';
import { useLanguageChecks, type CheckLanguage } from './use-language-checks.js';
import './module-editor.css';

export interface ModuleEditorProps {
  markdown: string;
  onChange(markdown: string): void;
  images: string[];
  loadImage(path: string): Promise<string>;
  readOnly?: boolean;
  ariaLabel: string;
  imagePrefix?: string;
  checkLanguage?: CheckLanguage;
  /** What kind of document this is, for the blocks its toolbar offers; a module when absent. */
  kind?: DocumentKind;
}

/** Rich-text editor for a module's Markdown body. */
export function ModuleEditor(props: ModuleEditorProps): JSX.Element {
  const {
    markdown,
    onChange,
    images,
    loadImage,
    readOnly = false,
    ariaLabel,
    imagePrefix = '../',
    checkLanguage,
    kind = 'module',
  } = props;
  // The Markdown the editor last loaded or reported; a different prop means "load this".
  const current = useRef(markdown);
  const [loaded, setLoaded] = useState({ markdown, generation: 0 });
  useEffect(() => {
    if (markdown !== current.current) {
      current.current = markdown;
      setLoaded((previous) => ({ markdown, generation: previous.generation + 1 }));
    }
  }, [markdown]);

  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const report = useCallback((next: string) => {
    if (next === current.current) return;
    current.current = next;
    onChangeRef.current(next);
  }, []);

  const services = useMemo<EditorServices>(
    () => ({ loadImage, imagePrefix, cache: new Map() }),
    [loadImage, imagePrefix],
  );

  return (
    <EditorServicesContext.Provider value={services}>
      <EditorSurface
        key={loaded.generation}
        markdown={loaded.markdown}
        onMarkdown={report}
        images={images}
        readOnly={readOnly}
        ariaLabel={ariaLabel}
        imagePrefix={imagePrefix}
        checkLanguage={checkLanguage}
        kind={kind}
      />
    </EditorServicesContext.Provider>
  );
}

interface SurfaceProps {
  markdown: string;
  onMarkdown(markdown: string): void;
  images: string[];
  readOnly: boolean;
  ariaLabel: string;
  imagePrefix: string;
  checkLanguage: CheckLanguage | undefined;
  kind: DocumentKind;
}

/** Copies the browser's current selection into Slate, if it lies in the editor. */
function syncSelectionFromDom(editor: CustomEditor): void {
  const domSelection = window.getSelection();
  if (!domSelection || domSelection.rangeCount === 0) return;
  const range = ReactEditor.toSlateRange(editor, domSelection, {
    exactMatch: false,
    suppressThrow: true,
  });
  if (range) Transforms.select(editor, range);
}

type DialogState =
  | { kind: 'link'; url: string; editing: boolean; selection: Selection }
  | { kind: 'image'; selection: Selection }
  | null;

const hotkeys = {
  bold: isHotkey('mod+b'),
  italic: isHotkey('mod+i'),
  link: isHotkey('mod+k'),
  undo: isHotkey('mod+z'),
  redo: (event: globalThis.KeyboardEvent) =>
    isHotkey('mod+y', event) || isHotkey('mod+shift+z', event),
  h2: isHotkey('mod+alt+2'),
  h3: isHotkey('mod+alt+3'),
  h4: isHotkey('mod+alt+4'),
  tab: isHotkey('tab'),
  shiftTab: isHotkey('shift+tab'),
  escape: isHotkey('escape'),
  documentStart: isHotkey('mod+home'),
  documentEnd: isHotkey('mod+end'),
  extendToStart: isHotkey('mod+shift+home'),
  extendToEnd: isHotkey('mod+shift+end'),
};

function EditorSurface({
  markdown,
  onMarkdown,
  images,
  readOnly,
  ariaLabel,
  imagePrefix,
  checkLanguage,
  kind,
}: SurfaceProps) {
  const [editor] = useState(createModuleEditor);
  const [initialValue] = useState<Descendant[]>(() => markdownToSlate(markdown));
  const [dialog, setDialog] = useState<DialogState>(null);
  const editableId = useId();

  const language = useLanguageChecks(checkLanguage, initialValue);
  const { schedule } = language;
  const handleValueChange = useCallback(
    (value: Descendant[]) => {
      onMarkdown(slateToMarkdown(value));
      schedule(value);
    },
    [onMarkdown, schedule],
  );

  // Slate owns the selection; React's own save and restore of it would walk the whole module.
  useLayoutEffect(() => skipReactSelectionSave(ReactEditor.toDOMNode(editor, editor)), [editor]);

  const restore = (selection: Selection) => {
    ReactEditor.focus(editor);
    if (selection) Transforms.select(editor, selection);
  };
  const openLink = () => {
    const link = activeLink(editor);
    setDialog({
      kind: 'link',
      url: link?.url ?? 'https://',
      editing: Boolean(link),
      selection: editor.selection,
    });
  };
  const openImage = () => setDialog({ kind: 'image', selection: editor.selection });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const native = event.nativeEvent;
    const handled = (action: () => boolean | void) => {
      // Slate reads the DOM selection on a short delay; a shortcut pressed right after
      // Shift+Arrow must act on what the person sees selected.
      syncSelectionFromDom(editor);
      if (action() !== false) event.preventDefault();
    };
    if (hotkeys.bold(native)) return handled(() => toggleMark(editor, 'bold'));
    if (hotkeys.italic(native)) return handled(() => toggleMark(editor, 'italic'));
    if (hotkeys.link(native)) return handled(openLink);
    if (hotkeys.undo(native)) return handled(() => editor.undo());
    if (hotkeys.redo(native)) return handled(() => editor.redo());
    if (hotkeys.h2(native)) return handled(() => toggleHeading(editor, 'heading-two'));
    if (hotkeys.h3(native)) return handled(() => toggleHeading(editor, 'heading-three'));
    if (hotkeys.h4(native)) return handled(() => toggleHeading(editor, 'heading-four'));
    // Tab is only taken inside tables and lists; elsewhere it moves focus as usual.
    if (hotkeys.tab(native)) return handled(() => moveToCell(editor, 1) || indentListItem(editor));
    if (hotkeys.shiftTab(native))
      return handled(() => moveToCell(editor, -1) || outdentListItem(editor));
    // Tab keeps moving between cells, so Escape is the way out of a table.
    if (hotkeys.escape(native)) return handled(() => leaveTable(editor));
    if (hotkeys.documentStart(native))
      return handled(() => moveToDocumentEdge(editor, 'start', false));
    if (hotkeys.documentEnd(native)) return handled(() => moveToDocumentEdge(editor, 'end', false));
    if (hotkeys.extendToStart(native))
      return handled(() => moveToDocumentEdge(editor, 'start', true));
    if (hotkeys.extendToEnd(native)) return handled(() => moveToDocumentEdge(editor, 'end', true));
  };

  return (
    <div className="te-editor" data-testid="module-editor">
      <Slate editor={editor} initialValue={initialValue} onValueChange={handleValueChange}>
        <Toolbar
          readOnly={readOnly}
          onLink={openLink}
          onImage={openImage}
          onTable={() => insertTable(editor)}
          canInsertImage={images.length > 0}
          controls={editableId}
          blocks={blocksFor(kind)}
        />
        {checkLanguage ? <LanguageLayer checks={language} readOnly={readOnly} /> : null}
        {dialog?.kind === 'link' ? (
          <LinkDialog
            initialUrl={dialog.url}
            editing={dialog.editing}
            onCancel={() => {
              setDialog(null);
              restore(dialog.selection);
            }}
            onRemove={() => {
              setDialog(null);
              restore(dialog.selection);
              removeLink(editor);
            }}
            onSave={(url) => {
              setDialog(null);
              restore(dialog.selection);
              setLink(editor, url);
            }}
          />
        ) : null}
        {dialog?.kind === 'image' ? (
          <ImageDialog
            images={images}
            onCancel={() => {
              setDialog(null);
              restore(dialog.selection);
            }}
            onInsert={(path, alt) => {
              setDialog(null);
              restore(dialog.selection);
              if (!editor.selection) Transforms.select(editor, Editor.end(editor, []));
              insertImage(editor, `${imagePrefix}${path}`, alt);
            }}
          />
        ) : null}
        <AdoptUserSelection />
        <Editable
          id={editableId}
          className="te-content"
          data-testid="module-editor-content"
          aria-label={ariaLabel}
          aria-multiline
          role="textbox"
          readOnly={readOnly}
          renderElement={renderElement}
          renderLeaf={checkLanguage ? renderLanguageLeaf : renderLeaf}
          decorate={language.decorate}
          renderChunk={renderChunk}
          onKeyDown={onKeyDown}
          spellCheck
        />
        <NoteRenderedSelection />
      </Slate>
    </div>
  );
}
