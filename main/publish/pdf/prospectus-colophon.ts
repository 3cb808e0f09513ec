/** The prospectus's colophon: which variant this is and who signed off each course. */
import { roleLabel } from '../../format/wording.js';
import { formatDate } from '../format-dates.js';
import type { Course } from '../../library/types.js';
import type { PublishContext } from '../types.js';
import type { ColophonCourse } from './prospectus-views.js';

/** Each course's authors with their role and sign-off. */
export function colophonCourse(ctx: PublishContext, course: Course): ColophonCourse {
  const status = ctx.statuses.get(course.id);
  return {
    title: course.title,
    code: course.code,
    authors: course.authors.map((id) => {
      const trainer = ctx.library.trainers.find((t) => t.id === id);
      const signoff = status?.authors.find((a) => a.trainerId === id);
      const signed =
        signoff?.signedCurrent && signoff.lastSignedAt
          ? `signed off ${formatDate(signoff.lastSignedAt.slice(0, 10))}`
          : status
            ? 'not yet signed off this version'
            : 'sign-off not recorded';
      return {
        name: trainer?.name ?? id,
        roleLabel: trainer ? roleLabel(trainer.role) : 'trainer',
        signed,
      };
    }),
  };
}

/** "A4 pages, large print, draft proof …". */
export function variantLabel(ctx: PublishContext): string {
  const parts = [`${ctx.options.paper} pages`];
  if (ctx.options.largePrint) parts.push('large print');
  if (ctx.options.draft) parts.push('draft proof including courses not yet signed off');
  return parts.join(', ');
}
