/**
 * Facilitator notes a person would read as notes but the parser would not are errors, and no
 * facilitator text (block, inline, or inside an unknown directive) reaches any student output.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { checkMarkdown } from '../../main/library/check-markdown.js';
import { buildPublication } from '../../main/publish/build.js';
import { firstParagraphText } from '../../main/publish/markdown/plain-text.js';
import { renderMarkdownDocument } from '../../main/publish/markdown/render-markdown.js';
import { fixtureLibrary } from '../support/temp-library.js';
import { readTree } from '../publish/site/site-files.js';

const check = async (body: string) =>
  (
    await checkMarkdown(
      { file: 'c/modules/01-a.md', body, bodyLine: 1, imageFolder: 'c' },
      async () => true,
    )
  ).map((p) => `${p.line}:${p.column} ${p.code}`);

describe('near misses', () => {
  it.each([
    [':::facilitator Remember the tissues', ['1:1 facilitator-near-miss']],
    ['::: facilitator\nSecret\n:::', ['1:1 facilitator-near-miss']],
    [':::\tfacilitator\nSecret\n:::', ['1:1 facilitator-near-miss']],
    [':::facilitators\nSecret\n:::', ['1:1 facilitator-near-miss']],
    [':::facilatator\nSecret\n:::', ['1:1 facilitator-near-miss']],
    ['：：：facilitator\nSecret\n：：：', ['1:1 facilitator-near-miss']],
    ['- ::: facilitator in a list', ['1:3 facilitator-near-miss']],
    ['Bring a pen :facilitator the session is recorded.', ['1:13 facilitator-near-miss']],
    [':::facilitator\nA real note.\n:::', []],
    [':::Facilitator[For the room]\nA real note.\n:::', []],
    ['> :::facilitator\n> A quoted note.\n> :::', []],
    ['Inline :facilitator[a real note] at 10:30.', []],
    [':facilitator[a real note] opening a line.', []],
    ['Note: bring a pen at 10:30.', []],
  ])('%j → %j', async (body, want) => {
    expect(await check(body)).toEqual(want);
  });
});

describe('student text', () => {
  it.each([
    'Start :facilitator[SECRET] end.',
    'Tip :tip[look :facilitator[SECRET] here]{.x} done.',
    '::tip[:facilitator[SECRET]]',
    ':::tip\n:facilitator[SECRET]\n:::',
  ])('never shows the note in %j', (markdown) => {
    const rendered = renderMarkdownDocument(markdown, { audience: 'student' });
    expect(rendered.html).not.toContain('SECRET');
    expect(rendered.firstParagraph).not.toContain('SECRET');
    expect(firstParagraphText(markdown)).not.toContain('SECRET');
  });

  it('keeps the words around a misread directive', () => {
    expect(firstParagraphText('Tip :tip[look :facilitator[x] here]{.x} at 10:30.')).toBe(
      'Tip :tip[look here]{.x} at 10:30.',
    );
  });
});

describe('a library with near misses', () => {
  const out = path.join(tmpdir(), `tandem-near-${process.pid}`);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(out, { recursive: true, force: true });
  });

  it('leaves the course out, names each near miss and publishes no note anywhere', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', '1796083200');
    const result = await buildPublication(fixtureLibrary('facilitator-note-near-misses'), {
      outDir: out,
      only: 'site',
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    });
    expect(result.errors).toEqual([]);
    const file = 'planning-for-my-wellbeing/modules/01-what-keeps-me-well.md';
    expect(
      result.problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}`),
    ).toEqual([16, 18, 22, 26, 30].map((line) => `${file}:${line}`));
    expect(result.excluded.map((e) => e.courseId)).toEqual(['planning-for-my-wellbeing']);
    const tree = await readTree(result.siteDir ?? '');
    expect(tree.has('courses/understanding-anxiety/index.html')).toBe(true);
    for (const [name, bytes] of tree) expect(bytes.toString(), name).not.toContain('SECRET');
    const home = tree.get('index.html')?.toString() ?? '';
    expect(home).toContain(
      "<meta name='description' content='Welcome to Riverside Recovery College. Our courses :tip[help ] help you",
    );
  });
});
