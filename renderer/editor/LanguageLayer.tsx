/**
 * Puts the writing suggestions on the editor: the badge above the text, and the popover that
 * opens when an underlined word is clicked. Mounted inside <Slate>.
 */
import { useEffect, useState, type JSX } from 'react';
import { ReactEditor, useSlateStatic } from 'slate-react';
import { acceptFinding, replaceFinding, replacements } from './language-commands.js';
import { LanguageBadge, LanguagePopover } from './LanguagePopover.js';
import type { LanguageChecks } from './use-language-checks.js';

interface Open {
  key: string;
  top: number;
  left: number;
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

  useEffect(() => {
    const content = ReactEditor.toDOMNode(editor, editor);
    const onClick = (event: MouseEvent) => {
      // Clicks land on text nodes' elements; the underline is the nearest marked span.
      const target = event.target instanceof Element ? event.target : null;
      const mark = target?.closest<HTMLElement>('[data-language-key]');
      const frame = content.closest<HTMLElement>('.te-editor');
      if (!mark || !frame) return setOpen(null);
      const box = mark.getBoundingClientRect();
      const outer = frame.getBoundingClientRect();
      setOpen({
        key: mark.dataset.languageKey ?? '',
        top: box.bottom - outer.top + 6,
        left: Math.max(8, Math.min(box.left - outer.left, outer.width - 400)),
      });
    };
    content.addEventListener('click', onClick);
    return () => content.removeEventListener('click', onClick);
  }, [editor]);

  const placed = open ? checks.findings.find((f) => f.key === open.key) : undefined;
  const close = () => {
    setOpen(null);
    ReactEditor.focus(editor);
  };
  return (
    <>
      <LanguageBadge report={checks.report} count={checks.findings.length} />
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
