/**
 * Puts the writing suggestions on the editor: the badge above the text, and the popover that
 * opens when an underlined word is clicked, or with the keyboard (`openSuggestionKeys`) on the
 * suggestion at the caret. Mounted inside <Slate>.
 */
import { isHotkey } from 'is-hotkey';
import { useEffect, useRef, useState, type JSX } from 'react';
import { Range, Transforms } from 'slate';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { suggestionAt } from './language-caret.js';
import { acceptFinding, replaceFinding, replacements } from './language-commands.js';
import { LanguageBadge, LanguagePopover } from './LanguagePopover.js';
import type { LanguageChecks } from './use-language-checks.js';

interface Open {
  key: string;
  top: number;
  left: number;
}

/** The shortcut that opens the suggestion at the caret, as is-hotkey reads it. */
export const openSuggestionKeys = 'mod+.';
const isOpenSuggestion = isHotkey(openSuggestionKeys);
// Written as the toolbar's tooltips write shortcuts.
const modLabel =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** Where the popover goes for an underline: just below it, inside the editor's box. */
function popoverAt(mark: HTMLElement, frame: HTMLElement): Open {
  const box = mark.getBoundingClientRect();
  const outer = frame.getBoundingClientRect();
  return {
    key: mark.dataset.languageKey ?? '',
    top: box.bottom - outer.top + 6,
    left: Math.max(8, Math.min(box.left - outer.left, outer.width - 400)),
  };
}

export function LanguageLayer({
  checks,
  readOnly,
}: {
  checks: LanguageChecks;
  readOnly: boolean;
}): JSX.Element | null {
  const editor = useSlateStatic();
  const [open, setOpen] = useState<Open | null>(null);
  // The listeners below are added once; they read the newest findings from here.
  const findings = useRef(checks.findings);
  findings.current = checks.findings;

  useEffect(() => {
    const content = ReactEditor.toDOMNode(editor, editor);
    const frame = () => content.closest<HTMLElement>('.te-editor');
    const onClick = (event: MouseEvent) => {
      // Clicks land on text nodes' elements; the underline is the nearest marked span.
      const target = event.target instanceof Element ? event.target : null;
      const mark = target?.closest<HTMLElement>('[data-language-key]');
      const outer = frame();
      setOpen(mark && outer ? popoverAt(mark, outer) : null);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isOpenSuggestion(event)) return;
      event.preventDefault();
      // The browser's caret, which Slate copies over only after a short delay.
      const dom = window.getSelection();
      const caret =
        dom && dom.rangeCount > 0
          ? ReactEditor.toSlateRange(editor, dom, { exactMatch: false, suppressThrow: true })
          : null;
      const placed = suggestionAt(
        findings.current,
        caret ? Range.start(caret) : (editor.selection?.anchor ?? null),
      );
      if (!placed) return;
      if (!caret || !Range.includes(placed.range, Range.start(caret))) {
        // A suggestion further on: the caret goes to it, so Escape comes back to its words.
        Transforms.select(editor, Range.start(placed.range));
      }
      const mark = content.querySelector<HTMLElement>(
        `[data-language-key="${CSS.escape(placed.key)}"]`,
      );
      const outer = frame();
      if (!mark || !outer) return;
      mark.scrollIntoView({ block: 'nearest' });
      setOpen(popoverAt(mark, outer));
    };
    content.addEventListener('click', onClick);
    content.addEventListener('keydown', onKeyDown);
    return () => {
      content.removeEventListener('click', onClick);
      content.removeEventListener('keydown', onKeyDown);
    };
  }, [editor]);

  const placed = open ? checks.findings.find((f) => f.key === open.key) : undefined;
  const close = () => {
    setOpen(null);
    ReactEditor.focus(editor);
    // Slate may still count itself focused from before the popover took focus, and then does
    // nothing; the page's selection is still on the words, so focusing the text is enough.
    const content = ReactEditor.toDOMNode(editor, editor);
    if (document.activeElement !== content) content.focus({ preventScroll: true });
  };
  return (
    <>
      <LanguageBadge
        report={checks.report}
        count={checks.findings.length}
        shortcut={`${modLabel}.`}
      />
      {open && placed ? (
        <LanguagePopover
          placed={placed}
          top={open.top}
          left={open.left}
          replacements={replacements(placed.finding)}
          readOnly={readOnly}
          onReplace={(text) => {
            close();
            replaceFinding(editor, placed, text);
          }}
          onAccept={() => {
            close();
            acceptFinding(editor, placed);
          }}
          onClose={close}
        />
      ) : null}
    </>
  );
}
