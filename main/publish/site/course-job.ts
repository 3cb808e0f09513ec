/**
 * A course's pages (its page and one per session) as one job of the site build, made only from
 * what the job's key covers, so a rebuild that finds the key unchanged and the files as the last
 * build left them skips the job whole: no views, no page keys, no Handlebars.
 *
 * The key covers everything the library holds except the other courses (college, trainers, every
 * term, the front pages, the build's options and date), hashed once per build, and the course's
 * own part (the course, its sign-off status and date, its runs, its publishable images, whether
 * it is a draft or new), hashed per course. The job renders from a copy of the site model
 * narrowed to that course (`courseJobModel`), so a view cannot read another course's data that
 * the key leaves out. Editing anything library-wide (college.yml, a term) reruns every job.
 */
import { z } from 'zod';
import type { Course } from '../../library/types.js';
import { courseViewsOf } from '../course-views.js';
import { dateOfCourses } from '../content-dates.js';
import { hashPlainData } from '../markdown/hash-plain-data.js';
import type { PublishContext } from '../types.js';
import type { PublishableImages } from './course-images.js';
import type { SiteModel } from './site-model.js';

/** What a build remembers of a job it ran, to skip it next time (kept in the render cache). */
export interface CourseJobRecord {
  /** Each page's site path and page key (rendered-page.ts). */
  pages: [string, string][];
  /** The images the pages use: site path, library path (SiteModel.usedImages). */
  images: [string, string][];
  /** The render cache entries the pages were rendered from, kept alive when the job is skipped. */
  renders: string[];
}

export const courseJobRecordSchema: z.ZodType<CourseJobRecord> = z.object({
  pages: z.array(z.tuple([z.string(), z.string()])),
  images: z.array(z.tuple([z.string(), z.string()])),
  renders: z.array(z.string()),
});

/** A Date in a key stands for its time. */
const dateStandIn = (value: object): string | undefined =>
  value instanceof Date ? `Date ${value.getTime()}` : undefined;

function onlyKey<V>(map: ReadonlyMap<string, V> | undefined, key: string): Map<string, V> {
  const value = map?.get(key);
  return value === undefined ? new Map() : new Map([[key, value]]);
}

/** The course jobs of one build: their keys and the narrowed models they render from. */
export class CourseJobs {
  /** The digest of what every course's pages may show besides the course's own part. */
  readonly #shared: string;
  /** Publishable images by course id (the image paths start with `<course-id>/images/`). */
  readonly #imagesByCourse = new Map<string, PublishableImages['allowed']>();

  constructor(
    private readonly model: SiteModel,
    /** The render cache's stamp: Tandem's version and the templates' bytes. */
    stamp: string,
  ) {
    const { ctx, library } = model;
    this.#shared = hashPlainData(
      [
        'course-job-shared',
        stamp,
        library.college,
        library.trainers,
        library.terms,
        library.pages,
        ctx.term,
        // Where the library and the output are does not change a page, and the cache may move.
        { ...ctx.options, outDir: null },
        ctx.builtAt,
        model.coverImage,
      ],
      dateStandIn,
    );
    for (const [file, source] of model.images.allowed) {
      const course = file.split('/')[0] ?? '';
      let own = this.#imagesByCourse.get(course);
      if (!own) {
        own = new Map();
        this.#imagesByCourse.set(course, own);
      }
      own.set(file, source);
    }
  }

  /** The site model as `course`'s pages may see it: the library-wide part and this course. */
  courseJobModel(course: Course): SiteModel {
    const { model } = this;
    const ctx: PublishContext = {
      ...model.ctx,
      courses: [course],
      runs: model.runsByCourse.get(course.id) ?? [],
      statuses: onlyKey(model.ctx.statuses, course.id),
      courseDates: onlyKey(model.ctx.courseDates, course.id),
    };
    const courseViews = courseViewsOf(ctx);
    return {
      ...model,
      ctx,
      library: { ...model.library, courses: [course] },
      courseViews,
      runsByCourse: courseViews.runsByCourse,
      modulePaths: onlyKey(model.modulePaths, course.id),
      draftCourses: courseViews.draftCourses,
      images: { allowed: this.#imagesByCourse.get(course.id) ?? new Map(), warnings: [] },
      usedImages: new Map(),
      newCourses: new Set(model.newCourses.has(course.id) ? [course.id] : []),
    };
  }

  /** The key of `course`'s job; a job model is made only from what it covers. */
  key(course: Course): string {
    const { ctx } = this.model;
    const date = dateOfCourses({ site: ctx.builtAt, courses: ctx.courseDates ?? new Map() }, [
      course,
    ]);
    return hashPlainData(
      [
        'course-job',
        this.#shared,
        course,
        ctx.statuses.get(course.id) ?? null,
        date,
        this.model.runsByCourse.get(course.id) ?? [],
        [...(this.#imagesByCourse.get(course.id)?.keys() ?? [])],
        this.model.draftCourses.has(course.id),
        this.model.newCourses.has(course.id),
      ],
      dateStandIn,
    );
  }
}
