/**
 * Recovered text: every version a person did not choose in a conflict, and unsaved text they
 * discarded, kept in the library until they delete it. Each can be read, copied or deleted.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RecoveredText } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { copyText } from '../components/copy-text.js';
import { formatWhen } from '../components/format-when.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { useApp } from '../state/AppContext.js';

function RecoveredItem({ item, onDeleted }: { item: RecoveredText; onDeleted(): void }) {
  const { announce } = useApp();
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const headingId = `recovered-${item.id}`;
  const remove = async () => {
    try {
      await tandem().deleteRecoveredText(item.id);
      announce(`Deleted the text kept from ${item.what}.`);
      onDeleted();
    } catch (error) {
      setProblem(`It could not be deleted: ${errorMessage(error)}`);
    }
  };
  return (
    <li className="panel recovered" aria-labelledby={headingId} data-testid="recovered-item">
      <h2 id={headingId} className="recovered__title">
        From {item.what}, {formatWhen(item.keptAt)}
      </h2>
      <p className="recovered__reason">{item.reason}</p>
      <p className="hint">{item.file}</p>
      <p className="recovered__actions">
        <button
          type="button"
          className="button"
          aria-expanded={shown}
          onClick={() => setShown((now) => !now)}
        >
          {shown ? 'Hide' : 'View'}
        </button>
        <button
          type="button"
          className="button"
          onClick={() =>
            void copyText(item.text).then((ok) =>
              announce(
                ok
                  ? 'The text is copied. You can paste it anywhere you like.'
                  : 'Copying did not work here. Choose View and select the text yourself.',
              ),
            )
          }
        >
          Copy
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button--danger" onClick={() => void remove()}>
              Yes, delete it for good
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Delete
          </button>
        )}
      </p>
      {problem && (
        <p className="notice notice--problem" role="alert">
          {problem}
        </p>
      )}
      {shown && (
        <pre className="recovered__text" tabIndex={0} data-testid="recovered-text">
          {item.text}
        </pre>
      )}
    </li>
  );
}

/** The recovered-text screen. */
export function RecoveredScreen() {
  const heading = usePageHeading();
  const [items, setItems] = useState<RecoveredText[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    tandem()
      .listRecoveredTexts()
      .then((list) => {
        setItems(list);
        setError(undefined);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  return (
    <div className="screen">
      <h1 ref={heading} tabIndex={-1}>
        Recovered text
      </h1>
      <p className="hint">
        When you choose one version of a file that was changed in two places, the other version is
        kept here, and so is unsaved text you discard. Nothing is removed until you delete it.
      </p>
      {error && (
        <p className="notice notice--problem" role="alert">
          The recovered text could not be listed: {error}
        </p>
      )}
      {!items && !error && <p className="loading">Looking for recovered text…</p>}
      {items?.length === 0 && <p className="notice">There is no recovered text.</p>}
      {items && items.length > 0 && (
        <ul className="recovered-list">
          {items.map((item) => (
            <RecoveredItem key={item.id} item={item} onDeleted={load} />
          ))}
        </ul>
      )}
    </div>
  );
}
