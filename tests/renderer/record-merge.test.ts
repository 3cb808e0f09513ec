/** A planning record changed here and on disk: rows side by side, and the field-by-field merge. */
import { describe, expect, it } from 'vitest';
import {
  mergeRecords,
  recordAsText,
  recordFieldRows,
  type RecordField,
} from '../../renderer/components/record-merge.js';

interface Venue {
  name: string;
  note: string;
  online: boolean;
}

const FIELDS: RecordField<Venue>[] = [
  { name: 'name', label: 'Name' },
  { name: 'note', label: 'Note' },
  { name: 'online', label: 'Online', show: (v) => (v.online ? 'Yes' : 'No') },
];
const base: Venue = { name: 'Old Library', note: 'Step-free.', online: false };

describe('mergeRecords', () => {
  it.each<[string, Partial<Venue>, Partial<Venue>, Venue | undefined]>([
    ['only mine changed', { note: 'Lift.' }, {}, { ...base, note: 'Lift.' }],
    ['only theirs changed', {}, { name: 'The Library' }, { ...base, name: 'The Library' }],
    [
      'different fields changed',
      { note: 'Lift.' },
      { name: 'The Library' },
      { name: 'The Library', note: 'Lift.', online: false },
    ],
    [
      'the same field, the same way',
      { note: 'Lift.' },
      { note: 'Lift.' },
      { ...base, note: 'Lift.' },
    ],
    ['the same field, two ways', { note: 'Lift.' }, { note: 'Ramp.' }, undefined],
    [
      'a flag and a text',
      { online: true },
      { note: 'Ramp.' },
      { ...base, online: true, note: 'Ramp.' },
    ],
  ])('%s', (_, mine, theirs, merged) => {
    expect(mergeRecords(FIELDS, base, { ...base, ...mine }, { ...base, ...theirs })).toEqual(
      merged,
    );
  });
});

describe('rows and text', () => {
  it('marks only the fields that differ, as the form shows them', () => {
    const rows = recordFieldRows(FIELDS, { ...base, online: true }, base);
    expect(rows).toEqual([
      { label: 'Name', mine: 'Old Library', theirs: 'Old Library', differs: false },
      { label: 'Note', mine: 'Step-free.', theirs: 'Step-free.', differs: false },
      { label: 'Online', mine: 'Yes', theirs: 'No', differs: true },
    ]);
    expect(recordAsText(FIELDS, base)).toBe('Name: Old Library\nNote: Step-free.\nOnline: No');
  });
});

describe('mergeRecords with fields inside a part', () => {
  interface Settings {
    name: string;
    contact: { email?: string; phone?: string };
  }
  const CONTACT_FIELDS: RecordField<Settings>[] = [
    { name: 'name', label: 'Name' },
    ...(['email', 'phone'] as const).map((key): RecordField<Settings> => ({
      name: 'contact',
      label: key,
      show: (value) => value.contact[key] ?? '',
      take: (into, from) => ({ ...into, contact: { ...into.contact, [key]: from.contact[key] } }),
    })),
  ];
  const start: Settings = { name: 'Riverside', contact: { email: 'a@x.org', phone: '1' } };
  it.each<[string, Settings['contact'], Settings['contact'], Settings | undefined]>([
    [
      'mine the email, theirs the phone',
      { email: 'b@x.org', phone: '1' },
      { email: 'a@x.org', phone: '2' },
      { name: 'Riverside', contact: { email: 'b@x.org', phone: '2' } },
    ],
    ['both the email, two ways', { email: 'b@x.org' }, { email: 'c@x.org' }, undefined],
    [
      'mine cleared the phone',
      { email: 'a@x.org' },
      { email: 'a@x.org', phone: '1' },
      { name: 'Riverside', contact: { email: 'a@x.org', phone: undefined } },
    ],
  ])('%s', (_, mine, theirs, merged) => {
    expect(
      mergeRecords(
        CONTACT_FIELDS,
        start,
        { ...start, contact: mine },
        { ...start, contact: theirs },
      ),
    ).toEqual(merged);
  });
});
