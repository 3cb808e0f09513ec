/** The messages every planning screen shows about its file: could not load, conflict, error. */
import type { PlanningFile } from '../../hooks/usePlanningFile.js';
import { YamlFixer } from './YamlFixer.js';

/** Notices for `state`; nothing when all is well. */
export function SaveNotices<D>({ state, file }: { state: PlanningFile<D>; file: string }) {
  return (
    <>
      {state.loadError && (
        <p className="notice notice--problem" role="alert">
          {state.loadError}
        </p>
      )}
      {state.loadError && <YamlFixer file={file} onFixed={() => void state.reload()} />}
      {state.saveError && (
        <p className="notice notice--problem" role="alert">
          {state.saveError}
        </p>
      )}
      {state.conflict && (
        <div className="notice notice--problem" role="alert">
          <p>
            Someone changed <code>{file}</code> while you were working, so {state.conflict.what} has
            not been saved yet. Nothing is lost.
          </p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => void state.conflict?.retry()}
            >
              Load their changes and save mine again
            </button>
            <button type="button" className="button" onClick={() => state.conflict?.drop()}>
              Keep their version, drop mine
            </button>
          </div>
        </div>
      )}
    </>
  );
}
