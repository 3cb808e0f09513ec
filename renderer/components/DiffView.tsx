/** What changed, file by file and line by line; added and removed lines carry + and − marks. */
import type { FileDiff } from '../../main/api/contract.js';

const changeWords: Record<FileDiff['change'], string> = {
  added: 'new file',
  removed: 'removed',
  modified: 'changed',
};

/** A file's path in words: "Module 2: habits that help", "Course details and description". */
export function fileInWords(path: string): string {
  if (path === 'course.md') return 'Course details and description';
  const module = /^modules\/(\d+)-(.+)\.md$/.exec(path);
  if (module) return `Module ${Number(module[1])}: ${module[2]?.replace(/-/g, ' ')}`;
  if (path.startsWith('images/')) return `Picture: ${path.slice('images/'.length)}`;
  return path;
}

/** Lists each changed file with its changed lines. */
export function DiffView({ diffs }: { diffs: FileDiff[] }) {
  if (diffs.length === 0) return <p>Nothing has changed since then.</p>;
  return (
    <ul className="diff">
      {diffs.map((file) => (
        <li key={file.path} className="diff__file">
          <h4 className="diff__path">
            {fileInWords(file.path)} <span className="muted">({changeWords[file.change]})</span>
          </h4>
          <p className="diff__file-name muted">{file.path}</p>
          {file.hunks.length === 0 ? (
            <p className="muted">A picture or other file that cannot be shown as text.</p>
          ) : (
            file.hunks.map((hunk, index) => (
              <div key={index} className="diff__hunk">
                <p className="diff__where muted">From line {hunk.newStart}</p>
                <pre className="diff__lines">
                  {hunk.lines.map((line, n) => (
                    <span key={n} className={`diff__line diff__line--${line.kind}`}>
                      <span className="diff__mark" aria-hidden="true">
                        {line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
                      </span>
                      <span className="visually-hidden">
                        {line.kind === 'added'
                          ? 'Added: '
                          : line.kind === 'removed'
                            ? 'Removed: '
                            : ''}
                      </span>
                      {line.text || ' '}
                      {'\n'}
                    </span>
                  ))}
                </pre>
              </div>
            ))
          )}
        </li>
      ))}
    </ul>
  );
}
