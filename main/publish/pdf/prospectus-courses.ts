/** The prospectus's course pages: each category that has courses, and its courses in order. */
import { DRAFT_LABEL } from '../../format/wording.js';
import type { Course, Run } from '../../library/types.js';
import { courseViewsOf, type CourseViews } from '../course-views.js';
import type { PublishContext } from '../types.js';
import type { PageStyle } from './page-css.js';
import { anchors } from './prospectus-anchors.js';
import type { CategoryView, CourseView, PageOf, StartSection } from './prospectus-views.js';
import { summariseSessions } from './summarise-sessions.js';

/**
 * One section per category with published courses. A category with drafts gets a second named
 * page (added to `pageStyles`) whose footer says so.
 */
export function categoryViews(
  ctx: PublishContext,
  startSection: StartSection,
  pageOf: PageOf,
  pageStyles: PageStyle[],
): CategoryView[] {
  const views = courseViewsOf(ctx);
  const categories: CategoryView[] = [];
  for (const category of ctx.library.college.categories) {
    const courses = ctx.courses.filter((c) => c.category === category.id);
    if (courses.length === 0) continue;
    const base = startSection(anchors.category(category.id), category.title);
    const draftPage = `${base.pageName}d`;
    let needsDraftPage = false;
    const courseList = courses.map((course) => {
      const draft = views.draftCourses.has(course.id);
      if (draft) needsDraftPage = true;
      return courseView(ctx, views, course, draft, draft ? draftPage : base.pageName, pageOf);
    });
    if (needsDraftPage)
      pageStyles.push({ name: draftPage, footer: `${category.title} · ${DRAFT_LABEL}` });
    categories.push({
      ...base,
      description: category.description,
      openingPageName: courseList[0]?.pageName ?? base.pageName,
      courses: courseList,
    });
  }
  return categories;
}

function courseView(
  ctx: PublishContext,
  views: CourseViews,
  course: Course,
  draft: boolean,
  pageName: string,
  pageOf: PageOf,
): CourseView {
  const runs: Run[] = views.runsByCourse.get(course.id) ?? [];
  const coProduction = views.coProduction(course);
  return {
    id: course.id,
    anchor: anchors.course(course.id),
    title: course.title,
    code: course.code,
    summary: course.summary,
    audience: course.audience,
    format: course.format,
    outcomes: course.outcomes,
    coProduction: coProduction && `${coProduction}.`,
    runs: runs.map((run) => {
      const venue = ctx.library.college.venues.find((v) => v.id === run.venue);
      const summary = summariseSessions(run.sessions);
      const deliveredBy = views.deliveredBy(course, run);
      return {
        dates: summary.dates,
        ...(summary.time ? { time: summary.time } : {}),
        venue: venue?.name ?? run.venue,
        venueAnchor: anchors.venue(run.venue),
        ...(deliveredBy ? { deliveredBy: `${deliveredBy}.` } : {}),
        ...(run.capacity ? { capacity: `${run.capacity} places` } : {}),
      };
    }),
    draft,
    pageName,
    page: pageOf(anchors.course(course.id)),
  };
}
