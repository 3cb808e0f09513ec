/** The site and the prospectus tell the same story about each course: one set of course views. */
import { describe, expect, it } from 'vitest';
import { courseViewsOf } from '../../main/publish/course-views.js';
import { buildProspectusModel } from '../../main/publish/pdf/prospectus-model.js';
import { buildSiteModel, runViews } from '../../main/publish/site/site-model.js';
import { makeContext } from './pdf/make-context.js';

const version = { kind: 'content' as const, id: 'sha256:abc', label: 'content sha256:abc' };

function outputs(draft = false) {
  const ctx = makeContext('/tmp/college', { draft });
  // A course whose authors are listed practitioner first: the peer trainer still leads.
  const first = ctx.courses[0];
  if (!first) throw new Error('the test college has courses');
  first.authors = ['hannah-lewis', 'amira-hassan'];
  const site = buildSiteModel(ctx, { allowed: new Map(), warnings: [] });
  const prospectus = buildProspectusModel({
    ctx,
    pages: new Map(),
    version,
    renderFrontPage: () => '',
  });
  const printed = new Map(
    prospectus.categories.flatMap((c) => c.courses).map((course) => [course.id, course]),
  );
  return { ctx, site, printed, first };
}

describe('course views', () => {
  it('are worked out once per build and shared by both outputs', () => {
    const { ctx, site } = outputs();
    expect(courseViewsOf(ctx)).toBe(site.courseViews);
  });

  it('name the peer trainer first in the co-production line of both outputs', () => {
    const { site, printed, first } = outputs();
    const line = site.courseViews.coProduction(first);
    expect(line).toBe(
      'Co-produced and co-delivered by Amira Hassan (peer trainer) and Hannah Lewis (practitioner trainer)',
    );
    expect(printed.get(first.id)?.coProduction).toBe(`${line}.`);
  });

  it('say "delivered by" on the same runs in both outputs', () => {
    const { ctx, site, printed } = outputs();
    let differentTeams = 0;
    for (const course of ctx.courses) {
      const onSite = runViews(site, course, 'courses/x/index.html').map((r) => r.deliveredBy);
      const inPrint = (printed.get(course.id)?.runs ?? []).map((r) => r.deliveredBy ?? null);
      expect(inPrint).toEqual(onSite.map((line) => (line === null ? null : `${line}.`)));
      differentTeams += onSite.filter((line) => line !== null).length;
    }
    expect(differentTeams).toBeGreaterThan(0);
  });

  it('mark the same courses as drafts in both outputs', () => {
    const { ctx, site, printed } = outputs(true);
    const printedDrafts = ctx.courses.filter((c) => printed.get(c.id)?.draft).map((c) => c.id);
    expect(printedDrafts).toEqual([...site.draftCourses]);
    expect(printedDrafts.length).toBeGreaterThan(0);
  });
});
