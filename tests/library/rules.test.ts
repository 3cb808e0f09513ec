/**
 * One fixture library per rule, each a copy of valid-minimal with one kind of mistake; the
 * check must report exactly these lines (path:line:column: severity: message), no more.
 */
import { describe, expect, it } from 'vitest';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { fixtureLibrary } from '../support/temp-library.js';

interface RuleCase {
  fixture: string;
  /** The rule code the fixture proves; every reported problem has one. */
  code: string;
  lines: string[];
}

const cases: RuleCase[] = [
  {
    fixture: 'course-id-not-kebab-case',
    code: 'course-id-format',
    lines: [
      'Understanding_Anxiety/course.md:1:1: error: course folder name "Understanding_Anxiety" must be lower-case words joined by hyphens; rename the folder to "understanding-anxiety"',
    ],
  },
  {
    fixture: 'course-without-peer-author',
    code: 'course-not-co-produced',
    lines: [
      'understanding-anxiety/course.md:12:3: error: the authors include no peer trainer; every course is written by at least one peer trainer and one practitioner trainer',
    ],
  },
  {
    fixture: 'duplicate-course-code',
    code: 'duplicate-course-code',
    lines: [
      'planning-for-my-wellbeing/course.md:3:7: error: course code "UMH101" is also used by understanding-anxiety/course.md; each course needs its own code',
      'understanding-anxiety/course.md:3:7: error: course code "UMH101" is also used by planning-for-my-wellbeing/course.md; each course needs its own code',
    ],
  },
  {
    fixture: 'duplicate-ids',
    code: 'duplicate-trainer-id',
    lines: [
      'college.yml:17:9: error: category id "life-skills" is already used on line 14; each category needs its own id',
      'college.yml:30:9: error: venue id "online" is already used on line 25; each venue needs its own id',
      'trainers.yml:11:7: error: trainer id "amira-hassan" is already used on line 2; each trainer needs its own id',
    ],
  },
  {
    fixture: 'duplicate-module-number',
    code: 'duplicate-module-number',
    lines: [
      'planning-for-my-wellbeing/modules/01-my-plan.md:1:1: error: module number 01 is also used by 01-what-keeps-me-well.md; give each module its own number',
      'planning-for-my-wellbeing/modules/01-what-keeps-me-well.md:1:1: error: module number 01 is also used by 01-my-plan.md; give each module its own number',
    ],
  },
  {
    fixture: 'enrolment-opens-after-start',
    code: 'enrolment-after-start',
    lines: [
      'terms/spring-2027.yml:4:17: error: enrolment opens (2027-01-12) after the term starts (2027-01-11)',
    ],
  },
  {
    fixture: 'image-not-found',
    code: 'image-not-found',
    lines: [
      'understanding-anxiety/modules/01-what-is-anxiety.md:8:1: error: image file "../images/calm-lake.png" not found (looked for understanding-anxiety/images/calm-lake.png)',
    ],
  },
  {
    fixture: 'image-path-leaves-course',
    code: 'image-leaves-course',
    lines: [
      'understanding-anxiety/modules/01-what-is-anxiety.md:8:1: error: image path "../../planning-for-my-wellbeing/images/lake.svg" leaves the course folder (understanding-anxiety/); keep images inside it, like ../images/picture.png',
      'understanding-anxiety/modules/01-what-is-anxiety.md:10:1: error: image path "/home/sam/Pictures/lake.svg" is absolute; use a path relative to this file inside the course folder (understanding-anxiety/), like ../images/picture.png',
      'understanding-anxiety/modules/01-what-is-anxiety.md:12:1: error: image "https://example.org/lake.svg" is not a file in the course folder (understanding-anxiety/); save the picture in the images folder and use a relative path, like ../images/picture.png',
    ],
  },
  {
    fixture: 'invalid-date-and-time',
    code: 'invalid-date',
    lines: [
      'terms/spring-2027.yml:11:36: error: "9:30" is not a 24-hour time in the form HH:MM, like 09:30 or 14:00; write "09:30"',
      'terms/spring-2027.yml:17:17: error: "3 Feb 2027" is not a date in the form YYYY-MM-DD, like 2027-01-18',
      'terms/spring-2027.yml:17:36: error: "2pm" is not a 24-hour time in the form HH:MM, like 09:30 or 14:00',
      'terms/spring-2027.yml:18:17: error: "2027-02-30" is not a real date',
    ],
  },
  {
    fixture: 'invalid-public-key',
    code: 'invalid-public-key',
    lines: [
      'trainers.yml:6:18: error: public key cannot be read as an Ed25519 public key; copy the whole line that `tandem keys create` printed',
      'trainers.yml:14:18: error: public key "MCowBQYDK2VwAyEAq8Gz…" does not start with "ed25519:"; copy the whole line that `tandem keys create` printed',
    ],
  },
  {
    fixture: 'malformed-front-matter',
    code: 'yaml-syntax',
    lines: [
      'understanding-anxiety/modules/02-ways-to-feel-calmer.md:3:11: error: YAML: this list starts with [ but is not closed: add ] at its end, on the same line',
    ],
  },
  {
    fixture: 'malformed-yaml',
    code: 'yaml-syntax',
    lines: [
      'terms/spring-2027.yml:15:4: error: YAML: "facilitators" is indented differently from the fields around it: line it up with the others of its group',
    ],
  },
  {
    fixture: 'missing-alt-text',
    code: 'missing-alt-text',
    lines: [
      'understanding-anxiety/course.md:22:1: error: image "images/calm-lake.svg" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](images/calm-lake.svg)',
      'understanding-anxiety/modules/01-what-is-anxiety.md:8:1: error: image "../images/calm-lake.svg" has no alt text; alt text is required: describe the picture between the brackets, like ![A calm lake at sunrise](../images/calm-lake.svg)',
    ],
  },
  {
    fixture: 'missing-front-matter',
    code: 'front-matter-missing',
    lines: [
      'planning-for-my-wellbeing/course.md:1:1: error: front matter is missing: the file must start with a line with just ---, then the fields, then another ---',
    ],
  },
  {
    fixture: 'missing-required-field',
    code: 'missing-field',
    lines: ['understanding-anxiety/course.md:2:1: error: missing required field "summary"'],
  },
  {
    fixture: 'module-file-name',
    code: 'module-file-name',
    lines: [
      'planning-for-my-wellbeing/modules/my-plan.md:1:1: error: module file name "my-plan.md" must be a two-digit number, a hyphen and lower-case words joined by hyphens, like 01-what-is-anxiety.md',
    ],
  },
  {
    fixture: 'run-without-practitioner',
    code: 'run-not-co-delivered',
    lines: [
      'terms/spring-2027.yml:15:19: error: the facilitators include no practitioner trainer; every run is delivered by at least one peer trainer and one practitioner trainer',
    ],
  },
  {
    fixture: 'session-ends-before-start',
    code: 'session-ends-before-start',
    lines: [
      'terms/spring-2027.yml:12:50: error: the session ends at 10:00, which is not after it starts at 10:00',
    ],
  },
  {
    fixture: 'session-outside-term',
    code: 'session-outside-term',
    lines: [
      'terms/spring-2027.yml:18:17: error: the session on 2027-04-10 is outside the term (2027-01-11 to 2027-03-26)',
    ],
  },
  {
    fixture: 'trainer-booked-twice',
    code: 'trainer-clash',
    lines: [
      'terms/spring-2027.yml:12:9: error: trainer amira-hassan is also booked on 2027-01-25 11:30 to 13:00 for planning-for-my-wellbeing at online (terms/spring-2027.yml:18); nobody can be in two places at once',
      'terms/spring-2027.yml:18:9: error: trainer amira-hassan is also booked on 2027-01-25 10:00 to 12:00 for understanding-anxiety at old-library (terms/spring-2027.yml:12); nobody can be in two places at once',
    ],
  },
  {
    fixture: 'room-double-booked',
    code: 'venue-clash',
    lines: [
      'terms/spring-2027.yml:12:9: error: venue old-library is also booked on 2027-01-25 09:00 to 10:30 for planning-for-my-wellbeing (terms/spring-2027.yml:19); a room holds one session at a time unless the venue is online',
      'terms/spring-2027.yml:19:9: error: venue old-library is also booked on 2027-01-25 10:00 to 12:00 for understanding-anxiety (terms/spring-2027.yml:12); a room holds one session at a time unless the venue is online',
    ],
  },
  {
    fixture: 'session-on-public-holiday',
    code: 'session-on-holiday',
    lines: [
      'terms/spring-2027.yml:12:17: warning: the session on 2027-03-26 is on a public holiday (Good Friday); check that the venue is open and that students expect it',
    ],
  },
  {
    fixture: 'term-ends-before-starts',
    code: 'term-ends-before-start',
    lines: [
      'terms/spring-2027.yml:3:7: error: the term ends (2026-03-26) before it starts (2027-01-11)',
    ],
  },
  {
    fixture: 'unclosed-front-matter',
    code: 'front-matter-missing',
    lines: [
      'pages/welcome.md:1:1: error: front matter is not closed: add a line with just --- after the last field',
    ],
  },
  {
    fixture: 'unknown-category',
    code: 'unknown-category',
    lines: [
      'planning-for-my-wellbeing/course.md:4:11: error: unknown category "life-skill"; did you mean "life-skills"?',
      'understanding-anxiety/course.md:4:11: error: unknown category "anxiety"; known categories: life-skills, understanding-mental-health',
    ],
  },
  {
    fixture: 'unknown-course',
    code: 'unknown-course',
    lines: [
      'terms/spring-2027.yml:6:13: error: unknown course "hearing-voices" (there is no folder hearing-voices/ with a course.md); known courses: planning-for-my-wellbeing, understanding-anxiety',
      'terms/spring-2027.yml:13:13: error: unknown course "planning-my-wellbeing"; did you mean "planning-for-my-wellbeing"?',
    ],
  },
  {
    fixture: 'unknown-current-term',
    code: 'unknown-term',
    lines: [
      'college.yml:9:14: error: unknown term "summer-2027" (there is no terms/summer-2027.yml); known terms: spring-2027',
    ],
  },
  {
    fixture: 'unknown-directive',
    code: 'unknown-directive',
    lines: [
      'planning-for-my-wellbeing/modules/02-my-plan.md:8:1: warning: unknown block ":::tip" is shown as ordinary text; the known blocks are :::activity and :::facilitator',
    ],
  },
  {
    fixture: 'unknown-field',
    code: 'unknown-field',
    lines: [
      'planning-for-my-wellbeing/course.md:5:1: warning: unknown field "tag" is ignored; did you mean "tags"?',
    ],
  },
  {
    fixture: 'unknown-trainer',
    code: 'unknown-trainer',
    lines: [
      'terms/spring-2027.yml:15:35: error: unknown trainer "sam-taylor"; known trainers: amira-hassan, daniel-okafor, hannah-lewis, mark-evans',
      'understanding-anxiety/course.md:13:5: error: unknown trainer "hannah-lewes"; did you mean "hannah-lewis"?',
    ],
  },
  {
    fixture: 'unknown-venue',
    code: 'unknown-venue',
    lines: [
      'terms/spring-2027.yml:7:12: error: unknown venue "town-hall"; known venues: old-library, online',
    ],
  },
  {
    fixture: 'wrong-field-types',
    code: 'wrong-type',
    lines: [
      'college.yml:5:10: error: "phone" should be text, not the number 1632960418; put it in quotes so it is read as text exactly as written',
      'pages/welcome.md:3:8: error: "order" should be a number, not "first"',
      'terms/spring-2027.yml:9:15: error: "capacity" should be a number, not "twelve"',
    ],
  },
];

describe('library rules', () => {
  it.each(cases)('$fixture', async ({ fixture, code, lines }) => {
    const result = await loadLibrary(fixtureLibrary(fixture));
    expect(result.problems.map((problem) => formatProblemWithSeverity(problem))).toEqual(lines);
    expect(result.problems.map((problem) => problem.code)).toContain(code);
  });
});
