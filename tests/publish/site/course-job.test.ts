/**
 * A course job's key covers what its pages show, and its pages are made only from what the key
 * covers: the narrowed model gives the same pages as the whole one, and the key moves with
 * every input the pages can show but not with another course's text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../main/library/load-library.js';
import type { Course } from '../../../main/library/types.js';
import { preparePublication } from '../../../main/publish/build.js';
import type { PublishContext } from '../../../main/publish/types.js';
import { checkCourseImages } from '../../../main/publish/site/course-images.js';
import { CourseJobs } from '../../../main/publish/site/course-job.js';
import { loadSiteTemplates } from '../../../main/publish/site/load-templates.js';
import { renderCoursePage } from '../../../main/publish/site/render-course-page.js';
import { renderModulePages } from '../../../main/publish/site/render-module-page.js';
import { buildSiteModel, type SiteModel } from '../../../main/publish/site/site-model.js';
import { siteOnlyOptions } from '../../support/build-site.js';
import { sampleLibrary } from '../../support/temp-library.js';

let ctx: PublishContext;
beforeAll(async () => {
  const loaded = await loadLibrary(sampleLibrary);
  const prepared = await preparePublication(loaded, siteOnlyOptions('/tmp/unused-out'));
  if (!prepared.ctx) throw new Error('the sample college does not publish');
  ctx = prepared.ctx;
});

const templates = loadSiteTemplates();

const modelOf = (context: PublishContext): SiteModel =>
  buildSiteModel(context, checkCourseImages(context.library.root, context.courses));

/** Every page of `course` as `model` makes it: path and HTML. */
function pagesOf(model: SiteModel, course: Course): [string, string][] {
  return [
    renderCoursePage(model, templates, course),
    ...renderModulePages(model, templates, course),
  ].map((page) => [page.path, page.html()]);
}

/** A copy of the build's context that can be changed without touching the others. */
const copyOf = (context: PublishContext): PublishContext => ({
  ...structuredClone({ ...context, onProgress: undefined, markdownTrees: undefined }),
  onProgress: context.onProgress,
});

const course = (context: PublishContext, id: string): Course => {
  const found = context.courses.find((c) => c.id === id);
  if (!found) throw new Error(`no course ${id}`);
  return found;
};

describe('course jobs', () => {
  it('make the same pages and use the same images from the narrowed model as from the whole one', () => {
    const model = modelOf(ctx);
    const jobs = new CourseJobs(model, 'stamp');
    for (const each of ctx.courses) {
      const narrowed = jobs.courseJobModel(each);
      expect(pagesOf(narrowed, each)).toEqual(pagesOf(model, each));
      for (const [target, source] of narrowed.usedImages)
        expect(model.usedImages.get(target)).toBe(source);
    }
    // The sample college's pictures are used, so the images are narrowed too, not just absent.
    expect(model.usedImages.size).toBeGreaterThan(0);
  });

  const id = 'managing-stress';
  const other = 'hearing-voices';
  const keyOf = (context: PublishContext, stamp = 'stamp') =>
    new CourseJobs(modelOf(context), stamp).key(course(context, id));

  it.each<[string, (c: PublishContext) => void]>([
    ["the course's text", (c) => void (course(c, id).summary += ' More.')],
    [
      "one of the course's sessions",
      (c) => {
        const [first] = course(c, id).modules;
        if (first) first.body += '\nMore.';
      },
    ],
    ['the college', (c) => void (c.library.college.name += ' and Friends')],
    ['a trainer', (c) => void c.library.trainers.forEach((t) => (t.name += ' Jr'))],
    [
      "the course's runs",
      (c) => {
        const run = c.runs.find((r) => r.course === id);
        const session = run?.sessions[0];
        if (session) session.start = '09:05';
      },
    ],
    ['a front page', (c) => void c.library.pages.forEach((p) => (p.title += '!'))],
    ['the build date', (c) => void (c.builtAt = new Date('2031-01-01'))],
    ['drafts or not', (c) => void (c.options.draft = !c.options.draft)],
    ["the course's sign-off", (c) => void c.statuses.delete(id)],
  ])('key changes with %s', (_name, change) => {
    const changed = copyOf(ctx);
    change(changed);
    expect(keyOf(changed)).not.toBe(keyOf(copyOf(ctx)));
  });

  it('key changes with the templates or Tandem (the stamp)', () => {
    expect(keyOf(ctx, 'other')).not.toBe(keyOf(ctx));
  });

  it("key stays the same when another course's text or sign-off changes", () => {
    const changed = copyOf(ctx);
    const [first] = course(changed, other).modules;
    if (first) first.body += '\nMore.';
    changed.statuses.delete(other);
    expect(keyOf(changed)).toBe(keyOf(copyOf(ctx)));
  });
});
