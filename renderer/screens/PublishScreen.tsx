/** Publishing a term's prospectus (PDF) and website, with a preview of what is left out and why. */
import { useEffect, useState } from 'react';
import type { BuildPlan, BuildProgress, PaperSize } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { useLanguageCounts } from '../hooks/useLanguageCounts.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { BuildOutcome } from './publish/BuildOutcome.js';
import { SuggestionCounts } from './publish/SuggestionCounts.js';
import { useBuildRun } from './publish/useBuildRun.js';

type What = 'both' | 'site' | 'pdf';

const phaseWords: Record<BuildProgress['phase'], string> = {
  load: 'Reading the library',
  site: 'Making the website',
  pdf: 'Making the prospectus',
  'facilitator-packs': 'Making the facilitator packs',
  done: 'Finished',
};

/** The publish screen. */
export function PublishScreen() {
  const { library, announce } = useApp();
  const suggestions = useLanguageCounts(library);
  const heading = usePageHeading();
  const [termId, setTermId] = useState(library?.currentTerm ?? '');
  const [what, setWhat] = useState<What>('both');
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [largePrint, setLargePrint] = useState(false);
  const [booklet, setBooklet] = useState(false);
  const [facilitatorPacks, setFacilitatorPacks] = useState(false);
  const [draft, setDraft] = useState(false);
  const [plan, setPlan] = useState<BuildPlan | undefined>(undefined);
  const [planError, setPlanError] = useState<string | undefined>(undefined);
  const run = useBuildRun(announce);

  useEffect(() => {
    let cancelled = false;
    setPlan(undefined);
    tandem()
      .planBuild({ termId: termId || undefined, draft })
      .then((p) => {
        if (cancelled) return;
        setPlan(p);
        setPlanError(undefined);
      })
      .catch((e: unknown) => {
        if (!cancelled) setPlanError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [termId, draft, library]);

  const publish = () =>
    run.start({
      termId: termId || undefined,
      only: what === 'both' ? undefined : what,
      paper,
      largePrint,
      booklet,
      facilitatorPacks,
      draft,
    });

  if (!library) return null;
  const { running, progress, result, startError } = run;
  const percent =
    progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        Publish the prospectus
      </h1>
      <p>
        Make the printable prospectus and the website for a term. Only courses that every author has
        signed off are included, unless you make a draft.
      </p>
      <form
        className="form panel"
        onSubmit={(event) => {
          event.preventDefault();
          void publish();
        }}
      >
        <h2>What to publish</h2>
        <div className="field">
          <label htmlFor="publish-term">Term</label>
          <select id="publish-term" value={termId} onChange={(e) => setTermId(e.target.value)}>
            {library.terms.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
                {t.id === library.currentTerm ? ' (current term)' : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Make</legend>
          {(
            [
              ['both', 'The website and the prospectus PDF'],
              ['site', 'The website only'],
              ['pdf', 'The prospectus PDF only'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="publish-what"
                value={value}
                checked={what === value}
                onChange={() => setWhat(value)}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        {what !== 'site' && (
          <fieldset className="field">
            <legend>Printing</legend>
            <div className="radio-row">
              {(['A4', 'A5'] as const).map((size) => (
                <label key={size} className="check">
                  <input
                    type="radio"
                    name="publish-paper"
                    value={size}
                    checked={paper === size}
                    onChange={() => setPaper(size)}
                  />
                  <span>{size} paper</span>
                </label>
              ))}
            </div>
            <label className="check">
              <input
                type="checkbox"
                checked={largePrint}
                onChange={(e) => setLargePrint(e.target.checked)}
              />
              <span>Large print</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={booklet}
                onChange={(e) => setBooklet(e.target.checked)}
              />
              <span>Also make a booklet to fold and staple</span>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={facilitatorPacks}
                onChange={(e) => setFacilitatorPacks(e.target.checked)}
              />
              <span>Also make facilitator packs (with the notes for trainers)</span>
            </label>
          </fieldset>
        )}
        <label className="check">
          <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.target.checked)} />
          <span>
            Draft: include every course, marking the ones not yet signed off (for checking, not for
            students)
          </span>
        </label>

        <section className="plan" aria-labelledby="plan-title" aria-live="polite">
          <h2 id="plan-title">Courses in this publication</h2>
          {planError && (
            <p className="field__problem" role="alert">
              {planError}
            </p>
          )}
          {!plan && !planError && <p className="loading">Checking the courses…</p>}
          {plan && (
            <>
              <p>
                {plan.included.length === 1
                  ? '1 course will be included.'
                  : `${plan.included.length} courses will be included.`}
              </p>
              <SuggestionCounts plan={plan} counts={suggestions} />
              {plan.excluded.length > 0 && (
                <>
                  <h3>Left out</h3>
                  <ul className="plain-list">
                    {plan.excluded.map((c) => (
                      <li key={c.courseId}>
                        <strong>{c.title}</strong>: {c.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </section>

        <button type="submit" className="button button--primary" disabled={running}>
          {running ? 'Publishing…' : 'Publish'}
        </button>
        {startError && (
          <p className="field__problem" role="alert">
            Publishing could not start: {startError}
          </p>
        )}
      </form>

      {progress && !result && (
        <section className="panel" aria-labelledby="progress-title">
          <h2 id="progress-title">Publishing</h2>
          <label htmlFor="publish-progress">{phaseWords[progress.phase]}</label>
          <progress id="publish-progress" max={100} value={percent}>
            {percent}%
          </progress>
          <p className="hint" role="status" aria-live="polite">
            {progress.message}
          </p>
        </section>
      )}

      {result && <BuildOutcome result={result} courses={library.courses} />}
    </div>
  );
}
