/** Every term with its dates and runs, and the way to start a new one. */
import { useEffect, useState } from 'react';
import type { TermListing } from '../../../main/api/contract.js';
import { errorMessage, tandem } from '../../api.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { useApp } from '../../state/AppContext.js';
import { routeHash } from '../../state/route.js';
import { NewTermDialog } from './NewTermDialog.js';
import { dateRange } from './format-date.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The Terms screen. */
export function TermsScreen() {
  const { library, navigate } = useApp();
  const heading = usePageHeading();
  const [terms, setTerms] = useState<TermListing[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    tandem()
      .listTerms()
      .then(setTerms)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [library]);

  return (
    <div className="screen">
      <div className="screen__header">
        <h1 ref={heading} tabIndex={-1}>
          Terms
        </h1>
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New term
        </button>
      </div>
      <p className="screen__intro">
        Plan each term&rsquo;s runs and sessions. Tandem checks for double bookings and public
        holidays as you go.
      </p>
      {error && (
        <p className="notice notice--problem" role="alert">
          The terms could not be listed: {error}
        </p>
      )}
      {!terms && !error && <p className="loading">Reading the terms…</p>}
      {terms?.length === 0 && <p className="empty">There are no terms yet. Start with New term.</p>}
      {terms && terms.length > 0 && (
        <ul className="term-list">
          {terms.map((term) => (
            <li key={term.id} className="term-card">
              <h2 className="term-card__title">
                <a
                  href={routeHash({ screen: 'term', termId: term.id })}
                  onClick={(event) => {
                    event.preventDefault();
                    void navigate({ screen: 'term', termId: term.id });
                  }}
                >
                  {term.title}
                </a>
                {library?.currentTerm === term.id && (
                  <span className="badge badge--ready">published now</span>
                )}
              </h2>
              <p className="term-card__meta">
                {dateRange(term.starts, term.ends)} · {plural(term.runCount, 'run')},{' '}
                {plural(term.sessionCount, 'session')}
              </p>
              <p className="term-card__checks">
                {term.errorCount === 0 && term.warningCount === 0 ? (
                  <span className="signed signed--yes">
                    <span aria-hidden="true">✓ </span>No clashes or problems
                  </span>
                ) : (
                  <span className="signed signed--no">
                    <span aria-hidden="true">! </span>
                    {[
                      term.errorCount > 0 && plural(term.errorCount, 'problem') + ' to fix',
                      term.warningCount > 0 && plural(term.warningCount, 'thing') + ' to check',
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <NewTermDialog open={creating} terms={terms ?? []} onClose={() => setCreating(false)} />
    </div>
  );
}
