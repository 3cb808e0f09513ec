/**
 * What every course page says plainly, for students who may be new and anxious: it is free,
 * no referral or diagnosis is needed, how to enrol, who to tell about access needs, and who
 * the two trainers are. The wording comes from college.yml's `studentInfo`, with defaults.
 * Also which courses are new this term.
 */
import type { Course, Term } from '../../library/types.js';
import type { SiteModel } from './site-model.js';

export const DEFAULT_STUDENT_INFO = {
  free: 'This course is free.',
  referral:
    'You do not need a referral or a diagnosis. Anyone can come: people with their own experience of mental health challenges, family, friends, carers and staff.',
  enrol: 'You can enrol yourself. You do not need anyone to do it for you.',
  access:
    'If you have any access needs, or would like this in large print, easy read or another language, tell us when you enrol. We will do our best to help.',
} as const;

export const TRAINERS_EXPLAINED =
  'Every course is planned and taught by two trainers together. A peer trainer has their own lived experience of mental health challenges and recovery. A practitioner trainer brings knowledge from working in mental health.';

/** The "Good to know" panel's sentences, the college's own where it wrote them. */
export function studentInfoView(model: SiteModel) {
  const own = model.library.college.studentInfo ?? {};
  const contact = model.library.college.contact;
  return {
    free: own.free ?? DEFAULT_STUDENT_INFO.free,
    referral: own.referral ?? DEFAULT_STUDENT_INFO.referral,
    enrol: own.enrol ?? DEFAULT_STUDENT_INFO.enrol,
    access: own.access ?? DEFAULT_STUDENT_INFO.access,
    trainersExplained: TRAINERS_EXPLAINED,
    phone: contact.phone ?? null,
    email: contact.email ?? null,
  };
}

/** The term just before `term`: the latest one that ends before it starts. */
export function previousTerm(terms: readonly Term[], term: Term): Term | undefined {
  return [...terms]
    .filter((t) => t.id !== term.id && t.ends < term.starts)
    .sort((a, b) => (a.ends < b.ends ? -1 : a.ends > b.ends ? 1 : 0))
    .at(-1);
}

/**
 * Ids of published courses running this term that did not run in the previous one. With no
 * previous term in the library nothing is marked: every course would be "new".
 */
export function newThisTerm(model: SiteModel): Set<string> {
  const before = previousTerm(model.library.terms, model.ctx.term);
  if (!before) return new Set();
  const earlier = new Set(before.runs.map((r) => r.course));
  return new Set(
    model.ctx.courses
      .filter((c: Course) => model.runsByCourse.has(c.id) && !earlier.has(c.id))
      .map((c) => c.id),
  );
}
