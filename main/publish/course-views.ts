/**
 * What the site and the prospectus both say about each published course: its runs this term,
 * whether it is a draft, who co-produced it and who delivers a run. Worked out once per build
 * (`courseViewsOf`), so the two outputs cannot tell a different story.
 */
import { coProducedBy, deliveredBy, nameWithRole } from '../format/wording.js';
import type { Course, Run, Trainer } from '../library/types.js';
import type { PublishContext } from './types.js';

export interface CourseViews {
  /** Runs of each published course this term, in the context's order (by first session). */
  runsByCourse: ReadonlyMap<string, Run[]>;
  /** Published courses that are not signed off (only in a build with drafts). */
  draftCourses: ReadonlySet<string>;
  /** "Co-produced and co-delivered by …", peer trainers first; empty for a course with no authors. */
  coProduction(course: Course): string;
  /** "Delivered by …" when a run's team is not the course's authors; otherwise null. */
  deliveredBy(course: Course, run: Run): string | null;
}

const computed = new WeakMap<PublishContext, CourseViews>();

/** The course views of `ctx`, computed on first use and shared by every output of the build. */
export function courseViewsOf(ctx: PublishContext): CourseViews {
  let views = computed.get(ctx);
  if (!views) {
    views = buildCourseViews(ctx);
    computed.set(ctx, views);
  }
  return views;
}

function buildCourseViews(ctx: PublishContext): CourseViews {
  const trainers = new Map(ctx.library.trainers.map((t) => [t.id, t]));
  const runsByCourse = new Map<string, Run[]>();
  for (const run of ctx.runs) {
    const list = runsByCourse.get(run.course) ?? [];
    list.push(run);
    runsByCourse.set(run.course, list);
  }
  const draftCourses = new Set<string>();
  if (ctx.options.draft) {
    // Without sign-off data a course cannot be shown as signed off.
    for (const course of ctx.courses) {
      if (ctx.statuses.get(course.id)?.state !== 'ready') draftCourses.add(course.id);
    }
  }
  const people = (ids: readonly string[]) => ids.map((id) => personWithRole(trainers, id));
  const coProduction = new Map<string, string>();
  return {
    runsByCourse,
    draftCourses,
    coProduction(course) {
      let line = coProduction.get(course.id);
      if (line === undefined) {
        line =
          course.authors.length === 0
            ? ''
            : coProducedBy(people(leadingPeers(trainers, course.authors)));
        coProduction.set(course.id, line);
      }
      return line;
    },
    deliveredBy(course, run) {
      const sameTeam = sameIds(run.facilitators, course.authors);
      return sameTeam || run.facilitators.length === 0
        ? null
        : deliveredBy(people(run.facilitators));
    },
  };
}

/** "Amira Hassan (peer trainer)", or the id itself for someone not on the roster. */
function personWithRole(trainers: ReadonlyMap<string, Trainer>, id: string): string {
  const trainer = trainers.get(id);
  return trainer ? nameWithRole(trainer.name, trainer.role) : id;
}

/** Peer trainers first: the college's commitment to lived experience leads. */
function leadingPeers(trainers: ReadonlyMap<string, Trainer>, ids: readonly string[]): string[] {
  const rank = (id: string): number => {
    const role = trainers.get(id)?.role;
    return role === 'peer' ? 0 : role === 'practitioner' ? 1 : 2;
  };
  return [...ids].sort((a, b) => rank(a) - rank(b));
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join('\n') === [...b].sort().join('\n');
}
