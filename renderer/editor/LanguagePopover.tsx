/**
 * Writing suggestions in the editor: the underline on the words (`renderLanguageLeaf`), the
 * readability badge above the text, and the popover that says why and offers Replace and
 * Accept here. Nothing here blocks writing, saving or publishing.
 *
 * Handles for end-to-end tests: underlines `[data-language-key]`, the badge
 * `[data-testid="language-badge"]`, the popover `[data-testid="language-popover"]` with buttons
 * `language-replace` (one per alternative), `language-accept` and `language-close`, and the
 * badge's hint on the keyboard shortcut `[data-testid="language-shortcut-hint"]`.
 */
import { useEffect, useRef, type JSX, type KeyboardEvent } from 'react';
import type { RenderLeafProps } from 'slate-react';
import type { LanguageReport, LanguageRule } from '../../main/api/contract.js';
import { renderLeaf } from './Elements.js';
import type { PlacedFinding } from './language-blocks.js';
import type { LanguageDecoration } from './use-language-checks.js';
import './language.css';

/** renderLeaf, plus an underline on words with a writing suggestion. */
export function renderLanguageLeaf(props: RenderLeafProps): JSX.Element {
  // Decorations add their properties to the leaf; Slate's leaf type does not list them.
  const decoration = props.leaf as Partial<LanguageDecoration>;
  if (!decoration.languageKey) return renderLeaf(props);
  return renderLeaf({
    ...props,
    children: (
      <span
        className={`te-language te-language--${decoration.languageKind ?? 'plain'}`}
        data-language-key={decoration.languageKey}
      >
        {props.children}
      </span>
    ),
  });
}

const ruleNames: Record<LanguageRule, string> = {
  'recovery-language': 'Recovery-oriented language',
  'welcome-to-all': 'Welcome to all',
  'reading-age': 'Reading age',
  'long-sentence': 'Long sentence',
  'passive-voice': 'Passive voice',
  'simpler-word': 'Simpler word',
};

// Rules whose message quotes the words found; the popover shows the words and the reason.
const wordRules = new Set<LanguageRule>(['recovery-language', 'welcome-to-all']);

/** The module's reading age against the college's aim, and how many suggestions there are. */
export function LanguageBadge({
  report,
  count,
  shortcut,
}: {
  report: LanguageReport | undefined;
  count: number;
  /** The keys that open the suggestion at the caret, as shown to the person. */
  shortcut: string;
}): JSX.Element | null {
  if (!report) return null;
  const over = report.readingAge !== null && report.readingAge > report.target;
  return (
    <p className="te-language-badge" data-testid="language-badge" aria-live="polite">
      {report.readingAge !== null ? (
        <span className={`te-language-badge__age${over ? ' te-language-badge__age--over' : ''}`}>
          Reading age {report.readingAge}
          <span className="te-language-badge__aim"> · aim {report.target} or below</span>
        </span>
      ) : null}
      <span className="te-language-badge__count">
        {count === 0
          ? 'No writing suggestions'
          : `${count} writing suggestion${count === 1 ? '' : 's'} (underlined)`}
      </span>
      {count === 0 ? null : (
        <span className="te-language-badge__hint" data-testid="language-shortcut-hint">
          <kbd>{shortcut}</kbd> in the text opens the one at the cursor
        </span>
      )}
    </p>
  );
}

export interface LanguagePopoverProps {
  placed: PlacedFinding;
  /** Where to show it, relative to the editor's box. */
  top: number;
  left: number;
  replacements: string[];
  readOnly: boolean;
  onReplace(text: string): void;
  onAccept(): void;
  onClose(): void;
}

/** Why a suggestion is made, what to write instead, and the buttons to act on it. */
export function LanguagePopover(props: LanguagePopoverProps): JSX.Element {
  const { placed, top, left, replacements, readOnly, onReplace, onAccept, onClose } = props;
  const { finding } = placed;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [placed.key]);
  // Tab and Shift+Tab go round the buttons; Escape (or Close) is the way back to the text.
  const keepFocusInside = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    if (!first || !last) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !box.current?.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !box.current?.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <div
      ref={box}
      className="te-language-popover"
      data-testid="language-popover"
      role="dialog"
      aria-label={`Writing suggestion: ${ruleNames[finding.rule]}`}
      style={{ top, left }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        } else if (event.key === 'Tab') {
          keepFocusInside(event);
        }
      }}
    >
      <p className="te-language-popover__rule">{ruleNames[finding.rule]}</p>
      {wordRules.has(finding.rule) ? (
        <>
          <p className="te-language-popover__words">“{finding.text}”</p>
          <p className="te-language-popover__why">{sentence(finding.reason)}</p>
        </>
      ) : (
        <p className="te-language-popover__why">{sentence(finding.message)}</p>
      )}
      {finding.suggestion ? (
        <p className="te-language-popover__try">
          <span className="te-language-popover__label">Try: </span>
          {finding.suggestion}
        </p>
      ) : null}
      <div className="te-language-popover__actions">
        {readOnly
          ? null
          : replacements.map((text) => (
              <button
                key={text}
                type="button"
                className="button button--small button--primary"
                data-testid="language-replace"
                onClick={() => onReplace(text)}
              >
                Replace with “{text}”
              </button>
            ))}
        {readOnly || !finding.acceptMarker ? null : (
          <button
            type="button"
            className="button button--small"
            data-testid="language-accept"
            title="Keep these words here; Tandem will not mention them again in this paragraph"
            onClick={onAccept}
          >
            Accept here
          </button>
        )}
        <button
          type="button"
          className="button button--small button--quiet"
          data-testid="language-close"
          onClick={onClose}
        >
          Close
        </button>
      </div>
    </div>
  );
}

/** The message with a capital letter and a full stop, as a sentence in the popover. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
