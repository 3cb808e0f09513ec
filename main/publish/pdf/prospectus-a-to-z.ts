/** The prospectus's A–Z: every course by title, under its first letter. */
import type { Course } from '../../library/types.js';
import { anchors } from './prospectus-anchors.js';
import type { IndexLetter, PageOf } from './prospectus-views.js';

/** Courses sorted by title as people read it (case and punctuation aside); "#" for a digit. */
export function indexLetters(courses: Course[], pageOf: PageOf): IndexLetter[] {
  const sorted = [...courses].sort((a, b) =>
    a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base', ignorePunctuation: true }),
  );
  const letters: IndexLetter[] = [];
  for (const course of sorted) {
    const first = course.title
      .normalize('NFD')
      .replace(/[^A-Za-z0-9]/g, '')
      .charAt(0)
      .toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : '#';
    let group = letters[letters.length - 1];
    if (!group || group.letter !== letter) {
      group = { letter, entries: [] };
      letters.push(group);
    }
    const anchor = anchors.course(course.id);
    group.entries.push({ title: course.title, code: course.code, anchor, page: pageOf(anchor) });
  }
  return letters;
}
