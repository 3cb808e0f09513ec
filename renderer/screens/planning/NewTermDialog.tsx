/**
 * A new term, blank or copied from another term. A copy is shown first, with every session that
 * moves off a public holiday, and is written only when the administrator says so.
 */
import { useState } from 'react';
import type { TermCopyPreview, TermListing } from '../../../main/api/contract.js';
import { errorMessage, tandem } from '../../api.js';
import { Dialog } from '../../components/Dialog.js';
import { useApp } from '../../state/AppContext.js';
import { longDate } from './format-date.js';
import { slug } from './slug.js';

interface Props {
  open: boolean;
  terms: TermListing[];
  onClose(): void;
}

/** The "New term" dialog. */
export function NewTermDialog({ open, terms, onClose }: Props) {
  const { navigate, refreshLibrary, announce } = useApp();
  const [chosenMode, setMode] = useState<'copy' | 'blank'>('copy');
  // Until the terms are known there is nothing to copy from.
  const mode = terms.length > 0 ? chosenMode : 'blank';
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [starts, setStarts] = useState('');
  const [ends, setEnds] = useState('');
  const [preview, setPreview] = useState<TermCopyPreview | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const source = from || terms.at(-1)?.id || '';
  const id = slug(title);

  const close = () => {
    setPreview(undefined);
    setError(undefined);
    onClose();
  };
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await task();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const missing = !title.trim()
    ? 'Please give the term a title.'
    : !starts
      ? 'Please choose the first day of the term.'
      : mode === 'blank' && !ends
        ? 'Please choose the last day of the term.'
        : undefined;

  const showCopy = () =>
    run(async () => {
      const result = await tandem().previewTermCopy({
        id,
        fromTermId: source,
        starts,
        title: title.trim(),
      });
      setPreview(result);
      announce(
        result.moves.length + result.stuck.length === 0
          ? 'No session falls on a public holiday.'
          : `${result.moves.length} sessions move off public holidays.`,
      );
    });
  const create = () =>
    run(async () => {
      const term =
        mode === 'copy'
          ? await tandem().copyTerm({ id, fromTermId: source, starts, title: title.trim() })
          : await tandem().createTerm({ id, title: title.trim(), starts, ends });
      await refreshLibrary();
      close();
      await navigate({ screen: 'term', termId: term.id });
    });

  return (
    <Dialog open={open} title="New term" onClose={close} wide>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (missing) return setError(missing);
          if (mode === 'copy' && !preview) return void showCopy();
          void create();
        }}
      >
        <fieldset className="field">
          <legend>Start from</legend>
          <label className="check">
            <input
              type="radio"
              name="new-term-mode"
              checked={mode === 'copy'}
              disabled={terms.length === 0}
              onChange={() => {
                setMode('copy');
                setPreview(undefined);
              }}
            />
            <span>A copy of another term, with its runs, trainers, venues and places</span>
          </label>
          <label className="check">
            <input
              type="radio"
              name="new-term-mode"
              checked={mode === 'blank'}
              onChange={() => {
                setMode('blank');
                setPreview(undefined);
              }}
            />
            <span>A blank term</span>
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="new-term-title">Title</label>
          <input
            id="new-term-title"
            type="text"
            value={title}
            autoFocus
            onChange={(event) => {
              setTitle(event.target.value);
              setPreview(undefined);
            }}
          />
          {id && (
            <p className="hint">
              Saved as <code>terms/{id}.yml</code>
            </p>
          )}
        </div>
        {mode === 'copy' && (
          <div className="field">
            <label htmlFor="new-term-from">Copy</label>
            <select
              id="new-term-from"
              value={source}
              onChange={(event) => {
                setFrom(event.target.value);
                setPreview(undefined);
              }}
            >
              {terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {term.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field-row">
          <div className="field">
            <label htmlFor="new-term-starts">First day</label>
            <input
              id="new-term-starts"
              type="date"
              value={starts}
              onChange={(event) => {
                setStarts(event.target.value);
                setPreview(undefined);
              }}
            />
          </div>
          {mode === 'blank' && (
            <div className="field">
              <label htmlFor="new-term-ends">Last day</label>
              <input
                id="new-term-ends"
                type="date"
                value={ends}
                onChange={(event) => setEnds(event.target.value)}
              />
            </div>
          )}
        </div>
        {preview && <CopySummary preview={preview} />}
        {error && (
          <p className="notice notice--problem" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {mode === 'copy' && !preview ? 'Show the new dates' : 'Create term'}
          </button>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** What the copy will be, listing every session that moves, before anything is saved. */
function CopySummary({ preview }: { preview: TermCopyPreview }) {
  const { library } = useApp();
  const titleOf = (id: string) => library?.courses.find((c) => c.id === id)?.title ?? id;
  return (
    <section className="copy-summary" aria-labelledby="copy-summary-title" role="status">
      <h3 id="copy-summary-title">Before you create it</h3>
      <p>
        <strong>{preview.title}</strong> runs from {longDate(preview.starts)} to{' '}
        {longDate(preview.ends)}, with {preview.runCount} runs and {preview.sessionCount} sessions
        on the same weekdays, times and weeks of term.
        {preview.enrolmentOpens && <> Enrolment opens on {longDate(preview.enrolmentOpens)}.</>}
      </p>
      {preview.moves.length === 0 && preview.stuck.length === 0 && (
        <p>No session falls on a public holiday, so nothing moves.</p>
      )}
      {preview.moves.length > 0 && (
        <>
          <h4>
            {preview.moves.length === 1
              ? '1 session moves off a public holiday'
              : `${preview.moves.length} sessions move off public holidays`}
          </h4>
          <ul className="move-list">
            {preview.moves.map((move) => (
              <li key={`${move.run}-${move.session}`}>
                <strong>{titleOf(move.course)}</strong>: {longDate(move.from)} is {move.holiday}, so
                it moves to <strong>{longDate(move.to)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.stuck.length > 0 && (
        <>
          <h4>Needs your decision</h4>
          <ul className="move-list move-list--stuck">
            {preview.stuck.map((stuck) => (
              <li key={`${stuck.run}-${stuck.session}`}>
                <strong>{titleOf(stuck.course)}</strong>: {longDate(stuck.date)} is {stuck.holiday},
                and its run has no free week before the term ends. It stays on that day; move or
                cancel it in the planner.
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
