/**
 * College settings: name, tagline, contact details, the published term, holiday calendar,
 * time zone and cover picture, and the categories courses are listed under.
 */
import type {
  CollegeDocument,
  CollegeSettings,
  Contact,
  HolidayRegion,
} from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { usePlanningFile } from '../../hooks/usePlanningFile.js';
import { useRecordEdit } from '../../hooks/useRecordEdit.js';
import type { RecordField } from '../../components/record-merge.js';
import { RecordEditNotices } from '../../components/RecordConflictDialog.js';
import { useApp } from '../../state/AppContext.js';
import { CategoriesPanel } from './CategoriesPanel.js';
import { CoverPictureField } from './CoverPictureField.js';
import { SaveNotices } from './SaveNotices.js';

const REGIONS: { value: HolidayRegion; label: string }[] = [
  { value: 'england-and-wales', label: 'England and Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
  { value: 'none', label: 'None: do not warn about public holidays' },
];

/** Every zone this browser knows, offered as suggestions while typing. */
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

const CONTACT: { key: keyof Contact; label: string }[] = [
  { key: 'email', label: 'Email' },
  { key: 'phone', label: 'Phone' },
  { key: 'address', label: 'Address' },
  { key: 'website', label: 'Website' },
  { key: 'hours', label: 'Opening hours' },
];

/** The settings as the form labels them, for the conflict view; a term by its title. */
const settingsFields = (termTitle: (id: string) => string): RecordField<CollegeSettings>[] => [
  { name: 'name', label: 'College name' },
  { name: 'tagline', label: 'Tagline' },
  ...CONTACT.map(({ key, label }): RecordField<CollegeSettings> => ({
    name: 'contact',
    label,
    show: (settings) => settings.contact[key] ?? '',
    take: (into, from) => ({ ...into, contact: { ...into.contact, [key]: from.contact[key] } }),
  })),
  {
    name: 'currentTerm',
    label: 'Term published now',
    show: (settings) => termTitle(settings.currentTerm),
  },
  {
    name: 'holidays',
    label: 'Public holidays',
    show: (settings) => REGIONS.find((r) => r.value === settings.holidays)?.label ?? '',
  },
  { name: 'timeZone', label: 'Time zone of the sessions' },
  { name: 'coverImage', label: 'Cover picture' },
];

/** The College settings screen. */
export function CollegeScreen() {
  const heading = usePageHeading();
  const state = usePlanningFile('college.yml', () => tandem().readCollege());
  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        College settings
      </h1>
      <SaveNotices state={state} file="college.yml" />
      {state.doc && (
        <SettingsForm
          settings={state.doc.settings}
          pictures={state.doc.pictures}
          busy={state.busy}
          latest={async () => (await state.reload())?.settings}
          onSave={(settings) =>
            state.save('the college settings', (doc: CollegeDocument) =>
              tandem().saveCollege({ settings, venues: doc.venues, baseVersion: doc.version }),
            )
          }
        />
      )}
      {state.doc && <CategoriesPanel state={state} />}
    </div>
  );
}

function SettingsForm({
  settings,
  pictures,
  busy,
  latest,
  onSave,
}: {
  settings: CollegeSettings;
  pictures: string[];
  busy: boolean;
  latest(): Promise<CollegeSettings | undefined>;
  onSave(settings: CollegeSettings): Promise<boolean>;
}) {
  const { library } = useApp();
  const edit = useRecordEdit({
    record: settings,
    fields: settingsFields((id) => library?.terms.find((term) => term.id === id)?.title ?? id),
    file: 'college.yml',
    what: 'the college settings',
    latest,
    onSave,
  });
  const { value, setValue } = edit.draft;
  return (
    <>
      <form
        className="form panel"
        onSubmit={(event) => {
          event.preventDefault();
          void edit.submit();
        }}
      >
        <div className="field">
          <label htmlFor="college-name">College name</label>
          <input
            id="college-name"
            type="text"
            value={value.name}
            onChange={(event) => setValue({ ...value, name: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="college-tagline">Tagline</label>
          <input
            id="college-tagline"
            type="text"
            value={value.tagline}
            onChange={(event) => setValue({ ...value, tagline: event.target.value })}
          />
        </div>
        <fieldset className="field">
          <legend>How students reach you</legend>
          {CONTACT.map(({ key, label }) => (
            <div key={key} className="field">
              <label htmlFor={`college-${key}`}>{label}</label>
              <input
                id={`college-${key}`}
                type="text"
                value={value.contact[key] ?? ''}
                onChange={(event) =>
                  setValue({ ...value, contact: { ...value.contact, [key]: event.target.value } })
                }
              />
            </div>
          ))}
        </fieldset>
        <div className="field-row">
          <div className="field">
            <label htmlFor="college-term">Term published now</label>
            <select
              id="college-term"
              value={value.currentTerm}
              onChange={(event) => setValue({ ...value, currentTerm: event.target.value })}
            >
              {library?.terms.map((term) => (
                <option key={term.id} value={term.id}>
                  {term.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="college-holidays">Public holidays</label>
            <select
              id="college-holidays"
              value={value.holidays}
              onChange={
                (event) => setValue({ ...value, holidays: event.target.value as HolidayRegion }) // cast: the options are the regions
              }
            >
              {REGIONS.map((region) => (
                <option key={region.value} value={region.value}>
                  {region.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor="college-time-zone">Time zone of the sessions</label>
          <input
            id="college-time-zone"
            type="text"
            list="college-time-zones"
            autoComplete="off"
            placeholder="Europe/London"
            value={value.timeZone ?? ''}
            onChange={(event) => setValue({ ...value, timeZone: event.target.value })}
          />
          <datalist id="college-time-zones">
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <p className="hint">
            For the calendar files on the website. Europe/London when left empty.
          </p>
        </div>
        <CoverPictureField
          value={value.coverImage ?? ''}
          pictures={pictures}
          onChange={(coverImage) => setValue({ ...value, coverImage })}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !edit.draft.dirty}
        >
          Save settings
        </button>
      </form>
      <RecordEditNotices edit={edit} />
    </>
  );
}
