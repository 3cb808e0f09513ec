/**
 * Someone else changed a file while it was open here. Shows both versions side by side and
 * lets the person decide; nothing is lost whichever they pick.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { diffLines } from 'diff';
import { Dialog } from './Dialog.js';
import { copyText } from './copy-text.js';
import type { FieldRow } from './course-field-rows.js';

export interface ConflictDialogProps {
  open: boolean;
  /** What the file is, e.g. `the module “Welcome”`. */
  what: string;
  mine: string;
  theirs: string;
  onKeepMine(): void;
  onTakeTheirs(): void;
  /** Offered when both versions can be put together (e.g. paragraphs of a module). */
  onKeepBoth?(): void;
  /** The Keep both button's words, when they mean something else (e.g. a merge of fields). */
  keepBothLabel?: string;
  /** Both sides as the same labelled fields (course details), shown instead of the two texts. */
  fields?: FieldRow[];
}

/** Both versions field by field, the fields that differ highlighted and named. */
function FieldTable({ rows }: { rows: FieldRow[] }) {
  const cell = (row: FieldRow, text: string, side: string) =>
    row.differs ? (
      <td>
        <mark className="conflict__only">
          <span className="visually-hidden">Differs in {side}: </span>
          {text || <em>(empty)</em>}
        </mark>
      </td>
    ) : (
      <td>{text}</td>
    );
  return (
    <div className="conflict-fields" tabIndex={0} role="region" aria-label="Both versions">
      <table data-testid="conflict-fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your version</th>
            <th scope="col">The version saved on disk</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} data-differs={row.differs ? 'true' : undefined}>
              <th scope="row">{row.label}</th>
              {cell(row, row.mine, 'your version')}
              {cell(row, row.theirs, 'the version on disk')}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One side of the conflict, with the lines found only on this side highlighted. */
function Side({ id, title, parts, testId }: SideProps) {
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    // Start each side at its first difference, so nobody has to hunt for it.
    const first = ref.current?.querySelector<HTMLElement>('.conflict__only');
    if (first && ref.current) ref.current.scrollTop = first.offsetTop - ref.current.offsetTop - 24;
  }, []);
  return (
    <section className="conflict__side" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <pre ref={ref} className="conflict__text" tabIndex={0} data-testid={testId}>
        {parts.map((part, index) =>
          part.only ? (
            <mark key={index} className="conflict__only">
              <span className="visually-hidden">Only in {title.toLowerCase()}: </span>
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </pre>
    </section>
  );
}

interface SideProps {
  id: string;
  title: string;
  parts: { text: string; only: boolean }[];
  testId: string;
}

/**
 * The calm choices for a save that was refused: keep both (when offered), mine, theirs, or copy
 * my text. Reusable for any text file in conflict; the caller decides what each choice does.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const { open, what, mine, theirs, onKeepMine, onTakeTheirs, onKeepBoth, fields } = props;
  const keepBothLabel = props.keepBothLabel ?? 'Keep both';
  const [copied, setCopied] = useState<'yes' | 'failed' | undefined>(undefined);
  const changes = useMemo(() => diffLines(theirs, mine), [mine, theirs]);
  const mineParts = changes
    .filter((c) => !c.removed)
    .map((c) => ({ text: c.value, only: c.added }));
  const theirParts = changes
    .filter((c) => !c.added)
    .map((c) => ({ text: c.value, only: c.removed }));
  return (
    <Dialog
      open={open}
      wide
      title="This was changed somewhere else"
      // Escape must not silently pick a side: the draft stays, unsaved, until a choice is made.
      onClose={() => undefined}
      description={
        <p>
          While you were writing, someone else (perhaps your co-author on the shared drive) saved a
          different version of {what}. Your text is safe. Please choose what to keep.
        </p>
      }
    >
      {fields ? (
        <>
          <p className="hint">
            {fields.filter((row) => row.differs).length === 1
              ? 'The field that differs is highlighted.'
              : 'The fields that differ are highlighted.'}
          </p>
          <FieldTable rows={fields} />
        </>
      ) : (
        <>
          <p className="hint">The lines that differ are highlighted.</p>
          <div className="conflict">
            <Side
              id="conflict-mine"
              title="Your version"
              parts={mineParts}
              testId="conflict-mine"
            />
            <Side
              id="conflict-theirs"
              title="The version saved on disk"
              parts={theirParts}
              testId="conflict-theirs"
            />
          </div>
        </>
      )}
      <div className="dialog__actions">
        {onKeepBoth && (
          <button type="button" className="button button--primary" onClick={onKeepBoth}>
            {keepBothLabel}
          </button>
        )}
        <button
          type="button"
          className={onKeepBoth ? 'button' : 'button button--primary'}
          onClick={onKeepMine}
        >
          Keep my version
        </button>
        <button type="button" className="button" onClick={onTakeTheirs}>
          Use the version on disk
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void copyText(mine).then((ok) => setCopied(ok ? 'yes' : 'failed'))}
        >
          Copy my text
        </button>
      </div>
      <p role="status" className="hint">
        {copied === 'yes' && 'Your text is copied. You can paste it anywhere you like.'}
        {copied === 'failed' &&
          'Copying did not work here. Select the text under “Your version” and copy it yourself.'}
      </p>
    </Dialog>
  );
}
