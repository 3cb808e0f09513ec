/**
 * Filters of the term's course list (courses/index.html): what each course card carries for
 * assets/filters.js, and the choices the form offers. The full list is plain HTML; the
 * script only hides cards, so the page works with JavaScript off.
 */
import type { Course, Session } from '../../library/types.js';
import { weekdayName } from '../format-dates.js';
import type { SiteModel } from './site-model.js';

export type TimeOfDay = 'morning' | 'afternoon' | 'evening';

/** Before noon is morning, before 5pm afternoon, then evening (by the session's start). */
export function timeOfDay(start: string): TimeOfDay {
  if (start < '12:00') return 'morning';
  return start < '17:00' ? 'afternoon' : 'evening';
}

/** One run as the filter script sees it. */
export interface RunFacts {
  /** Lower-case weekdays of its sessions. */
  days: string[];
  times: TimeOfDay[];
  venue: string;
  mode: 'online' | 'in-person';
  /** ISO date of its first session. */
  starts: string;
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];
const dayOf = (s: Session): string => weekdayName(s.date).toLowerCase();

/** What the filters know of `course`. */
function courseFacts(model: SiteModel, course: Course): { category: string; runs: RunFacts[] } {
  const runs = (model.runsByCourse.get(course.id) ?? []).map((run): RunFacts => ({
    days: unique(run.sessions.map(dayOf)),
    times: unique(run.sessions.map((s) => timeOfDay(s.start))),
    venue: run.venue,
    mode: model.venues.get(run.venue)?.online ? 'online' : 'in-person',
    starts: run.sessions[0]?.date ?? '',
  }));
  return { category: course.category, runs };
}

/**
 * `assets/course-facts.js`: the facts of every published course by the id of its card's
 * heading (`course-<id>`), assigned to `window.tandemCourseFacts`. A script file, not inline,
 * so course text never sits inside a page's script element.
 */
export function courseFactsScript(model: SiteModel): string {
  const facts = Object.fromEntries(
    model.ctx.courses.map((c) => [`course-${c.id}`, courseFacts(model, c)]),
  );
  return `// What the course list's filters know of each course, written by Tandem.\nwindow.tandemCourseFacts = ${JSON.stringify(facts)};\n`;
}

interface Choice {
  value: string;
  label: string;
}

const DAY_ORDER = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const TIME_LABELS: Record<TimeOfDay, string> = {
  morning: 'Morning (before 12 noon)',
  afternoon: 'Afternoon (12 noon to 5pm)',
  evening: 'Evening (from 5pm)',
};

/** The choices of each filter, only those some published course has this term. */
export function filterChoices(model: SiteModel) {
  const runs = model.ctx.runs;
  const sessions = runs.flatMap((r) => r.sessions);
  const days = new Set(sessions.map(dayOf));
  const times = new Set(sessions.map((s) => timeOfDay(s.start)));
  const venueIds = new Set(runs.map((r) => r.venue));
  const modes = new Set<string>(
    runs.map((r) => (model.venues.get(r.venue)?.online ? 'online' : 'in-person')),
  );
  const categoryIds = new Set(model.ctx.courses.map((c) => c.category));
  const choices = {
    category: model.library.college.categories
      .filter((c) => categoryIds.has(c.id))
      .map((c): Choice => ({ value: c.id, label: c.title })),
    day: DAY_ORDER.filter((d) => days.has(d)).map((d): Choice => ({
      value: d,
      label: `${d[0]?.toUpperCase()}${d.slice(1)}`,
    })),
    time: (['morning', 'afternoon', 'evening'] as const)
      .filter((t) => times.has(t))
      .map((t): Choice => ({ value: t, label: TIME_LABELS[t] })),
    venue: model.library.college.venues
      .filter((v) => venueIds.has(v.id))
      .map((v): Choice => ({ value: v.id, label: v.name })),
    mode: [
      { value: 'in-person', label: 'In person' },
      { value: 'online', label: 'Online' },
    ].filter((m) => modes.has(m.value)),
  };
  return choices;
}
