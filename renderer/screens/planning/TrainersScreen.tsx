/** The trainer roster: add a trainer, rename one, and remove one who is not named anywhere. */
import { useMemo, useState } from 'react';
import type { RosterEntry, TrainersDocument, TrainerRole } from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import { roleLabel } from '../../../main/format/wording.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { usePlanningFile } from '../../hooks/usePlanningFile.js';
import { useRecordEdit } from '../../hooks/useRecordEdit.js';
import type { RecordField } from '../../components/record-merge.js';
import { RecordEditNotices } from '../../components/RecordConflictDialog.js';
import { SaveNotices } from './SaveNotices.js';
import { slug } from './slug.js';

/** A trainer's fields as the roster shows them, for the conflict view. */
const TRAINER_FIELDS: RecordField<RosterEntry>[] = [
  { name: 'name', label: 'Name' },
  { name: 'role', label: 'Role', show: (trainer) => roleLabel(trainer.role) },
];

/** The Trainers screen. */
export function TrainersScreen() {
  const heading = usePageHeading();
  const state = usePlanningFile('trainers.yml', () => tandem().readTrainers());
  const [name, setName] = useState('');
  const [role, setRole] = useState<TrainerRole>('peer');
  const [renaming, setRenaming] = useState<string | undefined>();
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
            const editing = renaming === trainer.id;
            return (
              <li key={trainer.id} className="roster__item">
                {editing ? (
                  <RenameForm
                    trainer={trainer}
                    busy={state.busy}
                    latest={async () =>
                      (await state.reload())?.trainers.find((t) => t.id === trainer.id)
                    }
                    onSave={(changed) =>
                      saveRoster(`renaming ${trainer.name}`, (list) =>
                        list.map((t) =>
                          t.id === changed.id
                            ? { ...t, name: changed.name, role: changed.role }
                            : t,
                        ),
                      )
                    }
                    onDone={() => setRenaming(undefined)}
                  />
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
                      onClick={() => setRenaming(trainer.id)}
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

/** Renames one trainer; saved only over the name and role this edit started from. */
function RenameForm({
  trainer,
  busy,
  latest,
  onSave,
  onDone,
}: {
  trainer: RosterEntry & { usedIn: string[] };
  busy: boolean;
  latest(): Promise<RosterEntry | undefined>;
  onSave(trainer: RosterEntry): Promise<boolean>;
  onDone(): void;
}) {
  // Only the roster entry itself: where the trainer is named is no part of this edit.
  const record = useMemo(() => entryOf(trainer), [trainer]);
  const edit = useRecordEdit({
    record,
    fields: TRAINER_FIELDS,
    file: 'trainers.yml',
    what: `the trainer “${trainer.name}”`,
    latest: async () => {
      const now = await latest();
      return now && entryOf(now);
    },
    onSave: async (value) => {
      const saved = await onSave(value);
      if (saved) onDone();
      return saved;
    },
  });
  const { value, setValue } = edit.draft;
  return (
    <>
      <form
        className="input-row"
        onSubmit={(event) => {
          event.preventDefault();
          const name = value.name.trim();
          if (name) void edit.submit({ ...value, name });
        }}
      >
        <label className="visually-hidden" htmlFor={`rename-${trainer.id}`}>
          New name for {trainer.name}
        </label>
        <input
          id={`rename-${trainer.id}`}
          type="text"
          value={value.name}
          autoFocus
          onChange={(event) => setValue({ ...value, name: event.target.value })}
        />
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          Save name
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          Cancel
        </button>
      </form>
      <RecordEditNotices edit={edit} />
    </>
  );
}

// Without its place in the file: a trainer added above this one is no change to it.
function entryOf({ id, name, role }: RosterEntry): RosterEntry {
  return { id, name, role };
}
