/** Writing suggestions through the API: the editor's blocks, and counts per course. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let api: ApiHandlers;

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('language-suggestions'));
  api = createApiHandlers({ root: library.root }).handlers;
});
afterEach(async () => {
  await library.dispose();
});

describe('checkLanguage', () => {
  it('finds suggestions per block, at offsets in its text, with the marker to accept them', async () => {
    const report = await api.checkLanguage([
      { text: 'We meet on Tuesdays.', audience: 'students', comments: [] },
      { text: 'Some patients suffer from stress.', audience: 'students', comments: [] },
      {
        text: 'Some patients relax.',
        audience: 'students',
        comments: ['<!-- accept: patients -->'],
      },
      {
        text: 'Treatment is not our aim; it is a kind of therapy.',
        audience: 'facilitators',
        comments: [],
      },
    ]);
    expect(report.target).toBe(11);
    expect(report.readingAge).toEqual(expect.any(Number));
    expect(report.blocks.map((found) => found.map((f) => [f.id, f.start, f.end]))).toEqual([
      [],
      [
        ['patients', 5, 13],
        ['suffers-from', 14, 25],
      ],
      [],
      [],
    ]);
    expect(report.blocks[1]?.[0]?.acceptMarker).toBe('<!-- accept: patients -->');
  });

  it('follows language.yml as it changes', async () => {
    const block = { text: 'Our patients enjoy it.', audience: 'students' as const, comments: [] };
    expect((await api.checkLanguage([block])).blocks[0]).toHaveLength(1);
    await writeFile(path.join(library.root, 'language.yml'), 'readingAge: 9\nallow: [patients]\n');
    const report = await api.checkLanguage([block]);
    expect(report.target).toBe(9);
    expect(report.blocks[0]).toEqual([]);
  });
});

describe('getLanguageCounts', () => {
  it('counts the suggestions in each course', async () => {
    expect(await api.getLanguageCounts()).toEqual({
      'planning-for-my-wellbeing': 2,
      'understanding-anxiety': 0,
    });
  });
});
