/** Front pages' links into a course folder, found and moved to a new id (table-driven). */
import { describe, expect, it } from 'vitest';
import { pageReferencesTo, renamePageReferences } from '../../main/library/course-references.js';

const PAGE = 'pages/welcome.md';
const head = '---\ntitle: Welcome\norder: 1\n---\n\n';

describe('renamePageReferences', () => {
  it.each([
    {
      why: 'a picture of the course',
      text: `${head}![A calm lake](../anxiety/images/lake.svg)\n`,
      renamed: `${head}![A calm lake](../calm/images/lake.svg)\n`,
    },
    {
      why: 'a link and a reference definition, text naming the course left alone',
      text: `${head}See [the course](../anxiety/course.md) on anxiety.\n\n[map]: ../anxiety/images/map.svg\n`,
      renamed: `${head}See [the course](../calm/course.md) on anxiety.\n\n[map]: ../calm/images/map.svg\n`,
    },
    {
      why: 'another course whose name starts the same',
      text: `${head}![Map](../anxiety-two/images/map.svg)\n`,
      renamed: `${head}![Map](../anxiety-two/images/map.svg)\n`,
    },
    {
      why: 'a web address',
      text: `${head}[Site](https://example.org/anxiety/x)\n`,
      renamed: `${head}[Site](https://example.org/anxiety/x)\n`,
    },
  ])('$why', ({ text, renamed }) => {
    expect(renamePageReferences(text, PAGE, 'anxiety', 'calm')).toEqual({
      text: renamed,
      left: [],
    });
  });

  it('leaves a path it cannot rewrite safely for the person, and says which', () => {
    const text = `${head}![Lake](../pages/../anxiety/images/lake.svg)\n`;
    expect(renamePageReferences(text, PAGE, 'anxiety', 'calm')).toEqual({
      text,
      left: ['../pages/../anxiety/images/lake.svg'],
    });
  });

  it('lists what points into the course', () => {
    const text = `${head}![A](../anxiety/images/a.svg) ![B](../images/b.svg)\n`;
    expect(pageReferencesTo(text, PAGE, 'anxiety')).toEqual(['../anxiety/images/a.svg']);
  });
});
