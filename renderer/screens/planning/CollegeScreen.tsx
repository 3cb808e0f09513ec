/**
 * College settings: name, tagline, contact details, the published term, holiday calendar,
 * time zone and cover picture, and the categories courses are listed under.
 */
import { useEffect, useState } from 'react';
import type {
  CollegeDocument,
  CollegeSettings,
  Contact,
  HolidayRegion,
} from '../../../main/api/contract.js';
import { tandem } from '../../api.js';
import { usePageHeading } from '../../hooks/usePageHeading.js';
import { usePlanningFile } from '../../hooks/usePlanningFile.js';
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

/** The College settings screen. */
export function CollegeScreen() {
  const { library } = useApp();
  const heading = usePageHeading();
  const state = usePlanningFile('college.yml', () => tandem().readCollege());
  const [value, setValue] = useState<CollegeSettings | undefined>(undefined);
  const saved = state.doc?.settings;
  useEffect(() => setValue(saved), [saved]);
  const changed = JSON.stringify(value) !== JSON.stringify(saved);
  return (
    <div className="screen screen--narrow">
      <h1 ref={heading} tabIndex={-1}>
        College settings
      </h1>
      <SaveNotices state={state} file="college.yml" />
      {value && (
        <form
          className="form panel"
          onSubmit={(event) => {
            event.preventDefault();
            void state.save('the college settings', (doc: CollegeDocument) =>
              tandem().saveCollege({
                settings: value,
                venues: doc.venues,
                baseVersion: doc.version,
              }),
            );
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
            pictures={state.doc?.pictures ?? []}
            onChange={(coverImage) => setValue({ ...value, coverImage })}
          />
          <button
            type="submit"
            className="button button--primary"
            disabled={state.busy || !changed}
          >
            Save settings
          </button>
        </form>
      )}
      {state.doc && <CategoriesPanel state={state} />}
    </div>
  );
}
