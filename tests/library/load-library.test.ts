/** Loading whole libraries: the model from a valid one, and graceful degradation from broken ones. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { copyLibrary, fixtureLibrary } from '../support/temp-library.js';

describe('loadLibrary', () => {
  it('loads valid-minimal with no problems and the full model', async () => {
    const { library, problems } = await loadLibrary(fixtureLibrary('valid-minimal'));
    expect(problems).toEqual([]);
    if (!library) throw new Error('library should load');

    expect(library.root).toBe(fixtureLibrary('valid-minimal'));
    expect(library.college.name).toBe('Riverside Recovery College');
    expect(library.college.currentTerm).toBe('spring-2027');
    expect(library.college.categories.map((c) => c.id)).toEqual([
      'understanding-mental-health',
      'life-skills',
    ]);
    expect(library.college.venues.map((v) => [v.id, v.online])).toEqual([
      ['old-library', false],
      ['online', true],
    ]);
    expect(library.trainers.map((t) => `${t.id}:${t.role}`)).toEqual([
      'amira-hassan:peer',
      'daniel-okafor:peer',
      'hannah-lewis:practitioner',
      'mark-evans:practitioner',
    ]);

    expect(library.pages.map((p) => [p.slug, p.file, p.order, p.bodyLine])).toEqual([
      ['welcome', 'pages/welcome.md', 1, 5],
      ['how-to-enrol', 'pages/how-to-enrol.md', 2, 5],
    ]);

    expect(library.courses.map((c) => c.id)).toEqual([
      'planning-for-my-wellbeing',
      'understanding-anxiety',
    ]);
    const anxiety = library.courses[1];
    expect(anxiety).toMatchObject({
      id: 'understanding-anxiety',
      file: 'understanding-anxiety/course.md',
      code: 'UMH101',
      category: 'understanding-mental-health',
      authors: ['amira-hassan', 'hannah-lewis'],
      tags: ['anxiety', 'coping'],
      bodyLine: 18,
      images: ['understanding-anxiety/images/calm-lake.svg'],
    });
    expect(anxiety?.body.startsWith('\nEveryone feels anxious sometimes.')).toBe(true);
    expect(
      anxiety?.modules.map((m) => [m.number, m.slug, m.title, m.duration, m.bodyLine]),
    ).toEqual([
      [1, 'what-is-anxiety', 'What is anxiety?', '2 hours', 5],
      [2, 'ways-to-feel-calmer', 'Ways to feel calmer', '2 hours', 5],
    ]);
    expect(anxiety?.modules[0]?.body).toContain(':::facilitator');
    expect(library.courses[0]?.tags).toEqual([]);

    expect(library.terms).toHaveLength(1);
    const term = library.terms[0];
    expect(term).toMatchObject({
      id: 'spring-2027',
      file: 'terms/spring-2027.yml',
      starts: '2027-01-11',
      ends: '2027-03-26',
      enrolmentOpens: '2026-12-01',
    });
    expect(term?.runs[0]).toEqual({
      course: 'understanding-anxiety',
      venue: 'old-library',
      facilitators: ['amira-hassan', 'hannah-lewis'],
      capacity: 12,
      sessions: [
        { date: '2027-01-18', start: '10:00', end: '12:00' },
        { date: '2027-01-25', start: '10:00', end: '12:00' },
      ],
    });
    expect(term?.runs[1]).not.toHaveProperty('capacity');
  });

  it('sorts sessions by date and time whatever order they are written in', async () => {
    const temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    try {
      const file = path.join(temp.root, 'terms/spring-2027.yml');
      await writeFile(
        file,
        `title: Spring
starts: 2027-01-11
ends: 2027-03-26
runs:
  - course: understanding-anxiety
    venue: old-library
    facilitators: [amira-hassan, hannah-lewis]
    sessions:
      - { date: 2027-01-25, start: '10:00', end: '12:00' }
      - { date: 2027-01-18, start: '14:00', end: '15:00' }
      - { date: 2027-01-18, start: '09:00', end: '10:00' }
`,
      );
      const { library, problems } = await loadLibrary(temp.root);
      expect(problems).toEqual([]);
      expect(library?.terms[0]?.runs[0]?.sessions.map((s) => `${s.date} ${s.start}`)).toEqual([
        '2027-01-18 09:00',
        '2027-01-18 14:00',
        '2027-01-25 10:00',
      ]);
    } finally {
      await temp.dispose();
    }
  });

  it('reports problems in several files all at once, sorted by file and line', async () => {
    const { library, problems } = await loadLibrary(fixtureLibrary('several-problems-at-once'));
    expect(library).toBeDefined();
    expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual([
      'college.yml:9:14: error: unknown term "summer-2027" (there is no terms/summer-2027.yml); known terms: spring-2027',
      'pages/how-to-enrol.md:2:1: error: missing required field "title"',
      'planning-for-my-wellbeing/course.md:4:11: error: unknown category "life-skill"; did you mean "life-skills"?',
      'terms/spring-2027.yml:18:17: error: the session on 2027-04-10 is outside the term (2027-01-11 to 2027-03-26)',
      'trainers.yml:11:7: error: trainer id "amira-hassan" is already used on line 2; each trainer needs its own id',
      'understanding-anxiety/modules/01-what-is-anxiety.md:8:1: error: image "../images/calm-lake.svg" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](../images/calm-lake.svg)',
    ]);
    // The broken page is left out; the good one still loads.
    expect(library?.pages.map((p) => p.slug)).toEqual(['welcome']);
  });

  it('leaves a broken course out and still loads the others', async () => {
    const { library, problems } = await loadLibrary(fixtureLibrary('missing-front-matter'));
    expect(problems.map((p) => p.code)).toEqual(['front-matter-missing']);
    expect(library?.courses.map((c) => c.id)).toEqual(['understanding-anxiety']);
    // A run of the broken course is not also reported as an unknown course.
    expect(library?.terms[0]?.runs.map((r) => r.course)).toContain('planning-for-my-wellbeing');
  });

  it('leaves out a course whose module is broken', async () => {
    const { library } = await loadLibrary(fixtureLibrary('malformed-front-matter'));
    expect(library?.courses.map((c) => c.id)).toEqual(['planning-for-my-wellbeing']);
  });

  it('keeps a course whose only problem is a Markdown one', async () => {
    const { library, problems } = await loadLibrary(fixtureLibrary('missing-alt-text'));
    expect(problems).toHaveLength(2);
    expect(library?.courses).toHaveLength(2);
  });

  it('has no library when college.yml is missing, but still checks everything else', async () => {
    const temp = await copyLibrary(fixtureLibrary('missing-college-file'));
    try {
      await writeFile(path.join(temp.root, 'pages/welcome.md'), 'no front matter here\n');
      const { library, problems } = await loadLibrary(temp.root);
      expect(library).toBeUndefined();
      expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual([
        'college.yml:1:1: error: college.yml is missing; every library needs one with the college name, contact details, categories and venues',
        'pages/welcome.md:1:1: error: front matter is missing: the file must start with a line with just ---, then the fields, then another ---',
      ]);
    } finally {
      await temp.dispose();
    }
  });

  it('says in words that college.yml is a folder when a folder has its name', async () => {
    const temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    try {
      await rm(path.join(temp.root, 'college.yml'));
      await mkdir(path.join(temp.root, 'college.yml'));
      const { library, problems } = await loadLibrary(temp.root);
      expect(library).toBeUndefined();
      expect(problems.map((p) => formatProblemWithSeverity(p))).toContain(
        'college.yml:1:1: error: college.yml is a folder, not a file; Tandem reads this name as a file',
      );
    } finally {
      await temp.dispose();
    }
  });

  it('has no library when trainers.yml has the wrong shape', async () => {
    const temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    try {
      await writeFile(path.join(temp.root, 'trainers.yml'), 'trainers:\n  - id: sam\n');
      const { library, problems } = await loadLibrary(temp.root);
      expect(library).toBeUndefined();
      expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual([
        'trainers.yml:1:1: error: expected a list, but the file contains a group of fields',
      ]);
    } finally {
      await temp.dispose();
    }
  });

  it('ignores dot-folders and folders without a course.md', async () => {
    const temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    try {
      await rm(path.join(temp.root, 'understanding-anxiety/course.md'));
      await mkdir(path.join(temp.root, '.drafts'));
      await writeFile(path.join(temp.root, '.drafts/course.md'), 'not a course: [');
      await mkdir(path.join(temp.root, 'notes'));
      await writeFile(path.join(temp.root, 'notes/ideas.md'), '# Ideas\n');
      const { library, problems } = await loadLibrary(temp.root);
      // The folder is no longer a course, so its run now names an unknown course.
      expect(problems.map((p) => p.code)).toEqual(['unknown-course']);
      expect(library?.courses.map((c) => c.id)).toEqual(['planning-for-my-wellbeing']);
    } finally {
      await temp.dispose();
    }
  });
});

describe('optional lists', () => {
  it('treats an empty optional list as none', async () => {
    const temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    try {
      await writeFile(
        path.join(temp.root, 'terms/spring-2027.yml'),
        'title: Spring\nstarts: 2027-01-11\nends: 2027-03-26\nruns:\n',
      );
      const { library, problems } = await loadLibrary(temp.root);
      expect(problems).toEqual([]);
      expect(library?.terms[0]?.runs).toEqual([]);
    } finally {
      await temp.dispose();
    }
  });
});

describe('files with a structural problem', () => {
  it('still have their other mistakes reported', async () => {
    const temp = await copyLibrary(fixtureLibrary('valid-minimal'));
    try {
      const coursePath = path.join(temp.root, 'planning-for-my-wellbeing/course.md');
      const course = await readFile(coursePath, 'utf8');
      await writeFile(
        coursePath,
        course
          .replace('summary: Make a simple plan for the things that help you stay well.\n', '')
          .replace('category: life-skills', 'category: life-skill')
          .replace('code: LS201', 'code: UMH101'),
      );
      const termPath = path.join(temp.root, 'terms/spring-2027.yml');
      const term = await readFile(termPath, 'utf8');
      await writeFile(
        termPath,
        term.replace('capacity: 12', 'capacity: twelve').replace('2027-01-25', '2027-05-25'),
      );
      const { library, problems } = await loadLibrary(temp.root);
      expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual([
        'planning-for-my-wellbeing/course.md:2:1: error: missing required field "summary"',
        'planning-for-my-wellbeing/course.md:3:7: error: course code "UMH101" is also used by understanding-anxiety/course.md; each course needs its own code',
        'planning-for-my-wellbeing/course.md:4:11: error: unknown category "life-skill"; did you mean "life-skills"?',
        'terms/spring-2027.yml:9:15: error: "capacity" should be a number, not "twelve"',
        'terms/spring-2027.yml:12:17: error: the session on 2027-05-25 is outside the term (2027-01-11 to 2027-03-26)',
        'understanding-anxiety/course.md:3:7: error: course code "UMH101" is also used by planning-for-my-wellbeing/course.md; each course needs its own code',
      ]);
      expect(library?.courses.map((c) => c.id)).toEqual(['understanding-anxiety']);
      expect(library?.terms).toEqual([]);
    } finally {
      await temp.dispose();
    }
  });
});
