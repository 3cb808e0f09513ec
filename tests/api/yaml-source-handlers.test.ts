/** Fixing a planning file as text: plain explanation in, exact text out, conflicts refused. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { validateArgs } from '../../main/api/validate-args.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const TERM = 'terms/spring-2027.yml';
let library: TempLibrary;
let api: ApiHandlers;
let good: string;
const broken = () =>
  good.replace('  - course: planning-for-my-wellbeing', '  course: planning-for-my-wellbeing');
const onDisk = () => readFile(path.join(library.root, TERM), 'utf8');

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  api = createApiHandlers({ root: library.root }).handlers;
  good = await onDisk();
  await writeFile(path.join(library.root, TERM), broken());
});
afterEach(() => library.dispose());

describe('fixing a YAML file in place', () => {
  it('reads the text with the plain explanation, and saves the fix byte for byte', async () => {
    const source = await api.readYamlSource(TERM);
    expect(source.text).toBe(broken());
    expect(source.problem).toEqual({
      line: 13,
      column: 3,
      message:
        'this list item needs a dash: write it as "- course: planning-for-my-wellbeing", like the items above it',
    });
    expect(
      await api.saveYamlSource({ file: TERM, text: good, baseVersion: source.version }),
    ).toEqual({
      ok: true,
      version: expect.stringMatching(/^sha256:/),
    });
    expect(await onDisk()).toBe(good);
    expect((await api.readYamlSource(TERM)).problem).toBeUndefined();
  });

  it('refuses text that is still broken, and a file that changed since it was read', async () => {
    const source = await api.readYamlSource(TERM);
    await expect(
      api.saveYamlSource({
        file: TERM,
        text: `${broken()}\ttab: x\n`,
        baseVersion: source.version,
      }),
    ).rejects.toThrow('terms/spring-2027.yml was not saved: line 13: this list item needs a dash');
    const theirs = `${broken()}# someone else\n`;
    await writeFile(path.join(library.root, TERM), theirs);
    const result = await api.saveYamlSource({
      file: TERM,
      text: good,
      baseVersion: source.version,
    });
    expect(result).toMatchObject({ ok: false, conflict: { theirs } });
    expect(await onDisk()).toBe(theirs);
  });

  it('edits only the library’s YAML files', () => {
    for (const file of ['course.md', '../college.yml', 'terms/../../x.yml', 'pages/welcome.md']) {
      expect(() => validateArgs('readYamlSource', [file])).toThrow('must be terms/<id>.yml');
    }
    expect(validateArgs('readYamlSource', ['trainers.yml'])).toEqual(['trainers.yml']);
  });
});
