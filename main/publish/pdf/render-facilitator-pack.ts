/** Renders one course's facilitator pack: a cover, then every module with facilitator notes. */
import type { Course } from '../../library/types.js';
import { renderMarkdown } from '../markdown/render-markdown.js';
import type { PublishContext } from '../types.js';
import { formatBuildTime } from './summarise-sessions.js';
import type { LibraryVersion } from './library-version.js';
import { pageCss } from './page-css.js';
import { absolutiseImages, printImageResolver } from './print-images.js';
import { printCss, printTemplate } from './print-templates.js';
import { roleLabel } from '../../format/wording.js';

/** The complete HTML document of `course`'s facilitator pack. */
export function renderFacilitatorPackHtml(
  ctx: PublishContext,
  course: Course,
  version: LibraryVersion,
): string {
  const { library } = ctx;
  const coverPage = 'packcover';
  const pageStyles = [{ name: coverPage, footer: `${course.title} · Facilitator pack` }];
  const modules = course.modules.map((module, i) => {
    const pageName = `m${i + 1}`;
    pageStyles.push({
      name: pageName,
      footer: `${course.title} · Session ${i + 1}: ${module.title}`,
    });
    const html = renderMarkdown(module.body, {
      trees: ctx.markdownTrees,
      audience: 'facilitator',
      resolveImage: printImageResolver(module.file),
      headingOffset: 1,
    });
    return {
      number: i + 1,
      title: module.title,
      duration: module.duration,
      anchor: `module-${module.slug}`,
      pageName,
      html: absolutiseImages(html),
    };
  });
  const authors = course.authors.map((id) => {
    const trainer = library.trainers.find((t) => t.id === id);
    return { name: trainer?.name ?? id, roleLabel: trainer ? roleLabel(trainer.role) : 'trainer' };
  });
  return printTemplate('facilitator-pack.hbs')({
    lang: 'en-GB',
    title: `${course.title} (${course.code}): facilitator pack`,
    paper: ctx.options.paper,
    largePrint: ctx.options.largePrint,
    css: printCss(),
    pageCss: pageCss({ paper: ctx.options.paper, largePrint: ctx.options.largePrint, pageStyles }),
    coverPage,
    courseTitle: course.title,
    code: course.code,
    summary: course.summary,
    authors,
    modules,
    college: library.college.name,
    term: ctx.term.title,
    builtAt: formatBuildTime(ctx.builtAt),
    version: version.label,
  });
}
