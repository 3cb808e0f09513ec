/** Anchor ids of the prospectus, shared by the templates, the contents and the page-number reader. */

/**
 * Ids are kebab-case by the library's rules, but an id is also a PDF destination name, so
 * anything else is spelled out rather than trusted to survive the trip through Chromium.
 */
function anchorSafe(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.codePointAt(0)?.toString(16) ?? ''}_`);
}

export const anchors = {
  course: (id: string) => `course-${anchorSafe(id)}`,
  category: (id: string) => `category-${anchorSafe(id)}`,
  frontPage: (slug: string) => `page-${anchorSafe(slug)}`,
  venue: (id: string) => `venue-${anchorSafe(id)}`,
  contents: 'contents',
  timetable: 'timetable',
  venues: 'venues',
  index: 'a-to-z',
  colophon: 'colophon',
  back: 'contact-us',
};
