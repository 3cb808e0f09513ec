/** Where courses run: each venue's name, address, accessibility notes and whether it is online. */
import { useState } from 'react';
import type { CollegeDocument, PlannedVenue } from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { usePlanningFile } from '../../hooks/usePlanningFile.js';
import { useRecordEdit } from '../../hooks/useRecordEdit.js';
import type { RecordField } from '../../components/record-merge.js';
import { RecordEditNotices } from '../../components/RecordConflictDialog.js';
import { SaveNotices } from './SaveNotices.js';
import { slug } from './slug.js';

const blank: PlannedVenue = { id: '', name: '', address: '', accessibility: '', online: false };

/** A venue's fields as the form labels them, for the conflict view. */
const VENUE_FIELDS: RecordField<PlannedVenue>[] = [
  { name: 'name', label: 'Name' },
  { name: 'address', label: 'Address' },
  { name: 'accessibility', label: 'Accessibility' },
  { name: 'online', label: 'Online', show: (venue) => (venue.online ? 'Yes' : 'No') },
];

/** The Venues screen. */
export function VenuesScreen() {
  const heading = usePageHeading();
  const state = usePlanningFile('college.yml', () => tandem().readCollege());
  const [adding, setAdding] = useState(false);
  const saveVenues = (what: string, edit: (venues: PlannedVenue[]) => PlannedVenue[]) =>
    state.save(what, (doc: CollegeDocument) =>
      tandem().saveCollege({
        settings: doc.settings,
        venues: edit(doc.venues),
        baseVersion: doc.version,
      }),
    );
  return (
    <div className="screen screen--narrow">
      <div className="screen__header">
        <h1 ref={heading} tabIndex={-1}>
          Venues
        </h1>
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Add a venue
        </button>
      </div>
      <p className="screen__intro">
        Students read these when they choose a course, so say what they need to plan their visit.
      </p>
      <SaveNotices state={state} file="college.yml" />
      {adding && (
        <VenueForm
          venue={blank}
          isNew
          busy={state.busy}
          onCancel={() => setAdding(false)}
          onSave={async (venue) => {
            const saved = await saveVenues(`the new venue ${venue.name}`, (venues) => [
              ...venues,
              { ...venue, id: slug(venue.name) },
            ]);
            if (saved) setAdding(false);
            return saved;
          }}
        />
      )}
      {state.doc?.venues.map((venue, i) => (
        <VenueForm
          key={venue.index ?? `new-${i}`}
          venue={venue}
          busy={state.busy}
          latest={async () => (await state.reload())?.venues.find((v) => v.id === venue.id)}
          onSave={(changed) =>
            // By id, at its place in the file as read now: someone may have added one before it.
            saveVenues(`the details of ${changed.name}`, (venues) =>
              venues.map((v) => (v.id === changed.id ? { ...changed, index: v.index } : v)),
            )
          }
        />
      ))}
    </div>
  );
}

function VenueForm({
  venue,
  isNew,
  busy,
  latest,
  onSave,
  onCancel,
}: {
  venue: PlannedVenue;
  isNew?: boolean;
  busy: boolean;
  /** The venue as it is on disk now; absent for a new one. */
  latest?(): Promise<PlannedVenue | undefined>;
  onSave(venue: PlannedVenue): Promise<boolean>;
  onCancel?(): void;
}) {
  const edit = useRecordEdit({
    record: venue,
    fields: VENUE_FIELDS,
    file: 'college.yml',
    what: `the venue “${venue.name}”`,
    latest,
    onSave,
  });
  const { value, setValue } = edit.draft;
  const key = isNew ? 'new' : venue.id;
  const changed = edit.draft.dirty;
  const missing = !value.name.trim() || !value.address.trim() || !value.accessibility.trim();
  const text = (field: 'name' | 'address' | 'accessibility') => ({
    id: `venue-${key}-${field}`,
    value: value[field],
    onChange: (event: { target: { value: string } }) =>
      setValue({ ...value, [field]: event.target.value }),
  });
  return (
    <section className="panel" aria-labelledby={`venue-${key}`}>
      <h2 id={`venue-${key}`}>{isNew ? 'New venue' : venue.name}</h2>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!missing) void edit.submit();
        }}
      >
        <div className="field">
          <label htmlFor={`venue-${key}-name`}>Name</label>
          <input type="text" {...text('name')} />
        </div>
        <div className="field">
          <label htmlFor={`venue-${key}-address`}>
            {value.online ? 'How students join' : 'Address'}
          </label>
          <textarea rows={2} {...text('address')} />
          {value.online && (
            <p className="hint">Never a meeting link: those go to enrolled students only.</p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`venue-${key}-accessibility`}>Accessibility</label>
          <textarea rows={4} {...text('accessibility')} />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={value.online}
            onChange={(event) => setValue({ ...value, online: event.target.checked })}
          />
          <span>Online (sessions here never clash for the room)</span>
        </label>
        {missing && changed && (
          <p className="field__problem">Please fill in the name, address and accessibility.</p>
        )}
        <div className="dialog__actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy || !changed || missing}
          >
            {isNew ? 'Add venue' : 'Save venue'}
            {!isNew && <span className="visually-hidden"> {venue.name}</span>}
          </button>
          {onCancel && (
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <RecordEditNotices edit={edit} />
    </section>
  );
}
