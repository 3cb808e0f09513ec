/** The trainer roster: add a trainer, rename one, and remove one who is not named anywhere. */
import { useState } from 'react';
import type { RosterEntry, TrainersDocument, TrainerRole } from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import { roleLabel } from '../../../main/format/wording.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { usePlanningFile } from '../../hooks/usePlanningFile.js';
import { SaveNotices } from './SaveNotices.js';
import { slug } from './slug.js';

/** The Trainers screen. */
export function TrainersScreen() {
  const heading = usePageHeading();
  const state = usePlanningFile('trainers.yml', () => tandem().readTrainers());
  const [name, setName] = useState('');
  const [role, setRole] = useState<TrainerRole>('peer');
  const [renaming, setRenaming] = useState<{ index: number; name: string } | undefined>();
  const saveRoster = (what: string, edit: (trainers: RosterEntry[]) => RosterEntry[]) =>
    state.save(what, (doc: TrainersDocument) =>
      tandem().saveTrainers({
        trainers: edit(doc.trainers.map(({ usedIn: _, ...entry }) => entry)),
        baseVersion: doc.version,
      }),
    );
  const trainers = state.doc?.trainers ?? [];
  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        Trainers
      </h1>
      <p className="screen__intro">
        Everyone who writes and delivers courses. Each run needs a peer trainer and a practitioner
        trainer.
      </p>
      <SaveNotices state={state} file="trainers.yml" />
      <section className="panel" aria-labelledby="trainer-add">
        <h2 id="trainer-add">Add a trainer</h2>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            const id = slug(name);
            if (!id) return;
            void saveRoster(`adding ${name.trim()}`, (list) => [
              ...list,
              { id, name: name.trim(), role },
            ]).then((saved) => saved && setName(''));
          }}
        >
          <div className="field-row">
            <div className="field">
              <label htmlFor="trainer-name">Name</label>
              <input
                id="trainer-name"
                type="text"
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="trainer-role">Role</label>
              <select
                id="trainer-role"
                value={role}
                onChange={(event) => setRole(event.target.value as TrainerRole)} // cast: the options are the two roles
              >
                <option value="peer">Peer trainer (lived experience)</option>
                <option value="practitioner">Practitioner trainer (professional training)</option>
              </select>
            </div>
          </div>
          <button
            type="submit"
            className="button button--primary"
            disabled={
              !state.doc || state.busy || !slug(name) || trainers.some((t) => t.id === slug(name))
            }
          >
            Add trainer
          </button>
          {slug(name) && trainers.some((t) => t.id === slug(name)) && (
            <p className="field__problem">There is already a trainer called {name.trim()}.</p>
          )}
        </form>
      </section>
      <section className="panel" aria-labelledby="trainer-roster">
        <h2 id="trainer-roster">Roster</h2>
        <ul className="roster">
          {trainers.map((trainer) => {
            const editing =
              renaming !== undefined && renaming.index === trainer.index ? renaming : undefined;
            return (
              <li key={trainer.id} className="roster__item">
                {editing ? (
                  <form
                    className="input-row"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const newName = editing.name.trim();
                      if (!newName) return;
                      void saveRoster(`renaming ${trainer.name}`, (list) =>
                        list.map((t) => (t.index === trainer.index ? { ...t, name: newName } : t)),
                      ).then((saved) => saved && setRenaming(undefined));
                    }}
                  >
                    <label className="visually-hidden" htmlFor={`rename-${trainer.id}`}>
                      New name for {trainer.name}
                    </label>
                    <input
                      id={`rename-${trainer.id}`}
                      type="text"
                      value={editing.name}
                      autoFocus
                      onChange={(event) => setRenaming({ ...editing, name: event.target.value })}
                    />
                    <button type="submit" className="button button--small button--primary">
                      Save name
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setRenaming(undefined)}
                    >
                      Cancel
                    </button>
                  </form>
                ) : (
                  <div className="roster__who">
                    <strong>{trainer.name}</strong>{' '}
                    <span className="author-chip__role">{roleLabel(trainer.role)}</span>
                    <p className="hint">
                      {trainer.usedIn.length === 0
                        ? 'Not named in any run or course yet.'
                        : `Named in ${trainer.usedIn.length} ${trainer.usedIn.length === 1 ? 'place' : 'places'}.`}
                    </p>
                  </div>
                )}
                {!editing && (
                  <div className="roster__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() =>
                        trainer.index !== undefined &&
                        setRenaming({ index: trainer.index, name: trainer.name })
                      }
                    >
                      Rename<span className="visually-hidden"> {trainer.name}</span>
                    </button>
                    <button
                      type="button"
                      className="button button--small button--quiet"
                      onClick={() =>
                        void saveRoster(`removing ${trainer.name}`, (list) =>
                          list.filter((t) => t.index !== trainer.index),
                        )
                      }
                    >
                      Remove<span className="visually-hidden"> {trainer.name}</span>
                    </button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
