/**
 * Fixing a planning file's YAML syntax error in place: the file's own text, numbered, with the
 * line to fix marked and selected, and the plain explanation beside it. Saving goes through the
 * same version check as every save; when the file changed meanwhile, the version on disk is
 * shown and the person's text is kept under Recovered text.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { YamlSource } from '../../../main/api/contract.js';
import { errorMessage, tandem } from '../../api.js';
import { useApp } from '../../state/AppContext.js';

/** Offsets of the start and end of line `line` (from 1) in `text`. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf('\n', start);
    if (next < 0) break;
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

export function YamlFixer({ file, onFixed }: { file: string; onFixed(): void }) {
  const { announce, refreshLibrary } = useApp();
  const [source, setSource] = useState<YamlSource | undefined>(undefined);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const explanationId = useId();

  const load = async () => {
    try {
      const read = await tandem().readYamlSource(file);
      setSource(read);
      setText(read.text);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useEffect(() => {
    void load();
    // `load` reads `file` only; a new file remounts the fixer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file]);

  const line = source?.problem?.line;
  // Select the line to fix once the text is shown, so typing replaces nothing unexpectedly
  // but the caret is already there.
  useEffect(() => {
    const textarea = area.current;
    if (!textarea || line === undefined) return;
    const [start, end] = lineRange(textarea.value, line);
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const lineHeight = textarea.scrollHeight / Math.max(1, textarea.value.split('\n').length);
    textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }, [source, line]);

  if (!source?.problem) return null;

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await tandem().saveYamlSource({ file, text, baseVersion: source.version });
      if (result.ok) {
        announce(`${file} is fixed and saved.`);
        await refreshLibrary();
        onFixed();
        return;
      }
      await tandem().keepRecoveredText({
        file,
        what: file,
        reason: 'Your fix, kept when someone else changed the file meanwhile',
        text,
      });
      await load();
      setError(
        'Someone else changed this file while you were fixing it, so their version is shown now. Your text is kept under “Recovered text”.',
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const count = text.split('\n').length;
  return (
    <section className="yaml-fixer" aria-labelledby={`${explanationId}-title`}>
      <h2 id={`${explanationId}-title`}>Fix it here</h2>
      <p id={explanationId} className="yaml-fixer__explanation">
        <strong>Line {source.problem.line}:</strong> {source.problem.message}.
      </p>
      <div className="yaml-fixer__editor">
        <pre ref={gutter} className="yaml-fixer__gutter" aria-hidden="true">
          {Array.from({ length: count }, (_, i) => (
            <span key={i} className={i + 1 === line ? 'yaml-fixer__marked' : undefined}>
              {i + 1}
            </span>
          ))}
        </pre>
        <textarea
          ref={area}
          className="yaml-fixer__text"
          value={text}
          spellCheck={false}
          wrap="off"
          rows={Math.min(24, Math.max(8, count + 1))}
          aria-label={`The text of ${file}`}
          aria-describedby={explanationId}
          onChange={(event) => setText(event.target.value)}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
        />
      </div>
      {error && (
        <p className="notice notice--problem" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy || text === source.text}
          onClick={() => void save()}
        >
          {busy ? 'Saving…' : 'Save the fix'}
        </button>
      </div>
    </section>
  );
}
