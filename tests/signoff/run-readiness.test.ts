/**
 * Runs of courses that are not ready to publish are reported as information at the run's
 * course line: in the sample library (real Ed25519 sign-offs) and, table-driven, for each
 * sign-off state.
 */
import { describe, expect, it } from 'vitest';
import { formatProblemWithSeverity } from '../../main/format/problems.js';
import { loadLibrary } from '../../main/library/load-library.js';
import { parseYaml } from '../../main/library/read-yaml-file.js';
import { termRefs } from '../../main/library/reference-views.js';
import { summariseStatus } from '../../main/signoff/course-status.js';
import { checkRunReadiness, runReadinessProblems } from '../../main/signoff/run-readiness.js';
import type { StatusOutcome } from '../../main/signoff/run-readiness.js';
import type { CheckedRecord } from '../../main/signoff/types.js';
import { sampleLibrary } from '../support/temp-library.js';

const TERM = [
  'title: Spring term 2027 # kept as written',
  'starts: 2027-01-11',
  'ends: 2027-03-26',
  'runs:',
  '  - course: hearing-voices',
  '    venue: old-library',
  '    facilitators: [ann-lee, sam-okafor]',
  '    sessions:',
  "      - { date: 2027-01-18, start: '10:00', end: '12:00' }",
  '',
].join('\n');

const trainers = [
  { id: 'ann-lee', name: 'Ann Lee', role: 'peer' as const, keys: [] },
  { id: 'sam-okafor', name: 'Sam Okafor', role: 'practitioner' as const, keys: [] },
];
const course = { id: 'hearing-voices', authors: ['ann-lee', 'sam-okafor'] };
const CURRENT = `sha256:${'a'.repeat(64)}`;
const OLDER = `sha256:${'b'.repeat(64)}`;

/** A record as the verifier leaves it; the rules under test only read these fields. */
function record(trainer: string, version: string, line: number): CheckedRecord {
  const role = trainers.find((t) => t.id === trainer)?.role ?? 'peer';
  return { trainer, role, version, time: '2026-11-03T10:15:00Z', signature: '', line, valid: true };
}

describe('runReadinessProblems', () => {
  const parsed = parseYaml(TERM, 'terms/spring-2027.yml');
  const terms = [termRefs('spring-2027', parsed.source, parsed.data)];
  const status = (records: CheckedRecord[]) => summariseStatus(course, trainers, CURRENT, records);

  it.each<[string, StatusOutcome | undefined, string[]]>([
    [
      'ready: nothing to say',
      status([record('ann-lee', CURRENT, 1), record('sam-okafor', CURRENT, 8)]),
      [],
    ],
    [
      'draft',
      status([]),
      [
        'terms/spring-2027.yml:5:13: information: course hearing-voices is not ready to publish (not yet signed off by Ann Lee and Sam Okafor); this run stays out of the prospectus and the website until it is',
      ],
    ],
    [
      'awaiting one author',
      status([record('sam-okafor', CURRENT, 1)]),
      [
        'terms/spring-2027.yml:5:13: information: course hearing-voices is not ready to publish (awaiting sign-off from Ann Lee); this run stays out of the prospectus and the website until it is',
      ],
    ],
    [
      'changed since sign-off',
      status([record('ann-lee', OLDER, 1), record('sam-okafor', OLDER, 8)]),
      [
        'terms/spring-2027.yml:5:13: information: course hearing-voices is not ready to publish (changed since sign-off by Ann Lee and Sam Okafor); this run stays out of the prospectus and the website until it is',
      ],
    ],
    [
      'sign-off unreadable',
      new Error('hearing-voices/images/map.svg is a symbolic link'),
      [
        'terms/spring-2027.yml:5:13: information: course hearing-voices is not ready to publish (its sign-off could not be checked: hearing-voices/images/map.svg is a symbolic link); this run stays out of the prospectus and the website until it is',
      ],
    ],
    ['a course that did not load: its own errors say why', undefined, []],
  ])('%s', (_name, outcome, expected) => {
    const problems = runReadinessProblems(terms, (id) => (id === course.id ? outcome : undefined));
    expect(problems.map((p) => formatProblemWithSeverity(p))).toEqual(expected);
    for (const problem of problems) expect(problem.code).toBe('course-not-ready');
  });
});

describe('checkRunReadiness in the sample library', () => {
  it('names exactly the runs of the two courses that are not signed off', async () => {
    const { library } = await loadLibrary(sampleLibrary);
    if (!library) throw new Error('the sample library did not load');
    const problems = await checkRunReadiness(library);
    expect(
      problems.map((p) => `${p.file}:${p.line} ${p.severity} ${p.message.split(' (')[0]}`),
    ).toEqual([
      'terms/spring-2027.yml:113 information course getting-a-good-nights-sleep is not ready to publish',
      'terms/summer-2027.yml:20 information course volunteering-and-your-community is not ready to publish',
      'terms/summer-2027.yml:145 information course getting-a-good-nights-sleep is not ready to publish',
    ]);
    const summer = await checkRunReadiness(library, { termFile: 'terms/summer-2027.yml' });
    expect(summer.map((p) => p.line)).toEqual([20, 145]);
  });
});
