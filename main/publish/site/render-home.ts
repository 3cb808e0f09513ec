/** The home page: who the college is, this term's courses and how to enrol. */
import type { SiteTemplates } from './load-templates.js';
import { sitePage, type RenderedPage } from './rendered-page.js';
import {
  ENROL_PAGE_SLUG,
  WELCOME_PAGE_SLUG,
  courseCard,
  dateView,
  describe,
  excerpt,
  layoutView,
  termDates,
} from './site-model.js';
import type { SiteModel } from './site-model.js';
import { relativeHref, sitePaths } from './site-paths.js';

/** Renders index.html. */
export function renderHome(model: SiteModel, templates: SiteTemplates): RenderedPage {
  const path = sitePaths.home;
  const { library, ctx } = model;
  const welcome = library.pages.find((p) => p.slug === WELCOME_PAGE_SLUG);
  const enrol = library.pages.find((p) => p.slug === ENROL_PAGE_SLUG);
  const running = ctx.courses
    .filter((c) => (model.runsByCourse.get(c.id)?.length ?? 0) > 0)
    .map((c) => ({ course: c, first: model.runsByCourse.get(c.id)?.[0]?.sessions[0] }))
    .sort((a, b) => {
      const x = a.first ? `${a.first.date}T${a.first.start}` : '';
      const y = b.first ? `${b.first.date}T${b.first.start}` : '';
      return x < y ? -1 : x > y ? 1 : 0; // stable sort keeps publishing order for ties
    })
    .map(({ course }) => courseCard(model, course, path));
  const intro = welcome ? excerpt(welcome.body, 600, model.ctx.markdownTrees) : '';
  const view = {
    layout: layoutView(model, path, {
      title: library.college.name,
      description: describe(intro || library.college.tagline),
      section: 'home',
    }),
    intro: intro || null,
    coverHref: model.coverImage ? relativeHref(path, model.coverImage) : null,
    welcomeHref: welcome ? relativeHref(path, sitePaths.page(welcome.slug)) : null,
    enrolHref: enrol ? relativeHref(path, sitePaths.page(enrol.slug)) : null,
    term: {
      title: ctx.term.title,
      dates: termDates(model),
      enrolmentOpens: ctx.term.enrolmentOpens ? dateView(ctx.term.enrolmentOpens) : null,
    },
    categories: library.college.categories
      .map((c) => ({
        title: c.title,
        description: c.description,
        href: relativeHref(path, sitePaths.category(c.id)),
        count: ctx.courses.filter((course) => course.category === c.id).length,
      }))
      .filter((c) => c.count > 0)
      .map((c) => ({ ...c, countText: `${c.count} ${c.count === 1 ? 'course' : 'courses'}` })),
    courses: running,
    newCourses: running.filter((card) => card.isNew),
    coursesHref: relativeHref(path, sitePaths.courses),
    searchHref: relativeHref(path, sitePaths.search),
    timetableHref: relativeHref(path, sitePaths.timetable),
    pages: library.pages
      .filter((p) => p.slug !== WELCOME_PAGE_SLUG)
      .map((p) => ({ title: p.title, href: relativeHref(path, sitePaths.page(p.slug)) })),
  };
  return sitePage(templates, 'home', path, view);
}
