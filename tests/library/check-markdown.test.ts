/** Markdown rules, string in, problem lines out, with an in-memory file list. */
import { describe, expect, it } from 'vitest';
import { checkMarkdown } from '../../main/library/check-markdown.js';
import { parseMarkdown } from '../../main/format/parse-library-markdown.js';
import type { MarkdownFile } from '../../main/library/check-markdown.js';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { MarkdownTrees } from '../../main/library/markdown-trees.js';
import { parseLibraryMarkdown } from '../../main/format/parse-library-markdown.js';

const existing = new Set([
  'calm/images/lake.svg',
  'calm/images/my lake.svg',
  'pages/images/map.png',
]);
const exists = async (file: string) => existing.has(file);

const moduleFile = (body: string): MarkdownFile => ({
  file: 'calm/modules/01-start.md',
  body,
  // As if the front matter took lines 1 to 4.
  bodyLine: 5,
  imageFolder: 'calm',
});

async function lines(markdown: MarkdownFile): Promise<string[]> {
  return (await checkMarkdown(markdown, exists)).map((p) => formatProblemWithSeverity(p));
}

describe('checkMarkdown', () => {
  it.each([
    { name: 'a good image', body: '![A lake](../images/lake.svg)', lines: [] },
    { name: 'a path with an escaped space', body: '![A lake](../images/my%20lake.svg)', lines: [] },
    {
      name: 'a path in angle brackets with a space',
      body: '![A lake](<../images/my lake.svg>)',
      lines: [],
    },
    {
      name: 'no alt text, on the right line of the file',
      body: 'Intro\n\nSee ![](../images/lake.svg)',
      lines: [
        'calm/modules/01-start.md:7:5: error: image "../images/lake.svg" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](../images/lake.svg)',
      ],
    },
    {
      name: 'alt text of spaces only',
      body: '![  ](../images/lake.svg)',
      lines: [
        'calm/modules/01-start.md:5:1: error: image "../images/lake.svg" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](../images/lake.svg)',
      ],
    },
    {
      name: 'leaving the course folder',
      body: '![A lake](../../other/images/lake.svg)',
      lines: [
        'calm/modules/01-start.md:5:1: error: image path "../../other/images/lake.svg" leaves the course folder (calm/); keep images inside it, like ../images/picture.png',
      ],
    },
    {
      name: 'a Windows absolute path',
      body: '![A lake](C:\\Pictures\\lake.svg)',
      lines: [
        'calm/modules/01-start.md:5:1: error: image path "C:\\Pictures\\lake.svg" is absolute; use a path relative to this file inside the course folder (calm/), like ../images/picture.png',
      ],
    },
    {
      name: 'a data URL',
      body: '![A dot](data:image/png;base64,AAAA)',
      lines: [
        'calm/modules/01-start.md:5:1: error: image "data:image/png;base64,AAAA" is not a file in the course folder (calm/); save the picture in the images folder and use a relative path, like ../images/picture.png',
      ],
    },
    {
      name: 'a protocol-relative URL',
      body: '![A lake](//example.org/lake.svg)',
      lines: [
        'calm/modules/01-start.md:5:1: error: image "//example.org/lake.svg" is not a file in the course folder (calm/); save the picture in the images folder and use a relative path, like ../images/picture.png',
      ],
    },
    {
      name: 'a missing file through a reference definition',
      body: '![A lake][lake]\n\n[lake]: ../images/pond.svg',
      lines: [
        'calm/modules/01-start.md:5:1: error: image file "../images/pond.svg" not found (looked for calm/images/pond.svg)',
      ],
    },
    {
      name: 'known blocks, nested',
      body: ':::activity\nTry this.\n\n:::facilitator\nNotes.\n:::\n:::',
      lines: [],
    },
    {
      name: 'an unknown block is a warning',
      body: 'Text\n\n:::tip\nA tip.\n:::',
      lines: [
        'calm/modules/01-start.md:7:1: warning: unknown block ":::tip" is shown as ordinary text; the known blocks are :::activity and :::facilitator',
      ],
    },
    {
      name: 'known blocks in any case, and as one-line blocks',
      body: ':::Activity\nTry this.\n:::\n\n::facilitator[Bring pens]',
      lines: [],
    },
    {
      name: 'an unknown one-line block',
      body: '::tip[Drink water]',
      lines: [
        'calm/modules/01-start.md:5:1: warning: unknown block "::tip" is shown as ordinary text; the known blocks are :::activity and :::facilitator',
      ],
    },
    {
      name: 'times and ratios in text are not blocks',
      body: 'From 10:30am to 12:00, ratio 3:2, Note:this.',
      lines: [],
    },
    {
      name: 'an image inside a block is checked too',
      body: ':::activity\n![](../images/lake.svg)\n:::',
      lines: [
        'calm/modules/01-start.md:6:1: error: image "../images/lake.svg" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](../images/lake.svg)',
      ],
    },
  ])('$name', async ({ body, lines: expected }) => {
    expect(await lines(moduleFile(body))).toEqual(expected);
  });

  it('resolves course.md images from the course folder', async () => {
    const courseFile: MarkdownFile = {
      file: 'calm/course.md',
      body: '![A lake](images/lake.svg)\n\n![A lake](images/none.svg)',
      bodyLine: 10,
      imageFolder: 'calm',
    };
    expect(await lines(courseFile)).toEqual([
      'calm/course.md:12:1: error: image file "images/none.svg" not found (looked for calm/images/none.svg)',
    ]);
  });

  it('lets pages use images anywhere in the library but not outside it', async () => {
    const page: MarkdownFile = {
      file: 'pages/find-us.md',
      body: '![Map](images/map.png)\n\n![Map](../../map.png)',
      bodyLine: 5,
      imageFolder: '',
    };
    expect(await lines(page)).toEqual([
      'pages/find-us.md:7:1: error: image path "../../map.png" leaves the library folder; keep images inside it, like images/picture.png',
    ]);
  });
});

describe('parseMarkdown', () => {
  it('keeps inline colons as the text that was written', () => {
    const tree = parseMarkdown('Doors open 9:30am. See :abbr[HTML]{title="x"} too.');
    const paragraph = tree.children[0];
    if (paragraph?.type !== 'paragraph') throw new Error('expected a paragraph');
    const text = paragraph.children
      .map((node) => (node.type === 'text' ? node.value : `<${node.type}>`))
      .join('');
    expect(text).toBe('Doors open 9:30am. See :abbr[HTML]{title="x"} too.');
  });

  it('still reads container blocks', () => {
    const tree = parseMarkdown(':::facilitator\nNotes\n:::');
    expect(tree.children[0]).toMatchObject({ type: 'containerDirective', name: 'facilitator' });
  });
});

describe('checkMarkdown on a shared tree', () => {
  it('reports the same as on its own, and leaves inline directives as the text they are', async () => {
    const body = 'At 10:30 see :note[![](../images/gone.svg)]\n\n![](../images/gone.svg)\n\n::box';
    const trees = new MarkdownTrees();
    const shared = await checkMarkdown(moduleFile(body), exists, trees);
    expect(shared).toEqual(await checkMarkdown(moduleFile(body), exists));
    // Only the image on its own line: the one in `:note[…]` is shown as literal text.
    expect(shared.map((p) => `${p.line}:${p.code}`)).toEqual([
      '9:unknown-directive',
      '7:missing-alt-text',
      '7:image-not-found',
    ]);
    // The check reads the tree without changing it, so renderers can copy it.
    expect(trees.tree(body)).toEqual(parseLibraryMarkdown(body));
  });
});

/** Shared trees that count how often a tree is asked for. */
class CountingTrees extends MarkdownTrees {
  asked = 0;
  override tree(body: string) {
    this.asked += 1;
    return super.tree(body);
  }
}

describe('checkMarkdown with what earlier runs found', () => {
  /** A DerivedTexts in memory that counts what it had to make. */
  function memory() {
    const texts = new Map<string, string>();
    const store = {
      made: 0,
      derived(inputs: unknown, make: () => string): string {
        const key = JSON.stringify(inputs);
        let text = texts.get(key);
        if (text === undefined) {
          store.made += 1;
          text = make();
          texts.set(key, text);
        }
        return text;
      },
    };
    return { store, texts };
  }
  const body =
    ':::facilitators\nNotes\n:::\n\n![](../images/lake.svg) ![A map](../images/gone.png)\n\n::box';

  it('reports the same, at the lines of the file the text is in now, without parsing it again', async () => {
    const { store } = memory();
    const own = await checkMarkdown(moduleFile(body), exists, undefined);
    expect(own.map((p) => p.code)).toEqual([
      'facilitator-near-miss',
      'unknown-directive',
      'missing-alt-text',
      'image-not-found',
    ]);
    expect(await checkMarkdown(moduleFile(body), exists, undefined, store)).toEqual(own);
    const trees = new CountingTrees();
    const moved = { ...moduleFile(body), bodyLine: 12 };
    const again = await checkMarkdown(moved, exists, trees, store);
    expect(store.made).toBe(1);
    expect(again.map((p) => p.line)).toEqual(own.map((p) => p.line + 7));
    // Taken from the store: the body's tree was never asked for.
    expect(trees.asked).toBe(0);
  });

  it('looks for the image files again each time', async () => {
    const { store } = memory();
    await checkMarkdown(moduleFile(body), exists, undefined, store);
    const everything = async () => true;
    const codes = (await checkMarkdown(moduleFile(body), everything, undefined, store)).map(
      (p) => p.code,
    );
    expect(codes).not.toContain('image-not-found');
  });

  it('keeps a text too deep to parse as such, and reports it at its line now', async () => {
    const { store } = memory();
    const deep = `Intro\n\n${'>'.repeat(40)} quoted\n`;
    const first = await checkMarkdown(moduleFile(deep), exists, undefined, store);
    expect(first.map((p) => [p.code, p.line])).toEqual([['markdown-too-deep', 7]]);
    const trees = new CountingTrees();
    const moved = await checkMarkdown({ ...moduleFile(deep), bodyLine: 10 }, exists, trees, store);
    expect(moved.map((p) => [p.code, p.line])).toEqual([['markdown-too-deep', 12]]);
    expect(store.made).toBe(1);
    expect(trees.asked).toBe(0);
  });

  it('finds the problems again when what it holds is not whole', async () => {
    const { store, texts } = memory();
    const own = await checkMarkdown(moduleFile(body), exists, undefined, store);
    for (const key of texts.keys()) texts.set(key, '{"problems": [');
    expect(await checkMarkdown(moduleFile(body), exists, undefined, store)).toEqual(own);
  });
});
