/**
 * The site's calendar files, read back with ical.js (a maintained iCalendar parser): every
 * .ics parses, local times are right across the March clock change, the format rules of
 * RFC 5545 hold (CRLF, 75-octet lines, UTC DTSTAMP, VTIMEZONE), and nothing changes from one
 * build to the next, so calendar apps update events instead of duplicating them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ical, { foldLines as icalFoldLines, type ICalEventData } from 'ical-generator';
import ICAL from 'ical.js';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import { preparePublication } from '../../../main/publish/build.js';
import {
  calendarStamp,
  calendarText,
  foldLines,
  renderCalendars,
  runEvents,
} from '../../../main/publish/site/calendars.js';
import { buildSiteModel } from '../../../main/publish/site/site-model.js';
import { sitePaths } from '../../../main/publish/site/site-paths.js';
import { buildSiteOnly } from '../../support/build-site.js';
import { copyLibrary, fixtureLibrary, sampleLibrary } from '../../support/temp-library.js';
import { readTree } from './site-files.js';

const clockChange = fixtureLibrary('term-across-clock-change');

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-ics-'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(tmp, { recursive: true, force: true });
});

let builds = 0;
async function build(library: string): Promise<Map<string, Buffer>> {
  builds += 1;
  const siteDirBuilt = await buildSiteOnly(library, path.join(tmp, `out-${builds}`));
  return readTree(siteDirBuilt);
}

const calendars = (tree: Map<string, Buffer>): [string, string][] =>
  [...tree].filter(([f]) => f.endsWith('.ics')).map(([f, b]) => [f, b.toString('utf8')]);

interface ParsedEvent {
  uid: string;
  summary: string;
  location: string;
  url: string | null;
  /** Wall-clock time in the event's zone, and the instant in UTC. */
  localStart: string;
  utcStart: string;
  utcEnd: string;
  zone: string;
}

/** Events of a calendar, with times resolved by the file's own VTIMEZONE only. */
function parse(text: string): ParsedEvent[] {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      localStart: event.startDate.toString(),
      utcStart: event.startDate.toJSDate().toISOString(),
      utcEnd: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid ?? '',
    };
  });
}

describe('calendars of the sample college', () => {
  let tree: Map<string, Buffer>;
  beforeAll(async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
    tree = await build(sampleLibrary);
  });

  it('has one per run and one for the term, and every one parses with its VTIMEZONE', async () => {
    const { library } = await loadLibrary(sampleLibrary);
    const term = library?.terms.find((t) => t.id === library.college.currentTerm);
    const files = calendars(tree);
    expect(files.map(([f]) => f)).toContain('timetable.ics');
    // Every run has a file (drafts are published in this build), and the term has them all.
    const runFiles = files.filter(([f]) => f !== 'timetable.ics');
    expect(runFiles.length).toBe(term?.runs.length);
    const termEvents = parse(files.find(([f]) => f === 'timetable.ics')?.[1] ?? '');
    const sessions = term?.runs.flatMap((r) => r.sessions) ?? [];
    expect(termEvents).toHaveLength(sessions.length);
    expect(new Set(termEvents.map((e) => e.uid)).size).toBe(sessions.length);
    for (const [file, text] of files) {
      const events = parse(text);
      expect(events.length, file).toBeGreaterThan(0);
      for (const event of events) expect(event.zone, file).toBe('Europe/London');
      expect(text, file).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n');
    }
  });

  it('follows the format rules: CRLF, lines of at most 75 octets, DTSTAMP in UTC', () => {
    for (const [file, text] of calendars(tree)) {
      expect(text.replace(/\r\n/g, ''), file).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n'))
        expect(Buffer.byteLength(line), `${file}: ${line}`).toBeLessThanOrEqual(75);
      const stamps = [...text.matchAll(/^DTSTAMP:(.*)$/gm)].map((m) => m[1]?.trim());
      expect(stamps.length, file).toBeGreaterThan(0);
      for (const stamp of stamps) expect(stamp).toBe('20261201T000000Z');
    }
  });

  it('links each run and the timetable to their calendars', () => {
    const course = tree.get('courses/managing-stress/index.html')?.toString('utf8') ?? '';
    expect(course).toMatch(/href='run-1\.ics' download>Add\s+these dates\s+to your calendar/);
    const timetable = tree.get('timetable.html')?.toString('utf8') ?? '';
    expect(timetable).toContain("href='timetable.ics' download");
  });
});

/** A calendar as ical-generator writes it whole, every line folded by ical-generator itself. */
function icalGeneratorText(name: string, events: ICalEventData[]): string {
  const calendar = ical({
    name,
    prodId: { company: 'Tandem', product: 'Student site', language: 'EN' },
  });
  calendar.timezone({ name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  for (const event of events) calendar.createEvent(event);
  return calendar.toString();
}

describe('calendar files', () => {
  it('are byte for byte what ical-generator writes, for each run and for the term', async () => {
    const loaded = await loadLibrary(sampleLibrary);
    const { ctx } = await preparePublication(loaded, {
      outDir: tmp,
      only: 'site',
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    });
    if (!ctx) throw new Error('the sample college does not publish');
    const model = buildSiteModel(ctx, { allowed: new Map(), warnings: [] });
    const c = { model, timeZone: 'Europe/London', stamp: calendarStamp(model) };
    const files = new Map(renderCalendars(model).map((f) => [f.path, f.content]));
    const college = ctx.library.college.name;
    const every: ICalEventData[] = [];
    for (const course of ctx.courses)
      (model.runsByCourse.get(course.id) ?? []).forEach((run, index) => {
        const events = runEvents(c, course, run);
        every.push(...events);
        const file = sitePaths.runCalendar(course.id, index);
        expect(files.get(file), file).toBe(
          icalGeneratorText(`${course.title} (${college})`, events),
        );
      });
    expect(every.length).toBeGreaterThan(1);
    expect(files.get('timetable.ics')).toBe(
      icalGeneratorText(`${college}: ${ctx.term.title}`, every),
    );
  });

  // The frame around the events is made once per zone and given each calendar's name after.
  it.each([
    ['short', 'Managing stress (Northfield Recovery College)'],
    ['long and accented', `${'Café conversations about recovery, '.repeat(4)}(Élan College)`],
    ['with commas and semicolons', 'Hope; control, and opportunity: a start'],
  ])('names a calendar (%s) byte for byte as ical-generator does', (_, name) => {
    const event: ICalEventData = {
      id: 'one@college.tandem',
      stamp: new Date('2026-11-04T09:00:00Z'),
      start: '2027-03-29T10:00:00',
      end: '2027-03-29T12:00:00',
      timezone: 'Europe/London',
      summary: 'Managing stress',
    };
    expect(calendarText(name, [event])).toBe(icalGeneratorText(name, [event]));
    expect(calendarText(name, [])).toBe(icalGeneratorText(name, []));
  });

  it('keeps a name with line breaks on its own line, so it cannot add events', () => {
    const event: ICalEventData = {
      id: 'one@college.tandem',
      stamp: new Date('2026-11-04T09:00:00Z'),
      start: '2027-03-29T10:00:00',
      end: '2027-03-29T12:00:00',
      timezone: 'Europe/London',
      summary: 'Managing stress',
    };
    const hostile = 'Hope\r\nBEGIN:VEVENT\r\nUID:planted\r\nSUMMARY:Planted\nEND:VEVENT';
    for (const text of [calendarText(hostile, [event]), calendarText(hostile, [])]) {
      const parsed = new ICAL.Component(ICAL.parse(text));
      expect(
        parsed.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid')),
      ).toEqual(text.includes('one@college.tandem') ? ['one@college.tandem'] : []);
      expect(parsed.getFirstPropertyValue('x-wr-calname')).toBe(
        'Hope BEGIN:VEVENT UID:planted SUMMARY:Planted END:VEVENT',
      );
    }
  });

  // Lines at, under and over 75 octets; two- and three-octet characters and surrogate pairs
  // across the fold; a lone surrogate (written as three octets).
  it.each([
    ['empty', ''],
    ['short ASCII', 'SUMMARY:Managing stress'],
    ['74 octets', `X:${'a'.repeat(72)}`],
    ['75 octets', `X:${'a'.repeat(73)}`],
    ['several folds', `DESCRIPTION:${'word '.repeat(60)}`],
    ['accents', `LOCATION:${'Café Élan, '.repeat(12)}`],
    ['wide characters', `SUMMARY:${'希望と回復'.repeat(10)}`],
    ['emoji across the fold', `SUMMARY:${'a'.repeat(71)}🌱🌱 and more`],
    ['lone surrogate', `SUMMARY:${'a'.repeat(70)}\ud83c${'b'.repeat(10)}`],
    ['several lines', `A:${'x'.repeat(80)}\r\nB:short\r\n\r\nC:${'é'.repeat(50)}`],
  ])('fold %s lines as ical-generator does', (_, text) => {
    expect(foldLines(text)).toBe(icalFoldLines(text));
  });
});

describe('a term across the March clock change', () => {
  let first: Map<string, Buffer>;
  let second: Map<string, Buffer>;
  beforeAll(async () => {
    // No SOURCE_DATE_EPOCH: the calendars must still not depend on the clock.
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    first = await build(clockChange);
    second = await build(clockChange);
  });

  it('keeps 10:00 local on both sides of the change, an hour apart in UTC', () => {
    const events = parse(first.get('courses/understanding-anxiety/run-1.ics')?.toString() ?? '');
    expect(events.map((e) => [e.localStart, e.utcStart, e.utcEnd])).toEqual([
      ['2027-03-22T10:00:00', '2027-03-22T10:00:00.000Z', '2027-03-22T12:00:00.000Z'],
      ['2027-03-29T10:00:00', '2027-03-29T09:00:00.000Z', '2027-03-29T11:00:00.000Z'],
    ]);
  });

  it('gives each event the address, or the online note, and the course page URL', () => {
    const [inPerson] = parse(
      first.get('courses/understanding-anxiety/run-1.ics')?.toString() ?? '',
    );
    expect(inPerson?.summary).toBe('Understanding anxiety (session 1 of 2)');
    expect(inPerson?.location).toBe('The Old Library, 12 Mill Lane, Kingsford KF1 4AB');
    expect(inPerson?.url).toBe(
      'https://riverside-recovery.example.org/courses/courses/understanding-anxiety/index.html',
    );
    const [online] = parse(
      first.get('courses/planning-for-my-wellbeing/run-1.ics')?.toString() ?? '',
    );
    expect(online?.location).toBe(
      'Online: We email you a short guide to joining the week before your course starts.',
    );
    expect(online?.uid).toMatch(/@riverside-recovery\.example\.org$/);
  });

  it('writes byte-identical calendars in two builds, with the same UIDs', () => {
    const a = calendars(first);
    expect(a.length).toBe(3);
    expect(calendars(second)).toEqual(a);
    const uids = (tree: Map<string, Buffer>) =>
      parse(tree.get('timetable.ics')?.toString() ?? '').map((e) => e.uid);
    expect(uids(second)).toEqual(uids(first));
    // No sign-offs in this library and no SOURCE_DATE_EPOCH: stamped with the term's start.
    expect(a[0]?.[1]).toContain('DTSTAMP:20270111T000000Z');
  });
});

describe('the college time zone', () => {
  it('is used for every event when college.yml sets one', async () => {
    const copy = await copyLibrary(clockChange);
    try {
      const file = path.join(copy.root, 'college.yml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('Europe/London', 'America/New_York'),
      );
      vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
      const tree = await build(copy.root);
      const text = tree.get('courses/understanding-anxiety/run-1.ics')?.toString() ?? '';
      expect(text).toContain('TZID:America/New_York');
      // New York's clocks went forward on 14 March 2027: 10:00 EDT is 14:00 UTC both weeks.
      expect(parse(text).map((e) => e.utcStart)).toEqual([
        '2027-03-22T14:00:00.000Z',
        '2027-03-29T14:00:00.000Z',
      ]);
    } finally {
      await copy.dispose();
    }
  });
});
