/**
 * The planning operations on real files: terms, college settings and venues, and the roster,
 * each asserting the exact YAML on disk (comments and layout kept) and the conflict path.
 */
import { readFile, writeFile } from 'node:fs/promises';
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
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  api = createApiHandlers({ root: library.root }).handlers;
});
afterEach(async () => {
  await library.dispose();
});

const read = (file: string) => readFile(path.join(library.root, file), 'utf8');

describe('terms', () => {
  it('lists terms with their counts', async () => {
    expect(await api.listTerms()).toEqual([
      {
        id: 'spring-2027',
        title: 'Spring term 2027',
        starts: '2027-01-11',
        ends: '2027-03-26',
        runCount: 2,
        sessionCount: 4,
        errorCount: 0,
        warningCount: 0,
      },
    ]);
  });

  it('adds a run with a weekly pattern, writing only the new lines', async () => {
    const before = await read('terms/spring-2027.yml');
    const term = await api.readTerm('spring-2027');
    const plan = structuredClone(term.plan);
    plan.runs.push({
      course: 'understanding-anxiety',
      venue: 'old-library',
      facilitators: ['daniel-okafor', 'mark-evans'],
      capacity: 10,
      sessions: [
        { date: '2027-02-02', start: '13:30', end: '15:30' },
        { date: '2027-02-09', start: '13:30', end: '15:30' },
      ],
    });
    const saved = await api.saveTerm({ termId: 'spring-2027', plan, baseVersion: term.version });
    expect(saved.ok).toBe(true);
    expect(await read('terms/spring-2027.yml')).toBe(
      `${before}  - course: understanding-anxiety
    venue: old-library
    facilitators: [ daniel-okafor, mark-evans ]
    capacity: 10
    sessions:
      - { date: 2027-02-02, start: '13:30', end: '15:30' }
      - { date: 2027-02-09, start: '13:30', end: '15:30' }
`,
    );
  });

  it('shows a clash beside both runs, and it goes when the session moves', async () => {
    const term = await api.readTerm('spring-2027');
    const plan = structuredClone(term.plan);
    const second = plan.runs[1];
    if (!second) throw new Error('the fixture has two runs');
    second.facilitators = ['amira-hassan', 'mark-evans'];
    second.sessions[0] = { index: 0, date: '2027-01-18', start: '11:00', end: '12:30' };
    await api.saveTerm({ termId: 'spring-2027', plan, baseVersion: term.version });
    const clashing = await api.readTerm('spring-2027');
    expect(clashing.runProblems.map((problems) => problems.map((p) => p.code))).toEqual([
      ['course-not-ready', 'trainer-clash'],
      ['course-not-ready', 'trainer-clash'],
    ]);
    const fixed = structuredClone(clashing.plan);
    const moved = fixed.runs[1]?.sessions[0];
    if (moved) moved.start = '12:00';
    if (moved) moved.end = '13:30';
    await api.saveTerm({ termId: 'spring-2027', plan: fixed, baseVersion: clashing.version });
    const fixedProblems = (await api.readTerm('spring-2027')).problems;
    expect(fixedProblems.filter((p) => p.severity !== 'information')).toEqual([]);
    expect(await read('terms/spring-2027.yml')).toContain(
      "      - { date: 2027-01-18, start: '12:00', end: '13:30' }\n",
    );
  });

  it('says beside each run, and in the problems, that its course is not signed off yet', async () => {
    const notReady = (course: string, authors: string, line: number) => ({
      file: 'terms/spring-2027.yml',
      line,
      column: 13,
      message: `course ${course} is not ready to publish (not yet signed off by ${authors}); this run stays out of the prospectus and the website until it is`,
      severity: 'information',
      code: 'course-not-ready',
    });
    const anxiety = notReady('understanding-anxiety', 'Amira Hassan and Hannah Lewis', 6);
    const wellbeing = notReady('planning-for-my-wellbeing', 'Daniel Okafor and Mark Evans', 13);
    const term = await api.readTerm('spring-2027');
    expect(term.runProblems).toEqual([[anxiety], [wellbeing]]);
    expect(term.sessionProblems.flat(2)).toEqual([]);
    expect(await api.getProblems()).toEqual([anxiety, wellbeing]);
    // Information is not something to fix: the sidebar's count and the Terms list leave it out.
    expect((await api.getLibrary()).problems).toEqual([]);
    expect(await api.listTerms()).toMatchObject([{ errorCount: 0, warningCount: 0 }]);
  });

  it("puts a deleted run back with its comments, as the planner's Undo does", async () => {
    const file = path.join(library.root, 'terms/spring-2027.yml');
    const commented = (await read('terms/spring-2027.yml'))
      .replace(
        '  - course: planning-for-my-wellbeing\n',
        '  # Online, so people can join from home.\n  - course: planning-for-my-wellbeing # ask Mark\n',
      )
      .replace(
        "      - { date: 2027-02-10, start: '14:00', end: '15:30' }\n",
        "      - { date: 2027-02-10, start: '14:00', end: '15:30' } # half term\n",
      );
    await writeFile(file, commented);
    const term = await api.readTerm('spring-2027');
    const removed = term.plan.runs[1];
    if (!removed) throw new Error('the fixture has two runs');
    const without = structuredClone(term.plan);
    without.runs.splice(1, 1);
    await api.saveTerm({ termId: 'spring-2027', plan: without, baseVersion: term.version });
    expect(await read('terms/spring-2027.yml')).not.toContain('ask Mark');
    const after = await api.readTerm('spring-2027');
    const back = structuredClone(after.plan);
    const restored = { ...removed };
    delete restored.index;
    back.runs.splice(1, 0, restored);
    await api.saveTerm({ termId: 'spring-2027', plan: back, baseVersion: after.version });
    // The run comes back as the YAML printer writes it (its short lists spaced), comments and all.
    expect(await read('terms/spring-2027.yml')).toBe(
      commented.replace('[daniel-okafor, mark-evans]', '[ daniel-okafor, mark-evans ]'),
    );
  });

  it('refuses to overwrite a term changed on disk, returning theirs', async () => {
    const term = await api.readTerm('spring-2027');
    const theirs = (await read('terms/spring-2027.yml')).replace('Spring term', 'Spring Term');
    await writeFile(path.join(library.root, 'terms/spring-2027.yml'), theirs);
    const plan = { ...term.plan, title: 'Mine' };
    const saved = await api.saveTerm({ termId: 'spring-2027', plan, baseVersion: term.version });
    expect(saved).toMatchObject({ ok: false, conflict: { theirs } });
    expect(await read('terms/spring-2027.yml')).toBe(theirs);
  });

  it('previews a copy before writing it, then writes it', async () => {
    const request = { id: 'summer-2027', fromTermId: 'spring-2027', starts: '2027-04-19' };
    const preview = await api.previewTermCopy(request);
    expect(preview).toMatchObject({
      starts: '2027-04-19',
      ends: '2027-07-02',
      moves: [
        {
          course: 'understanding-anxiety',
          from: '2027-05-03',
          holiday: 'Early May bank holiday',
          to: '2027-05-10',
        },
      ],
    });
    await expect(read('terms/summer-2027.yml')).rejects.toThrow();
    const copy = await api.copyTerm({ ...request, title: 'Summer term 2027' });
    expect(copy.plan.title).toBe('Summer term 2027');
    await expect(api.copyTerm(request)).rejects.toThrow(/already exists/);
  });
});

describe('college and venues', () => {
  it('edits a venue accessibility note, changing only that line', async () => {
    const before = await read('college.yml');
    const college = await api.readCollege();
    const venues = college.venues.map((venue) =>
      venue.id === 'old-library'
        ? { ...venue, accessibility: 'Step-free entrance and a hearing loop.' }
        : venue,
    );
    const saved = await api.saveCollege({
      settings: college.settings,
      venues,
      baseVersion: college.version,
    });
    expect(saved.ok).toBe(true);
    const after = await read('college.yml');
    const changed = after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
    expect(changed).toEqual(['    accessibility: Step-free entrance and a hearing loop.']);
  });

  it('saves unchanged settings without touching the file', async () => {
    const before = await read('college.yml');
    const college = await api.readCollege();
    const saved = await api.saveCollege({ ...college, baseVersion: college.version });
    expect(saved).toEqual({ ok: true, version: college.version });
    expect(await read('college.yml')).toBe(before);
  });
});

describe('categories', () => {
  const withComment = (text: string) =>
    text.replace(
      '  - id: life-skills\n',
      '  # Practical courses first in the prospectus?\n  - id: life-skills\n',
    );

  it('renames, reorders and adds categories, keeping ids and comments', async () => {
    const file = path.join(library.root, 'college.yml');
    const before = withComment(await read('college.yml'));
    await writeFile(file, before);
    const college = await api.readCollege();
    expect(college.categories.map((c) => [c.index, c.id])).toEqual([
      [0, 'understanding-mental-health'],
      [1, 'life-skills'],
    ]);
    const [health, skills] = college.categories;
    if (!health || !skills) throw new Error('the fixture has two categories');
    const saved = await api.saveCollege({
      settings: college.settings,
      venues: college.venues,
      categories: [
        skills,
        { ...health, title: 'Understanding our mental health' },
        {
          id: 'getting-involved',
          title: 'Getting involved',
          description: 'Volunteering and peer work.',
        },
      ],
      baseVersion: college.version,
    });
    expect(saved.ok).toBe(true);
    const categories = (text: string) => /\ncategories:\n[\s\S]*\nvenues:\n/.exec(text)?.[0];
    const after = await read('college.yml');
    // Outside the categories nothing changed; inside, exactly this:
    expect(after.replace(categories(after) ?? '', '')).toBe(
      before.replace(categories(before) ?? '', ''),
    );
    expect(categories(after)).toBe(
      [
        '',
        'categories:',
        '  # Practical courses first in the prospectus?',
        '  - id: life-skills',
        '    title: Developing life skills',
        '    description: Practical courses about everyday things that affect our wellbeing.',
        '  - id: understanding-mental-health',
        '    title: Understanding our mental health',
        '    description: Courses about common mental health experiences and what can help.',
        '  - id: getting-involved',
        '    title: Getting involved',
        '    description: Volunteering and peer work.',
        'venues:',
        '',
      ].join('\n'),
    );
  });

  it("refuses to change an existing category's id, writing nothing", async () => {
    const before = await read('college.yml');
    const college = await api.readCollege();
    const categories = college.categories.map((c, i) =>
      i === 0 ? { ...c, id: 'mental-health' } : c,
    );
    await expect(
      api.saveCollege({ ...college, categories, baseVersion: college.version }),
    ).rejects.toThrow(
      'The category "understanding-mental-health" keeps its id: courses refer to it.',
    );
    expect(await read('college.yml')).toBe(before);
  });

  it('leaves the categories alone when a save does not name them', async () => {
    const before = await read('college.yml');
    const college = await api.readCollege();
    const settings = { ...college.settings, tagline: 'Learning together' };
    await api.saveCollege({ settings, venues: college.venues, baseVersion: college.version });
    expect(await read('college.yml')).toBe(
      before.replace(
        'tagline: Learning together for recovery and wellbeing',
        'tagline: Learning together',
      ),
    );
  });
});

describe('trainer roster', () => {
  it('adds a trainer at the end of trainers.yml', async () => {
    const before = await read('trainers.yml');
    const roster = await api.readTrainers();
    const trainers = [
      ...roster.trainers.map(({ usedIn: _, ...entry }) => entry),
      { id: 'sam-okoye', name: 'Sam Okoye', role: 'peer' as const },
    ];
    await api.saveTrainers({ trainers, baseVersion: roster.version });
    expect(await read('trainers.yml')).toBe(
      `${before}- id: sam-okoye\n  name: Sam Okoye\n  role: peer\n`,
    );
  });

  it('will not remove a trainer named in runs or as an author, and says where', async () => {
    const roster = await api.readTrainers();
    const trainers = roster.trainers
      .filter((trainer) => trainer.id !== 'amira-hassan')
      .map(({ usedIn: _, ...entry }) => entry);
    await expect(api.saveTrainers({ trainers, baseVersion: roster.version })).rejects.toThrow(
      'Amira Hassan cannot be removed while they are named in a run of understanding-anxiety in terms/spring-2027.yml, the authors of understanding-anxiety/course.md. Change those first.',
    );
  });
});
