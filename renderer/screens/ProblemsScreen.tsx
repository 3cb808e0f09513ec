/** Everything in the library that needs fixing, as `file:line: message`, grouped by course. */
import { useEffect, useState } from 'react';
import type { Problem } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { severityLabel } from '../components/severity-label.js';
import { useApp } from '../state/AppContext.js';
import { usePageHeading } from '../hooks/usePageHeading.js';

function groupOf(problem: Problem): string {
  const first = problem.file.split('/')[0] ?? '';
  return problem.file.includes('/') && !['terms', 'pages'].includes(first) ? first : '';
}

/** The problems screen; `courseId` shows one course's problems first. */
export function ProblemsScreen({ courseId }: { courseId?: string }) {
  const { library } = useApp();
  const heading = usePageHeading();
  const [problems, setProblems] = useState<Problem[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    tandem()
      .getProblems()
      .then(setProblems)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [library]);

  const groups = new Map<string, Problem[]>();
  for (const problem of problems ?? []) {
    const key = groupOf(problem);
    groups.set(key, [...(groups.get(key) ?? []), problem]);
  }
  const keys = [...groups.keys()].sort((a, b) =>
    a === courseId ? -1 : b === courseId ? 1 : a.localeCompare(b),
  );
  const titleOf = (key: string) =>
    key === '' ? 'College files' : (library?.courses.find((c) => c.id === key)?.title ?? key);

  return (
    <div className="screen">
      <h1 ref={heading} tabIndex={-1}>
        Problems
      </h1>
      <p className="hint">
        These need fixing before the courses they belong to can be published. Each one says which
        file and line to look at. Lines marked &ldquo;For information&rdquo; need nothing from you
        now: they say, for example, which planned runs wait for their course&rsquo;s sign-off.
      </p>
      {error && (
        <p className="notice notice--problem" role="alert">
          The problems could not be listed: {error}
        </p>
      )}
      {!problems && !error && <p className="loading">Checking the library…</p>}
      {problems?.every((p) => p.severity === 'information') && (
        <p className="notice notice--good">
          <span aria-hidden="true">✓ </span>No problems found. Everything in the library can be
          read.
        </p>
      )}
      {keys.map((key) => (
        <section key={key || 'college'} className="panel" aria-labelledby={`problems-${key}`}>
          <h2 id={`problems-${key}`}>{titleOf(key)}</h2>
          <ul className="problem-list">
            {groups.get(key)?.map((p, index) => (
              <li key={index} className={`problem problem--${p.severity}`}>
                <span className="problem__severity">{severityLabel(p.severity)}</span>
                <code className="problem__where">
                  {p.file}:{p.line}:
                </code>{' '}
                <span className="problem__message">{p.message}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
