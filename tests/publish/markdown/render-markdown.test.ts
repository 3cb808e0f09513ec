import { describe, expect, it } from 'vitest';
import {
  renderMarkdown,
  renderMarkdownDocument,
} from '../../../main/publish/markdown/render-markdown.js';
import type { RenderMarkdownOptions } from '../../../main/publish/markdown/render-markdown.js';
import { dangerousParts } from './html-safety.js';
import { firstParagraphText, truncateWords } from '../../../main/publish/markdown/plain-text.js';
import { MarkdownTrees } from '../../../main/library/markdown-trees.js';

const student: RenderMarkdownOptions = { audience: 'student' };
const facilitator: RenderMarkdownOptions = { audience: 'facilitator' };

describe('renderMarkdown: ordinary Markdown', () => {
  const cases: [name: string, markdown: string, expected: string][] = [
    ['paragraph', 'Hello there.', '<p>Hello there.</p>'],
    [
      'emphasis',
      'A *calm* and **clear** day',
      '<p>A <em>calm</em> and <strong>clear</strong> day</p>',
    ],
    ['heading', '## Getting started', '<h2>Getting started</h2>'],
    ['list', '- one\n- two', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
    [
      'link',
      '[Mind](https://www.mind.org.uk)',
      '<p><a href="https://www.mind.org.uk">Mind</a></p>',
    ],
    [
      'relative link',
      '[agreement](../pages/x.html)',
      '<p><a href="../pages/x.html">agreement</a></p>',
    ],
    [
      'mailto link',
      '[email us](mailto:hello@example.org)',
      '<p><a href="mailto:hello@example.org">email us</a></p>',
    ],
    ['strikethrough (GFM)', '~~old~~', '<p><del>old</del></p>'],
    ['colon in prose stays', 'Note:this matters at 10:30', '<p>Note:this matters at 10:30</p>'],
    [
      'text directive with label stays as written',
      'See :term[stress] here',
      '<p>See :term[stress] here</p>',
    ],
    ['entities are text', 'Fish &amp; chips &lt;b&gt;', '<p>Fish &#x26; chips &#x3C;b></p>'],
  ];
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(renderMarkdown(markdown, student)).toBe(expected);
  });

  it('renders GFM tables', () => {
    const html = renderMarkdown('| Day | Time |\n|---|---|\n| Mon | 10:00 |', student);
    expect(html).toContain('<table>');
    expect(html).toContain('<th>Day</th>');
    expect(html).toContain('<td>10:00</td>');
  });
});

describe('renderMarkdown: footnotes', () => {
  it('links each footnote reference to an id that exists', () => {
    const html = renderMarkdown('Text[^1].\n\n[^1]: A note.', student);
    const hrefs = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    expect(hrefs).toEqual(['user-content-fn-1', 'user-content-fnref-1']);
    for (const href of hrefs) expect(ids.has(href), href).toBe(true);
  });
});

describe('renderMarkdown: headingOffset', () => {
  const cases: [offset: number, markdown: string, expected: string][] = [
    [0, '## Two', '<h2>Two</h2>'],
    [1, '## Two', '<h3>Two</h3>'],
    [2, '# One', '<h3>One</h3>'],
    [3, '##### Five', '<h6>Five</h6>'],
    [-1, '## Two', '<h1>Two</h1>'],
    [-3, '## Two', '<h1>Two</h1>'],
  ];
  it.each(cases)('offset %i: %s', (offset, markdown, expected) => {
    expect(renderMarkdown(markdown, { ...student, headingOffset: offset })).toBe(expected);
  });
});

describe('renderMarkdown: images', () => {
  const resolveImage = (src: string): string | undefined =>
    src.startsWith('../images/') ? `media/${src.slice('../images/'.length)}` : undefined;

  const cases: [name: string, markdown: string, expected: string][] = [
    [
      'rewritten',
      '![A calm lake](../images/lake.svg)',
      '<p><img src="media/lake.svg" alt="A calm lake" loading="lazy"></p>',
    ],
    ['outside images/ dropped', '![x](../../secret.png)', '<p></p>'],
    [
      'reference image rewritten',
      '![Lake][l]\n\n[l]: ../images/lake.svg',
      '<p><img src="media/lake.svg" alt="Lake" loading="lazy"></p>',
    ],
    ['remote image dropped', '![x](https://tracker.example/x.png)', '<p></p>'],
  ];
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(renderMarkdown(markdown, { ...student, resolveImage })).toBe(expected);
  });

  it('keeps image URLs as written when there is no resolver', () => {
    expect(renderMarkdown('![a](images/a.png)', student)).toBe(
      '<p><img src="images/a.png" alt="a" loading="lazy"></p>',
    );
  });
});

describe('renderMarkdown: directives', () => {
  const body = [
    'Before.',
    '',
    ':::activity',
    'Write down three things that help.',
    ':::',
    '',
    ':::facilitator',
    'Allow ten minutes; watch for anyone who looks uneasy.',
    ':::',
    '',
    'After.',
  ].join('\n');

  it('removes facilitator notes entirely for students', () => {
    const html = renderMarkdown(body, student);
    expect(html).not.toContain('ten minutes');
    expect(html).not.toContain('Facilitator');
    expect(html).not.toContain('facilitator-note');
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });

  it('shows facilitator notes to facilitators as a labelled aside', () => {
    const html = renderMarkdown(body, facilitator);
    expect(html).toContain(
      '<aside class="facilitator-note"><p class="box-label"><strong>Facilitator note</strong></p><p>Allow ten minutes; watch for anyone who looks uneasy.</p></aside>',
    );
  });

  it.each([student, facilitator])(
    'renders activities as a labelled aside ($audience)',
    (options) => {
      expect(renderMarkdown(body, options)).toContain(
        '<aside class="activity"><p class="box-label"><strong>Activity</strong></p><p>Write down three things that help.</p></aside>',
      );
    },
  );

  const cases: [name: string, markdown: string, expected: string][] = [
    [
      'activity with a label',
      ':::activity[Your toolkit]\nList them.\n:::',
      '<aside class="activity"><p class="box-label"><strong>Activity: Your toolkit</strong></p><p>List them.</p></aside>',
    ],
    [
      'leaf activity',
      '::activity[Take a breath]',
      '<aside class="activity"><p class="box-label"><strong>Activity</strong></p><p>Take a breath</p></aside>',
    ],
    [
      'unknown container keeps its text',
      ':::tip\nDrink water.\n:::',
      '<div><p>Drink water.</p></div>',
    ],
    [
      'unknown container label kept',
      ':::tip[Hint]\nDrink water.\n:::',
      '<div><p>Hint</p><p>Drink water.</p></div>',
    ],
    ['unknown leaf keeps its label', '::note[Bring a pen]', '<p>Bring a pen</p>'],
    ['unknown leaf without label keeps source', '::break', '<p>::break</p>'],
    [
      'facilitator text directive removed for students',
      'Hi :facilitator[secret] there',
      '<p>Hi  there</p>',
    ],
    ['leaf facilitator removed for students', '::facilitator[secret]\n\nKept', '<p>Kept</p>'],
    [
      'upper-case name still a facilitator note',
      ':::Facilitator\nsecret\n:::\n\nKept',
      '<p>Kept</p>',
    ],
    [
      'nested facilitator inside activity removed',
      '::::activity\nDo it.\n\n:::facilitator\nsecret\n:::\n::::',
      '<aside class="activity"><p class="box-label"><strong>Activity</strong></p><p>Do it.</p></aside>',
    ],
  ];
  it.each(cases)('%s', (_name, markdown, expected) => {
    expect(renderMarkdown(markdown, student)).toBe(expected);
  });
});

describe('renderMarkdown: untrusted course text', () => {
  const payloads: [name: string, markdown: string][] = [
    ['raw script', '<script>alert(1)</script>'],
    ['inline script', 'Hello <script>alert(1)</script> world'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['img onerror inline', 'text <img src="x" onerror="alert(1)"> text'],
    ['javascript link', '[x](javascript:alert(1))'],
    ['javascript link with spaces', '[x](<javascript :alert(1)>)'],
    ['mixed-case raw link', '<a href="jAvAsCrIpT:alert(1)">x</a>'],
    ['mixed-case markdown link', '[x](jAvAsCrIpT:alert(1))'],
    ['entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
    ['hex entity scheme', '[x](&#x6A;&#x61;vascript:alert(1))'],
    ['tab inside scheme', '[x](java&#9;script:alert(1))'],
    ['newline entity inside scheme', '[x](java&#10;script:alert(1))'],
    ['autolink javascript', '<javascript:alert(1)>'],
    ['reference link javascript', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['vbscript link', '[x](vbscript:msgbox(1))'],
    ['data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['data image', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
    ['javascript image', '![x](javascript:alert(1))'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
    ['style element', '<style>body{display:none}</style>'],
    ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['object', '<object data="x.swf"></object>'],
    ['form', '<form action="javascript:alert(1)"><button>go</button></form>'],
    ['details ontoggle', '<details open ontoggle=alert(1)>x</details>'],
    ['html comment hiding script', '<!-- --><script>alert(1)</script><!-- -->'],
    ['entity-encoded tag', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['directive onclick attribute', ':::activity{onclick="alert(1)"}\nHi\n:::'],
    ['directive style and id', ':::activity{style="x" #evil .bad}\nHi\n:::'],
    [
      'unknown directive with handler',
      ':::box{onmouseover="alert(1)" href="javascript:alert(1)"}\nHi\n:::',
    ],
    ['leaf directive src', '::img{src="javascript:alert(1)" onerror="alert(1)"}'],
    ['text directive href', 'a :a[x]{href="javascript:alert(1)"} b'],
    ['directive label with html', ':::activity[<img src=x onerror=alert(1)>]\nHi\n:::'],
    ['link title breakout', '[x](https://a.example "a\\" onmouseover=\\"alert(1)")'],
    ['image alt breakout', '![a" onerror="alert(1)](https://a.example/x.png)'],
    ['base tag', '<base href="javascript:alert(1)//">'],
    ['link tag', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ];

  it.each(payloads)('%s: nothing dangerous survives', (_name, markdown) => {
    for (const options of [student, facilitator]) {
      const html = renderMarkdown(markdown, options);
      expect(dangerousParts(html), html).toEqual([]);
    }
  });

  it('the checker itself notices dangerous HTML', () => {
    const whats = (html: string): string[] => dangerousParts(html).map((f) => f.what);
    expect(whats('<a href="javascript:x">x</a>')).toEqual(['href="javascript:x…"']);
    expect(whats('<a href=" &#106;ava&#x09;script:x">x</a>')).toEqual(['href="javascript:x…"']);
    expect(whats('<img src=x onerror=y>')).toEqual(['onerror handler']);
    expect(whats('<script>alert(1)</script>')).toEqual(['<script> element']);
    expect(whats('<p title="a onclick=b">javascript:alert(1)</p>')).toEqual([]);
    expect(whats('<img src=x onerror=alert("x")>')).toEqual(['onerror handler']);
    expect(whats('<p>a</p><svg/onload=alert(1)>')).toEqual(['<svg> element', 'onload handler']);
    expect(whats('<!-- <script> --><a href=JaVaScRiPt:x>y</a>')).toEqual(['href="javascript:x…"']);
  });

  it('keeps the words of a link whose URL was removed', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))', student)).toBe(
      '<p><a>click me</a></p>',
    );
  });

  it('ignores attributes written on directives', () => {
    expect(renderMarkdown(':::activity{.evil #x title="y"}\nHi\n:::', student)).toBe(
      '<aside class="activity"><p class="box-label"><strong>Activity</strong></p><p>Hi</p></aside>',
    );
  });
});

describe('plain text helpers', () => {
  const cases: [markdown: string, expected: string][] = [
    ['First *para*.\n\nSecond.', 'First para.'],
    ['# Heading\n\nThe  text\nwraps.', 'The text wraps.'],
    [':::facilitator\nsecret\n:::\n\nVisible.', 'Visible.'],
    ['', ''],
  ];
  it.each(cases)('firstParagraphText(%j)', (markdown, expected) => {
    expect(firstParagraphText(markdown)).toBe(expected);
  });

  it.each([
    ['short', 10, 'short'],
    ['one two three four', 12, 'one two…'],
    ['abcdefghijkl', 6, 'abcde…'],
  ] as const)('truncateWords(%j, %i)', (text, max, expected) => {
    expect(truncateWords(text, max)).toBe(expected);
  });
});

describe('renderMarkdownDocument', () => {
  const cases: [markdown: string, level: number, expected: string][] = [
    ['# One\n\n## Two', 2, '<h2>One</h2>\n<h3>Two</h3>'],
    ['### Three\n\n#### Four', 2, '<h2>Three</h2>\n<h3>Four</h3>'],
    ['## Two', 3, '<h3>Two</h3>'],
    ['No headings here.', 2, '<p>No headings here.</p>'],
    ['#### Four\n\n:::facilitator\n# Hidden top\n:::', 2, '<h2>Four</h2>'],
  ];
  it.each(cases)('topHeadingLevel: %j at level %i', (markdown, level, expected) => {
    expect(renderMarkdownDocument(markdown, { ...student, topHeadingLevel: level }).html).toBe(
      expected,
    );
  });

  it('returns the first paragraph as plain text, never a facilitator note', () => {
    const doc = renderMarkdownDocument(
      ':::facilitator\nsecret\n:::\n\n# Title\n\nThe *first*\nline.\n\nSecond.',
      student,
    );
    expect(doc.firstParagraph).toBe('The first line.');
    expect(renderMarkdownDocument('# Only a heading', student).firstParagraph).toBe('');
  });
});

describe('renderMarkdownDocument from the build’s shared trees', () => {
  // Every construct a render changes on its copy of the tree, and a few it only reads.
  const texts: [name: string, markdown: string][] = [
    ['headings under a page heading', '#### Four\n\n##### Five\n\n:::facilitator\n# Hidden\n:::'],
    ['an activity with a label', ':::activity[Warm up]\nShare *one* thing.\n:::'],
    ['a leaf activity', '::activity[Try this]'],
    ['a facilitator block', 'Before.\n\n:::facilitator\nOnly trainers.\n:::\n\nAfter.'],
    ['an inline facilitator note', 'Words :facilitator[for trainers] for all, at 10:30.'],
    ['a directive label holding a note', 'A :tip[with :facilitator[a note]] inside.'],
    ['an unknown container', ':::aside[Label]\nText.\n:::'],
    ['a bare leaf directive', '::unknown'],
    ['images kept and dropped', '![Kept](images/a.svg) and ![Gone](../../secret.png)'],
    ['literals and a table', 'www.example.org, hello@example.org\n\n| a |\n| - |\n| b |'],
    ['a footnote', 'Rest helps.[^1]\n\n[^1]: Most of us.'],
  ];
  const resolveImage = (src: string) => (src.startsWith('images/') ? `/c/${src}` : undefined);

  it.each(texts)('renders %s as from a fresh parse, leaving the tree as it was', (_n, markdown) => {
    const trees = new MarkdownTrees();
    const shared = trees.tree(markdown);
    const before = structuredClone(shared);
    for (const audience of ['student', 'facilitator'] as const) {
      const options = { audience, resolveImage, topHeadingLevel: 2 };
      const fresh = renderMarkdownDocument(markdown, options);
      expect(renderMarkdownDocument(markdown, { ...options, trees })).toEqual(fresh);
      expect(renderMarkdownDocument(markdown, { ...options, trees })).toEqual(fresh);
    }
    expect(firstParagraphText(markdown, 300, trees)).toBe(firstParagraphText(markdown));
    expect(trees.tree(markdown)).toBe(shared);
    expect(shared).toEqual(before);
  });
});
