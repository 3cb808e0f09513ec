/**
 * The live preview: a student-site page (this session's, the course's, the home page or the
 * timetable) as it would be published now, rendered by the back end after every save.
 *
 * The page is shown in a sandboxed frame: no scripts (no `allow-scripts`, and the page carries
 * its own policy with no script source), no forms, popups or navigation. `allow-same-origin`
 * only lets the app keep the reader's place across updates and keep links from navigating.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PreviewPage, SitePreview as Preview } from '../../main/api/contract.js';
import { errorMessage, tandem } from '../api.js';
import { useTandemEvent } from '../hooks/useTandemEvent.js';

export type PreviewChoice = PreviewPage['page'];

const choices: { id: PreviewChoice; label: string }[] = [
  { id: 'module', label: 'This session’s page' },
  { id: 'course', label: 'The course page' },
  { id: 'home', label: 'The home page' },
  { id: 'timetable', label: 'The timetable' },
];

export interface SitePreviewProps {
  courseId: string;
  /** The module open in the editor (its file name in modules/), if any. */
  moduleFile: string | undefined;
  /** Goes up every time one of the course's files is saved; the preview follows. */
  revision: number;
  onClose(): void;
}

function pageFor(choice: PreviewChoice, courseId: string, file: string | undefined): PreviewPage {
  if (choice === 'module' && file) return { page: 'module', courseId, file };
  if (choice === 'home' || choice === 'timetable') return { page: choice };
  return { page: 'course', courseId };
}

/** Keeps the frame's links from navigating it; links within the page still scroll. */
function keepLinksInPlace(frame: HTMLIFrameElement): void {
  const doc = frame.contentDocument;
  doc?.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!link) return;
    event.preventDefault();
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) doc.getElementById(href.slice(1))?.scrollIntoView();
  });
}

/** The preview pane beside the course editor. */
export function SitePreview({ courseId, moduleFile, revision, onClose }: SitePreviewProps) {
  const [chosen, setChoice] = useState<PreviewChoice>('module');
  // With no module open, "this session" means the course page.
  const choice = chosen === 'module' && !moduleFile ? 'course' : chosen;
  const [preview, setPreview] = useState<Preview | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [updating, setUpdating] = useState(false);
  const [changes, setChanges] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);
  const scroll = useRef({ key: '', y: 0 });
  const requested = useRef(0);

  const page = pageFor(choice, courseId, moduleFile);
  const key = JSON.stringify(page);

  useEffect(() => {
    const request = ++requested.current;
    setUpdating(true);
    tandem()
      .previewPage(JSON.parse(key) as PreviewPage)
      .then((next) => {
        // Only the newest request is shown: an older one may finish later.
        if (request !== requested.current) return;
        const win = frame.current?.contentWindow;
        scroll.current = { key, y: scroll.current.key === key && win ? win.scrollY : 0 };
        setPreview(next);
        setError(undefined);
      })
      .catch((reason: unknown) => {
        if (request === requested.current) setError(errorMessage(reason));
      })
      .finally(() => {
        if (request === requested.current) setUpdating(false);
      });
  }, [key, revision, changes]);

  // Someone else's change on disk (a co-author, a sync) shows too.
  useTandemEvent((event) => {
    if (event.type === 'library-changed') setChanges((n) => n + 1);
  });

  const onLoad = useCallback(() => {
    const current = frame.current;
    if (!current) return;
    keepLinksInPlace(current);
    current.contentWindow?.scrollTo(0, scroll.current.y);
  }, []);

  const label = choices.find((c) => c.id === choice)?.label ?? '';
  return (
    <aside className="site-preview" aria-labelledby="site-preview-title">
      <div className="site-preview__bar">
        <h2 id="site-preview-title" className="site-preview__title">
          Preview
        </h2>
        <label className="site-preview__choice">
          <span className="visually-hidden">Page to preview</span>
          <select value={choice} onChange={(e) => setChoice(e.target.value as PreviewChoice)}>
            {choices
              .filter((c) => c.id !== 'module' || moduleFile)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
          </select>
        </label>
        <span className="site-preview__state" data-testid="preview-state">
          {updating ? 'Updating…' : 'Up to date'}
        </span>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          Hide preview
        </button>
      </div>
      {preview?.ok && preview.draft && (
        <p className="notice site-preview__draft" data-testid="preview-draft">
          <strong>Draft.</strong> Not yet signed off by all its authors: it is published only in a
          build with drafts.
        </p>
      )}
      {error && (
        <p className="notice notice--problem" role="alert">
          The preview could not be made: {error}
        </p>
      )}
      {preview && !preview.ok && (
        <p className="notice notice--problem" data-testid="preview-unavailable">
          {preview.reason}
        </p>
      )}
      {preview?.ok && (
        <div className="site-preview__viewport">
          <iframe
            ref={frame}
            className="site-preview__frame"
            title={`Preview: ${label.toLowerCase()}, as students will see it`}
            sandbox="allow-same-origin"
            srcDoc={preview.html}
            onLoad={onLoad}
            data-testid="preview-frame"
            data-path={preview.path}
          />
        </div>
      )}
    </aside>
  );
}
