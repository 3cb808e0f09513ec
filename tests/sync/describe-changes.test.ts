import { describe, expect, it } from 'vitest';
import type { WorkingChange } from '../../main/sync/git-engine.js';
import { describeChanges } from '../../main/sync/describe-changes.js';
import { sampleLibrary } from '../support/temp-library.js';

const summary = async (changes: WorkingChange[]) =>
  (await describeChanges(sampleLibrary, 'Amira Hassan', changes)).split('\n')[0];
const edited = (path: string): WorkingChange => ({ path, change: 'modified' });

describe('describeChanges', () => {
  it.each([
    [
      [edited('understanding-anxiety/modules/02-thoughts-feelings-and-actions.md')],
      'Amira Hassan: edited Understanding anxiety, session 2',
    ],
    [[edited('understanding-anxiety/course.md')], 'Amira Hassan: edited Understanding anxiety'],
    [
      [
        edited('managing-stress/signoffs.yml'),
        { path: 'managing-stress/.tandem/signed/ab/course.md', change: 'added' },
      ],
      'Amira Hassan: signed off Managing stress',
    ],
    [
      [edited('college.yml'), { path: 'terms/spring-2027.yml', change: 'removed' }],
      'Amira Hassan: edited the college details; removed the term spring-2027',
    ],
    [[{ path: 'pages/faq.md', change: 'added' }], 'Amira Hassan: added the page faq'],
    [
      [
        'college.yml',
        'trainers.yml',
        'pages/welcome.md',
        'managing-stress/course.md',
        'terms/a.yml',
      ].map(edited),
      'Amira Hassan: edited the college details; edited the list of trainers; edited the page welcome and 2 more changes',
    ],
  ] as [WorkingChange[], string][])('says %j in words', async (changes, expected) => {
    expect(await summary(changes)).toBe(expected);
  });

  it('lists every file after the summary', async () => {
    const message = await describeChanges(sampleLibrary, 'Sam', [edited('college.yml')]);
    expect(message).toBe('Sam: edited the college details\n\nedited college.yml\n');
  });
});
