/** The result of a build on the Publish screen: its files to open, its problems, what was left out. */
import { useState } from 'react';
import type { BuildResult, CourseSummary } from '../../../main/api/contract.js';
import { errorMessage } from '../../api.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { openOutput } from './open-output.js';

/**
 * The button text for one facilitator pack (`facilitators/<course-id>.pdf`): each names its
 * course, so a list of packs is not a row of identical buttons.
 */
export function facilitatorPackLabel(file: string, courses: readonly CourseSummary[]): string {
  const id = (file.split(/[\\/]/).pop() ?? file).replace(/\.pdf$/i, '');
  const title = courses.find((course) => course.id === id)?.title ?? id;
  return `Open the facilitator pack for ${title}`;
}

/** What a finished build made (each file with a button to open it), or why it stopped. */
export function BuildOutcome({
  result,
  courses,
}: {
  result: BuildResult;
  /** The library's courses, to name each facilitator pack by its course. */
  courses: readonly CourseSummary[];
}) {
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
                {facilitatorPackLabel(path, courses)}
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
