/**
 * The formatting toolbar. Every button has an accessible name, a tooltip naming its shortcut,
 * `aria-pressed` when it toggles, and a stable `data-testid` (`toolbar-<name>`).
 */
import type { JSX, ReactNode } from 'react';
import { ReactEditor, useSlate } from 'slate-react';
import {
  currentListType,
  currentTextBlock,
  isContainerActive,
  isMarkActive,
  activeLink,
  toggleContainer,
  toggleHeading,
  toggleList,
  toggleMark,
} from './commands.js';
import type { CustomEditor } from './custom-types.js';
import type { TandemBlock } from '../../main/format/document-blocks.js';

const mod =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

const BLOCK_LABELS: Record<TandemBlock, string> = {
  activity: 'Activity',
  'facilitator-note': 'Facilitator note',
};

export interface ToolbarProps {
  readOnly: boolean;
  onLink(): void;
  onImage(): void;
  onTable(): void;
  canInsertImage: boolean;
  /** Id of the editable area the toolbar formats. */
  controls: string;
  /** The Tandem blocks this document may hold; only their buttons are shown. */
  blocks: readonly TandemBlock[];
}

/** The editor's toolbar; it re-renders with the selection to show what is active. */
export function Toolbar({
  readOnly,
  onLink,
  onImage,
  onTable,
  canInsertImage,
  controls,
  blocks,
}: ToolbarProps): JSX.Element {
  const editor = useSlate();
  const block = currentTextBlock(editor)?.type;
  const list = currentListType(editor);
  const run = (action: (e: CustomEditor) => void) => () => {
    action(editor);
    ReactEditor.focus(editor);
  };
  return (
    <div className="te-toolbar" role="toolbar" aria-label="Formatting" aria-controls={controls}>
      <Group label="Headings">
        <ToolButton
          name="heading-two"
          label="H2, heading 2"
          shortcut={`${mod}Alt+2`}
          pressed={block === 'heading-two'}
          disabled={readOnly}
          onAction={run((e) => toggleHeading(e, 'heading-two'))}
        >
          H2
        </ToolButton>
        <ToolButton
          name="heading-three"
          label="H3, heading 3"
          shortcut={`${mod}Alt+3`}
          pressed={block === 'heading-three'}
          disabled={readOnly}
          onAction={run((e) => toggleHeading(e, 'heading-three'))}
        >
          H3
        </ToolButton>
        <ToolButton
          name="heading-four"
          label="H4, heading 4"
          shortcut={`${mod}Alt+4`}
          pressed={block === 'heading-four'}
          disabled={readOnly}
          onAction={run((e) => toggleHeading(e, 'heading-four'))}
        >
          H4
        </ToolButton>
      </Group>
      <Group label="Text">
        <ToolButton
          name="bold"
          label="Bold"
          shortcut={`${mod}B`}
          pressed={isMarkActive(editor, 'bold')}
          disabled={readOnly}
          onAction={run((e) => toggleMark(e, 'bold'))}
        >
          <b>B</b>
        </ToolButton>
        <ToolButton
          name="italic"
          label="Italic"
          shortcut={`${mod}I`}
          pressed={isMarkActive(editor, 'italic')}
          disabled={readOnly}
          onAction={run((e) => toggleMark(e, 'italic'))}
        >
          <i>I</i>
        </ToolButton>
        <ToolButton
          name="link"
          label="Link"
          shortcut={`${mod}K`}
          pressed={Boolean(activeLink(editor))}
          disabled={readOnly}
          onAction={onLink}
        >
          <Icon d="M10 14a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5M14 10a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
        </ToolButton>
      </Group>
      <Group label="Blocks">
        <ToolButton
          name="bulleted-list"
          label="Bulleted list"
          shortcut="- then space"
          pressed={list === 'bulleted-list'}
          disabled={readOnly}
          onAction={run((e) => toggleList(e, 'bulleted-list'))}
        >
          <Icon d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />
        </ToolButton>
        <ToolButton
          name="numbered-list"
          label="Numbered list"
          shortcut="1. then space"
          pressed={list === 'numbered-list'}
          disabled={readOnly}
          onAction={run((e) => toggleList(e, 'numbered-list'))}
        >
          <Icon d="M10 6h10M10 12h10M10 18h10M4 5l1-1v4M3.5 14.5a1 1 0 1 1 1.6.8L3.5 17h2" />
        </ToolButton>
        <ToolButton
          name="quote"
          label="Quote"
          shortcut="> then space"
          pressed={isContainerActive(editor, 'block-quote')}
          disabled={readOnly}
          onAction={run((e) => toggleContainer(e, 'block-quote'))}
        >
          <Icon d="M7 7h4v4H8a1 1 0 0 0-1 1v3M14 7h4v4h-3a1 1 0 0 0-1 1v3" />
        </ToolButton>
      </Group>
      <Group label="Insert">
        <ToolButton
          name="image"
          label="Image"
          pressed={undefined}
          disabled={readOnly || !canInsertImage}
          onAction={onImage}
        >
          <Icon d="M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01" />
        </ToolButton>
        <ToolButton
          name="table"
          label="Table"
          pressed={undefined}
          disabled={readOnly}
          onAction={onTable}
        >
          <Icon d="M4 5h16v14H4zM4 10h16M4 15h16M10 5v14" />
        </ToolButton>
        {blocks.map((block) => (
          <ToolButton
            key={block}
            name={block}
            label={BLOCK_LABELS[block]}
            pressed={isContainerActive(editor, block)}
            disabled={readOnly}
            onAction={run((e) => toggleContainer(e, block))}
          >
            {BLOCK_LABELS[block]}
          </ToolButton>
        ))}
      </Group>
      <Group label="History">
        <ToolButton
          name="undo"
          label="Undo"
          shortcut={`${mod}Z`}
          pressed={undefined}
          disabled={readOnly || editor.history.undos.length === 0}
          onAction={() => editor.undo()}
        >
          <Icon d="M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3" />
        </ToolButton>
        <ToolButton
          name="redo"
          label="Redo"
          shortcut={`${mod}Y`}
          pressed={undefined}
          disabled={readOnly || editor.history.redos.length === 0}
          onAction={() => editor.redo()}
        >
          <Icon d="M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3" />
        </ToolButton>
      </Group>
      {block === 'table-cell' ? (
        <span className="te-toolbar__hint">
          Tab: next cell · Tab in the last cell adds a row · Esc: leave the table
        </span>
      ) : null}
    </div>
  );
}

function Group({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="te-toolbar__group" role="group" aria-label={label}>
      {children}
    </div>
  );
}

interface ToolButtonProps {
  name: string;
  label: string;
  shortcut?: string;
  pressed: boolean | undefined;
  disabled: boolean;
  onAction(): void;
  children: ReactNode;
}

function ToolButton({
  name,
  label,
  shortcut,
  pressed,
  disabled,
  onAction,
  children,
}: ToolButtonProps) {
  return (
    <button
      type="button"
      className="te-toolbar__button"
      data-testid={`toolbar-${name}`}
      aria-label={label}
      aria-pressed={pressed}
      aria-keyshortcuts={
        shortcut && !shortcut.includes('then') ? shortcut.replace('⌘', 'Meta+') : undefined
      }
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keep the editor's selection: act on mouse down, before the button takes focus.
      onMouseDown={(event) => {
        event.preventDefault();
        if (!disabled) onAction();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onAction();
        }
      }}
    >
      {children}
    </button>
  );
}

function Icon({ d }: { d: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
