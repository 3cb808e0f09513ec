/**
 * YAML round trips: an unchanged save is byte-identical, and an edit changes only the lines of
 * the field it touches, keeping comments, quoting, key order and blank lines elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Document } from 'yaml';
import { editYamlText } from '../../main/planning/edit-yaml-text.js';
import { applyTermPlan, termPlanFrom } from '../../main/planning/term-plan-yaml.js';
import type { TermPlan } from '../../main/planning/types.js';

const college = `# Riverside's details. Keep the phone number in quotes.
name: Riverside Recovery College
tagline:   Learning together   # spaced as someone typed it

contact:
  phone: '01632 960418'
  email: "hello@example.org"
venues:
  - id: old-library
    name: The Old Library
    accessibility: >-
      Step-free access through the main door on Mill Lane, with a lift to the first floor. Hearing
      loop in both teaching rooms.
  - id: online   # Zoom
    name: Online
    online: true
`;

const term = `# Spring term. Every run is led by a peer and a practitioner trainer.
title: Spring term 2027
starts: 2027-01-11
ends: 2027-03-26

runs:
  - course: understanding-anxiety
    venue: old-library
    facilitators: [amira-hassan, hannah-lewis]
    sessions:
      - { date: 2027-01-18, start: '10:00', end: '12:00' }   # week 2
      - { date: 2027-01-25, start: '10:00', end: '12:00' }
  # Online, in the evening.
  - course: managing-stress
    venue: online
    facilitators:
      - tom-brennan
      - mark-sullivan
    capacity: 12
    sessions:
      - date: 2027-01-14  # Thursday
        start: '18:00'
        end: '20:00'
`;

describe('editYamlText', () => {
  it.each([
    ['college.yml', college],
    ['a term', term],
    ['CRLF line endings', college.replace(/\n/g, '\r\n')],
    ['no final newline', college.trimEnd()],
  ])('leaves %s byte-identical when nothing changes', (_name, text) => {
    expect(editYamlText(text, 'file', () => {})).toBe(text);
    const key = text.includes('\ntitle:') ? 'title' : 'name';
    expect(editYamlText(text, 'file', (doc) => doc.setIn([key], doc.getIn([key])))).toBe(text);
  });

  it.each<[string, string, (doc: Document) => void, string]>([
    [
      'a quoted phone number keeps its quotes',
      college,
      (doc) => doc.setIn(['contact', 'phone'], '01632 960999'),
      college.replace("phone: '01632 960418'", "phone: '01632 960999'"),
    ],
    [
      'folded accessibility text is re-folded only where it changed',
      college,
      (doc) =>
        doc.setIn(['venues', 0, 'accessibility'], 'Step-free access. Hearing loop in room 1.'),
      college.replace(
        `      Step-free access through the main door on Mill Lane, with a lift to the first floor. Hearing
      loop in both teaching rooms.
`,
        '      Step-free access. Hearing loop in room 1.\n',
      ),
    ],
    [
      'a new field goes at the end of its entry',
      college,
      (doc) => doc.setIn(['venues', 0, 'online'], false),
      college.replace(
        '      loop in both teaching rooms.\n',
        '      loop in both teaching rooms.\n    online: false\n',
      ),
    ],
  ])('%s', (_name, text, edit, expected) => {
    expect(editYamlText(text, 'college.yml', edit)).toBe(expected);
  });

  it('refuses a file with a YAML syntax error, naming it', () => {
    expect(() => editYamlText('name: [unclosed\n', 'college.yml', () => {})).toThrow(
      /^college\.yml cannot be changed until its YAML is fixed/,
    );
  });
});

describe('applyTermPlan', () => {
  const plan = (): TermPlan => {
    const read = termPlanFrom(parse(term));
    if (!read) throw new Error('the sample term should read');
    return read;
  };
  const save = (edit: (p: TermPlan) => void) => {
    const changed = plan();
    edit(changed);
    return editYamlText(term, 'terms/spring-2027.yml', (doc) => applyTermPlan(doc, changed));
  };

  it('writes back an unchanged plan byte for byte', () => {
    expect(save(() => {})).toBe(term);
  });

  it('moves one session, changing only its line', () => {
    const text = save((p) => {
      const session = p.runs[0]?.sessions[1];
      if (session) session.date = '2027-02-01';
    });
    expect(text).toBe(
      term.replace(
        "      - { date: 2027-01-25, start: '10:00', end: '12:00' }",
        "      - { date: 2027-02-01, start: '10:00', end: '12:00' }",
      ),
    );
  });

  it('cancels a session and changes a time, keeping the comments of the rest', () => {
    const text = save((p) => {
      p.runs[0]?.sessions.splice(0, 1);
      const evening = p.runs[1]?.sessions[0];
      if (evening) evening.start = '18:30';
    });
    expect(text).toBe(
      term
        .replace("      - { date: 2027-01-18, start: '10:00', end: '12:00' }   # week 2\n", '')
        .replace("start: '18:00'", "start: '18:30'"),
    );
  });

  it('adds a run in the style of the runs already there, times quoted', () => {
    const text = save((p) => {
      p.runs.push({
        course: 'hearing-voices',
        venue: 'old-library',
        facilitators: ['daniel-okafor', 'hannah-lewis'],
        capacity: 10,
        sessions: [
          { date: '2027-01-12', start: '13:30', end: '15:30' },
          { date: '2027-01-19', start: '13:30', end: '15:30' },
        ],
      });
    });
    expect(text).toBe(
      `${term}  - course: hearing-voices
    venue: old-library
    facilitators: [ daniel-okafor, hannah-lewis ]
    capacity: 10
    sessions:
      - { date: 2027-01-12, start: '13:30', end: '15:30' }
      - { date: 2027-01-19, start: '13:30', end: '15:30' }
`,
    );
  });

  it('deletes a run, and undo puts it back as it was', () => {
    const deleted = save((p) => p.runs.splice(0, 1));
    expect(deleted).toBe(
      term.replace(/ {2}- course: understanding-anxiety\n[\s\S]*?(?= {2}# Online)/, ''),
    );
    // Undo is saving the plan from before the delete: the run comes back where it was.
    const restored = plan().runs[0];
    const back = termPlanFrom(parse(deleted));
    if (!back || !restored) throw new Error('both should read');
    back.runs.unshift({
      ...restored,
      index: undefined,
      sessions: restored.sessions.map(({ index: _, ...s }) => s),
    });
    const text = editYamlText(deleted, 'terms/spring-2027.yml', (doc) => applyTermPlan(doc, back));
    expect(termPlanFrom(parse(text))).toEqual(termPlanFrom(parse(term)));
  });
});
