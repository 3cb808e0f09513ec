/** language.yml changes the checks, bad files are reported by line, and `tandem check` lists it all. */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkMarkdownLanguage } from '../../main/language/check-markdown-language.js';
import { loadLanguageSettings } from '../../main/language/language-file.js';
import { languageSettings } from '../../main/language/language-settings.js';
import { copyLibrary, fixtureLibrary, repoRoot } from '../support/temp-library.js';
import type { TempLibrary } from '../support/temp-library.js';

const fixture = fixtureLibrary('language-suggestions');
const ids = (text: string, settings = languageSettings()) =>
  checkMarkdownLanguage(text, settings).findings.map((f) => f.id);

describe('language settings', () => {
  it('allow: never flags a phrase, in any of its forms, or a whole rule by id', () => {
    const settings = languageSettings({
      allow: ['patients', 'suffer from', 'long-sentence', 'reading-age'],
    });
    expect(ids('Our patients suffered from stress.', settings)).toEqual([]);
    expect(ids('Our clients suffered from stress.', settings)).toEqual(['clients']);
    const long = `${Array.from({ length: 30 }, () => 'cat').join(' ')}.`;
    expect(ids(long, settings)).toEqual([]);
  });

  it('add: flags a college phrase and its inflections with its suggestion and reason', () => {
    const settings = languageSettings({
      add: [{ phrase: 'nutter', suggestion: 'person', reason: 'it mocks people' }],
    });
    const [finding] = checkMarkdownLanguage('Two nutters walked in.', settings).findings;
    expect(finding).toMatchObject({
      rule: 'recovery-language',
      id: 'added-nutter',
      text: 'nutters',
      suggestion: 'person',
      message: '"nutters": it mocks people',
    });
  });

  it('an accept marker stops that phrase being reported in its paragraph only', () => {
    const text = 'Our patients are welcome. <!-- accept: patients -->\n\nOur patients are kind.';
    const findings = checkMarkdownLanguage(text, languageSettings()).findings;
    expect(findings.map((f) => [f.id, f.line])).toEqual([['patients', 3]]);
    expect(ids('Our patients suffer from it. <!-- accept: patients, suffers-from -->')).toEqual([]);
  });
});

describe('language.yml', () => {
  let temp: TempLibrary | undefined;
  afterEach(async () => {
    await temp?.dispose();
    temp = undefined;
  });

  it('is optional', async () => {
    const loaded = await loadLanguageSettings(fixtureLibrary('valid-minimal'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.settings.readingAge).toBe(11);
  });

  it.each([
    [
      'readingAge: eleven\n',
      'language.yml:1:13: error: "readingAge" should be a number, not "eleven"',
    ],
    ['allow: patients\n', 'language.yml:1:8: error: "allow" should be a list, not "patients"'],
    [
      'add:\n  - phrase: nutter\n    reason: it mocks people\n',
      'language.yml:2:5: error: missing required field "suggestion"',
    ],
    ['readingAge: 11\nallwo: [patients]\n', 'language.yml:2:1: warning: unknown field "allwo"'],
  ])('reports problems at their line: %j', async (yaml, expected) => {
    temp = await copyLibrary(fixture);
    await writeFile(path.join(temp.root, 'language.yml'), yaml);
    const loaded = await loadLanguageSettings(temp.root);
    const lines = loaded.problems.map(
      (p) => `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`,
    );
    expect(lines[0]).toContain(expected);
    // The shipped checks still apply.
    expect(loaded.settings.readingAge).toBe(11);
  });
});

describe('tandem check with writing suggestions', () => {
  const tandem = path.join(repoRoot, 'bin/tandem.js');
  const run = (args: string[]) =>
    promisify(execFile)('node', [tandem, 'check', ...args], { cwd: repoRoot });
  const relative = path.relative(repoRoot, fixture);

  it('lists them after the problems, as [rule] message (suggestion), and exits 0', async () => {
    const { stdout } = await run([relative]);
    expect(stdout).toBe(
      [
        `${relative}/terms/spring-2027.yml:6:13: information: course understanding-anxiety is not ready to publish (not yet signed off by Amira Hassan and Hannah Lewis); this run stays out of the prospectus and the website until it is`,
        `${relative}/terms/spring-2027.yml:13:13: information: course planning-for-my-wellbeing is not ready to publish (not yet signed off by Daniel Okafor and Mark Evans); this run stays out of the prospectus and the website until it is`,
        `${relative}/planning-for-my-wellbeing/modules/01-what-keeps-me-well.md:8:17: [recovery-language] "suffer from": it defines a life by pain; people live full lives alongside a diagnosis (lives with, experiences, has a diagnosis of)`,
        `${relative}/planning-for-my-wellbeing/modules/01-what-keeps-me-well.md:19:92: [recovery-language] "kicking off": it describes distress as bad behaviour (expressing distress)`,
        `${relative}/pages/how-to-enrol.md:12:23: [recovery-language] "mental patient": it names a person by a service they used (student, person)`,
        '2 courses, 1 term: no problems; 2 for information; 3 writing suggestions',
        '',
      ].join('\n'),
    );
  });

  it('includes them in --json with rule ids and severity', async () => {
    const { stdout } = await run(['--json', relative]);
    const { problems } = JSON.parse(stdout) as { problems: Record<string, unknown>[] };
    expect(problems.map((p) => [p.code, p.entry, p.severity, p.line])).toEqual([
      ['course-not-ready', undefined, 'information', 6],
      ['course-not-ready', undefined, 'information', 13],
      ['recovery-language', 'suffers-from', 'warning', 8],
      ['recovery-language', 'kicking-off', 'warning', 19],
      ['recovery-language', 'added-mental-patient', 'warning', 12],
    ]);
  });
});
