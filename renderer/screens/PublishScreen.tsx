/** Publishing a term's prospectus (PDF) and website, with a preview of what is left out and why. */
import { useEffect, useRef, useState } from 'react';
import type {
  BuildPlan,
  BuildProgress,
  BuildResult,
  PaperSize,
  TandemEvent,
} from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useApp } from '../state/AppContext.js';
import { suggestionCount, useLanguageCounts } from '../hooks/useLanguageCounts.js';
import { usePageHeading } from '../hooks/usePageHeading.js';
import { useTandemEvent } from '../hooks/useTandemEvent.js';
import { openOutput } from './open-output.js';

type What = 'both' | 'site' | 'pdf';

type BuildEvent = Extract<TandemEvent, { type: 'build-progress' | 'build-finished' }>;

function isBuildEvent(event: TandemEvent): event is BuildEvent {
  return event.type === 'build-progress' || event.type === 'build-finished';
}

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
  const [buildId, setBuildId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<BuildProgress | undefined>(undefined);
  const [result, setResult] = useState<BuildResult | undefined>(undefined);
  const [startError, setStartError] = useState<string | undefined>(undefined);
  const early = useRef<BuildEvent[]>([]);
  const starting = useRef(false);

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

  const handle = (event: BuildEvent) => {
    if (event.type === 'build-progress') setProgress(event.progress);
    if (event.type === 'build-finished') {
      setResult(event.result);
      setBuildId(undefined);
      announce(
        event.result.ok ? 'Publishing finished.' : 'Publishing stopped. The reasons are listed.',
      );
    }
  };

  useTandemEvent((event) => {
    if (!isBuildEvent(event)) return;
    // Events can arrive before startBuild has told us the id; keep them until it does.
    if (starting.current) early.current.push(event);
    else if (event.buildId === buildId) handle(event);
  });

  const publish = async () => {
    setResult(undefined);
    setStartError(undefined);
    setProgress({ phase: 'load', done: 0, total: 1, message: 'Starting…' });
    starting.current = true;
    early.current = [];
    try {
      const { buildId: id } = await tandem().startBuild({
        termId: termId || undefined,
        only: what === 'both' ? undefined : what,
        paper,
        largePrint,
        booklet,
        facilitatorPacks,
        draft,
      });
      setBuildId(id);
      starting.current = false;
      for (const event of early.current) if (event.buildId === id) handle(event);
    } catch (e) {
      starting.current = false;
      setProgress(undefined);
      setStartError(errorMessage(e));
    }
  };

  if (!library) return null;
  const running = Boolean(buildId) || starting.current;
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

      {result && <BuildOutcome result={result} />}
    </div>
  );
}

function BuildOutcome({ result }: { result: BuildResult }) {
  const heading = usePageHeading<HTMLHeadingElement>();
  const [openError, setOpenError] = useState<string | undefined>(undefined);
  const open = (path: string) =>
    void openOutput(path, path === result.siteDir)
      .then((opened) =>
        setOpenError(
          opened
            ? undefined
            : `Tandem cannot open it from here. You will find it in this folder: ${path}`,
        ),
      )
      .catch((e: unknown) => setOpenError(errorMessage(e)));
  const outputs: [string, string | undefined][] = [
    ['Open the website', result.siteDir],
    ['Open the prospectus (PDF)', result.prospectusPdf],
    ['Open the booklet (PDF)', result.bookletPdf],
  ];
  return (
    <section className="panel" aria-labelledby="result-title" data-testid="publish-result">
      <h2 id="result-title" ref={heading} tabIndex={-1}>
        {result.ok ? 'Published' : 'Publishing stopped'}
      </h2>
      {result.ok && (
        <ul className="output-list">
          {outputs
            .filter((o): o is [string, string] => Boolean(o[1]))
            .map(([label, path]) => (
              <li key={path}>
                <button type="button" className="button" onClick={() => open(path)}>
                  {label}
                </button>
                <code className="output-path">{path}</code>
              </li>
            ))}
          {result.facilitatorPacks.map((path) => (
            <li key={path}>
              <button type="button" className="button" onClick={() => open(path)}>
                Open facilitator pack
              </button>
              <code className="output-path">{path}</code>
            </li>
          ))}
        </ul>
      )}
      {openError && (
        <p className="hint" role="status">
          {openError}
        </p>
      )}
      {result.errors.length > 0 && (
        <ul className="plain-list" role="alert">
          {result.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      {result.problems.length > 0 && (
        <>
          <p>These problems need fixing first:</p>
          <ul className="problem-list">
            {result.problems.map((p, i) => (
              <li key={i}>
                <code>
                  {p.file}:{p.line}:
                </code>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {result.excluded.length > 0 && (
        <p className="hint">
          Left out: {result.excluded.map((c) => `${c.title} (${c.reason})`).join('; ')}.
        </p>
      )}
    </section>
  );
}

/** Writing suggestions in the courses being published: for information, never a block. */
function SuggestionCounts({
  plan,
  counts,
}: {
  plan: BuildPlan;
  counts: Record<string, number> | undefined;
}) {
  const withSuggestions = plan.included.filter((c) => (counts?.[c.courseId] ?? 0) > 0);
  if (!counts || withSuggestions.length === 0) return null;
  return (
    <div data-testid="publish-suggestions">
      <h3>Writing suggestions</h3>
      <p className="hint">
        Gentle suggestions about wording and reading age. They never stop publishing.
      </p>
      <ul className="plain-list">
        {withSuggestions.map((c) => (
          <li key={c.courseId}>
            <strong>{c.title}</strong>: {suggestionCount(counts[c.courseId] ?? 0)}
          </li>
        ))}
      </ul>
    </div>
  );
}
