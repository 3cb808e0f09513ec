/**
 * Rules that span files: every id a file mentions exists, ids and course codes are unique, and
 * every course is co-produced and every run co-delivered by a peer and a practitioner trainer.
 */
import { ARCHIVE_FOLDER } from '../format/ids.js';
import { closestMatch, listOf } from './describe-value.js';
import { problemAt } from './problem-at.js';
import { positionAt } from './read-yaml-file.js';
import type { YamlSource } from './read-yaml-file.js';
import type { CourseRefs, TermRefs } from './reference-views.js';
import type { College, Problem, Trainer } from './types.js';

export interface ReferenceInput {
  college: College;
  collegeSource: YamlSource;
  trainers: Trainer[];
  trainersSource: YamlSource;
  /** Every readable term file, usable or not. */
  terms: TermRefs[];
  /** Every term file id, so a broken term is not also called unknown. */
  termIds: string[];
  /** Every readable course.md, usable or not. */
  courses: CourseRefs[];
  /** Every course folder id, so a broken course is not also called unknown. */
  courseIds: string[];
  /** Courses kept in archive/: their runs stay in the term but are not published. */
  archivedCourseIds?: string[];
}

interface Pairing {
  code: string;
  who: string;
  rule: string;
}

const coProduced: Pairing = {
  code: 'course-not-co-produced',
  who: 'authors',
  rule: 'every course is written by at least one peer trainer and one practitioner trainer',
};

const coDelivered: Pairing = {
  code: 'run-not-co-delivered',
  who: 'facilitators',
  rule: 'every run is delivered by at least one peer trainer and one practitioner trainer',
};

/** Runs every cross-file rule and returns all the problems found. */
export function checkReferences(input: ReferenceInput): Problem[] {
  const { college, collegeSource, trainers, trainersSource } = input;
  const problems: Problem[] = [
    ...duplicateIds('category', college.categories, (i) => ['categories', i, 'id'], collegeSource),
    ...duplicateIds('venue', college.venues, (i) => ['venues', i, 'id'], collegeSource),
    ...duplicateIds('trainer', trainers, (i) => [i, 'id'], trainersSource),
  ];

  if (!input.termIds.includes(college.currentTerm)) {
    const detail = `there is no terms/${college.currentTerm}.yml`;
    problems.push(
      problemAt(
        collegeSource,
        ['currentTerm'],
        'unknown-term',
        unknownMessage('term', college.currentTerm, input.termIds, detail),
      ),
    );
  }

  const categoryIds = college.categories.map((category) => category.id);
  const venueIds = college.venues.map((venue) => venue.id);
  const trainerById = new Map(trainers.map((trainer) => [trainer.id, trainer]));
  const checkTrainers = (
    ids: (string | undefined)[] | undefined,
    path: PropertyKey[],
    source: YamlSource,
    pairing: Pairing,
  ) => (ids ? trainerProblems(ids, path, source, trainerById, pairing) : []);

  for (const course of input.courses) {
    if (course.category !== undefined && !categoryIds.includes(course.category)) {
      const message = unknownMessage('category', course.category, categoryIds);
      problems.push(problemAt(course.source, ['category'], 'unknown-category', message));
    }
    problems.push(...checkTrainers(course.authors, ['authors'], course.source, coProduced));
  }
  problems.push(...duplicateCourseCodes(input.courses));

  for (const term of input.terms) {
    term.runs.forEach((run, r) => {
      if (!run) return;
      if (run.course !== undefined && input.archivedCourseIds?.includes(run.course)) {
        const message = `course "${run.course}" is archived (${ARCHIVE_FOLDER}/${run.course}/), so this run is not published; bring the course back from the archive to run it`;
        problems.push(
          problemAt(term.source, ['runs', r, 'course'], 'archived-course', message, 'warning'),
        );
      } else if (run.course !== undefined && !input.courseIds.includes(run.course)) {
        const detail = `there is no folder ${run.course}/ with a course.md`;
        const message = unknownMessage('course', run.course, input.courseIds, detail);
        problems.push(problemAt(term.source, ['runs', r, 'course'], 'unknown-course', message));
      }
      if (run.venue !== undefined && !venueIds.includes(run.venue)) {
        const message = unknownMessage('venue', run.venue, venueIds);
        problems.push(problemAt(term.source, ['runs', r, 'venue'], 'unknown-venue', message));
      }
      const path = ['runs', r, 'facilitators'];
      problems.push(...checkTrainers(run.facilitators, path, term.source, coDelivered));
    });
  }
  return problems;
}

/** `unknown category "x"; did you mean "y"?` or `…; known categories: a, b, c`. */
function unknownMessage(
  kind: string,
  value: string,
  known: readonly string[],
  detail?: string,
): string {
  const plural = kind === 'category' ? 'categories' : `${kind}s`;
  const close = closestMatch(value, known);
  if (close) return `unknown ${kind} "${value}"; did you mean "${close}"?`;
  const why = detail ? ` (${detail})` : '';
  return `unknown ${kind} "${value}"${why}; known ${plural}: ${listOf([...new Set(known)].sort())}`;
}

/** Unknown trainer ids, then (when every id is known) whether both roles are present. */
function trainerProblems(
  ids: readonly (string | undefined)[],
  path: PropertyKey[],
  source: YamlSource,
  trainerById: Map<string, Trainer>,
  pairing: Pairing,
): Problem[] {
  const problems: Problem[] = [];
  const known = [...trainerById.keys()];
  ids.forEach((id, i) => {
    if (id !== undefined && !trainerById.has(id)) {
      const message = unknownMessage('trainer', id, known);
      problems.push(problemAt(source, [...path, i], 'unknown-trainer', message));
    }
  });
  // With an unknown or unreadable id the roles are not known; that id is the thing to fix first.
  if (problems.length > 0 || ids.includes(undefined) || ids.length === 0) return problems;
  const roles = new Set(
    ids.map((id) => (id === undefined ? undefined : trainerById.get(id)?.role)),
  );
  const missing = (['peer', 'practitioner'] as const).filter((role) => !roles.has(role));
  if (missing.length > 0) {
    const names = missing.map((role) => `${role} trainer`).join(' or ');
    const message = `the ${pairing.who} include no ${names}; ${pairing.rule}`;
    problems.push(problemAt(source, path, pairing.code, message));
  }
  return problems;
}

/** The second and later uses of an id, each pointing back at the first. */
function duplicateIds(
  kind: string,
  items: readonly { id: string }[],
  pathOf: (index: number) => PropertyKey[],
  source: YamlSource,
): Problem[] {
  const problems: Problem[] = [];
  const firstIndex = new Map<string, number>();
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) {
      firstIndex.set(item.id, i);
      return;
    }
    const firstLine = positionAt(source, pathOf(first)).line;
    problems.push(
      problemAt(
        source,
        pathOf(i),
        `duplicate-${kind}-id`,
        `${kind} id "${item.id}" is already used on line ${firstLine}; each ${kind} needs its own id`,
      ),
    );
  });
  return problems;
}

/** Every course sharing a code with another, reported at each of them. */
function duplicateCourseCodes(courses: readonly CourseRefs[]): Problem[] {
  const byCode = new Map<string, CourseRefs[]>();
  for (const course of courses) {
    if (course.code === undefined) continue;
    byCode.set(course.code, [...(byCode.get(course.code) ?? []), course]);
  }
  const problems: Problem[] = [];
  for (const [code, sharing] of byCode) {
    if (sharing.length < 2) continue;
    for (const course of sharing) {
      const others = sharing.filter((other) => other !== course).map((other) => other.file);
      problems.push(
        problemAt(
          course.source,
          ['code'],
          'duplicate-course-code',
          `course code "${code}" is also used by ${others.join(', ')}; each course needs its own code`,
        ),
      );
    }
  }
  return problems;
}
