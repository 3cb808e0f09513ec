/** Reading age, long sentences, passive voice and simpler words, on fixed texts. */
import { describe, expect, it } from 'vitest';
import { parseLibraryMarkdown, parseMarkdown } from '../../main/format/parse-library-markdown.js';
import { checkMarkdownLanguage } from '../../main/language/check-markdown-language.js';
import { languageSettings } from '../../main/language/language-settings.js';
import { readingAge } from '../../main/language/reading-age.js';

const settings = languageSettings();

const simple =
  'We meet once a week. You can bring a friend. We start with a cup of tea and a chat. Then we learn one new idea and try it out. You can ask us anything. There are no silly questions here.';
const everyday =
  'Hearing a voice that other people cannot hear is more common than many people think. Research suggests that roughly one in ten people hear voices at some point in their life, often after a loss or a hard time.';
const dense =
  'Psychoeducational interventions facilitate comprehensive understanding of physiological manifestations associated with anxiety, thereby enabling individuals to operationalise evidence-based self-management methodologies within multidisciplinary therapeutic frameworks, consequently optimising longitudinal psychological wellbeing outcomes.';

function ageOf(text: string): number | undefined {
  return readingAge(checkMarkdownLanguage(text, settings).counts);
}

describe('reading age', () => {
  it.each([
    ['short everyday sentences', simple, 5, 8],
    ['a course paragraph', everyday, 12, 15],
    ['dense professional prose', dense, 30, 50],
  ])('%s fall in the expected band', (_name, text, low, high) => {
    const age = ageOf(text) ?? 0;
    expect(age).toBeGreaterThanOrEqual(low);
    expect(age).toBeLessThanOrEqual(high);
  });

  it('reports a paragraph above the target, at its first sentence', () => {
    const findings = checkMarkdownLanguage(`Intro.\n\n${everyday}`, settings).findings;
    const reading = findings.find((f) => f.rule === 'reading-age');
    expect(reading).toMatchObject({ line: 3, column: 1 });
    expect(reading?.message).toMatch(
      /^this paragraph has a reading age of about 1[2-5]; the college aims for 11$/,
    );
  });

  it('does not report simple text, short paragraphs or facilitator notes', () => {
    expect(checkMarkdownLanguage(simple, settings).findings).toEqual([]);
    expect(checkMarkdownLanguage('Psychoeducational interventions.', settings).findings).toEqual(
      [],
    );
    const notes = `:::facilitator\n${everyday}\n:::`;
    expect(checkMarkdownLanguage(notes, settings).findings).toEqual([]);
  });

  it('follows the target from language.yml', () => {
    const relaxed = languageSettings({ readingAge: 16 });
    expect(checkMarkdownLanguage(everyday, relaxed).findings).toEqual([]);
    const strict = languageSettings({ readingAge: 8 });
    expect(checkMarkdownLanguage(simple, strict).findings).toEqual([]);
    expect(checkMarkdownLanguage(everyday, strict).findings.map((f) => f.rule)).toEqual([
      'reading-age',
    ]);
  });
});

describe('sentences and words', () => {
  const rules = (text: string) =>
    checkMarkdownLanguage(text, languageSettings({ readingAge: 30 })).findings.map(
      (f) => `${f.rule}:${f.text}`,
    );

  it('reports a sentence of more than 25 words, not one of 25', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'cat').join(' ');
    expect(rules(`${words(25)}.`)).toEqual([]);
    expect(rules(`${words(26)}.`)).toEqual([`long-sentence:${words(26)}.`]);
  });

  it('reports passive voice when a paragraph uses it more than once', () => {
    expect(rules('The course is run by two trainers.')).toEqual([]);
    expect(rules('The course is run by two trainers. The notes are written by them.')).toEqual([
      'passive-voice:run',
      'passive-voice:written',
    ]);
  });

  it('suggests simpler words, with the simpler word', () => {
    const [finding] = checkMarkdownLanguage(
      'You can request a large print copy.',
      settings,
    ).findings;
    expect(finding).toMatchObject({ rule: 'simpler-word', text: 'request', suggestion: 'ask' });
  });
});

describe('a tree shared with other checks', () => {
  const body = [
    'We meet at 10:30 and :abbr[RC]{title="Recovery College"} staff suffer from nothing.',
    '',
    'The notes are written by them. The course is run by :x[two **trainers**], who utilise it.',
  ].join('\n');

  it('finds what a parse of its own finds, directives read as written, and leaves it as it was', () => {
    const tree = parseLibraryMarkdown(body);
    const before = structuredClone(tree);
    const shared = checkMarkdownLanguage(body, settings, tree).findings;
    expect(tree).toEqual(before);
    expect(shared).toEqual(checkMarkdownLanguage(body, settings).findings);
    // The same as with every directive of the whole tree made text first.
    expect(shared).toEqual(checkMarkdownLanguage(body, settings, parseMarkdown(body)).findings);
    expect(shared.map((f) => `${f.line}:${f.column}:${f.rule}:${f.text}`)).toEqual([
      '1:64:recovery-language:suffer from',
      '3:15:passive-voice:written',
      '3:46:passive-voice:run',
      '3:79:simpler-word:utilise',
    ]);
  });
});
