/**
 * YAML kept between loads: a library loaded with the parsed YAML of an earlier load reports
 * exactly the same problems, at the same lines and columns, and loads the same model as one
 * parsed from nothing; kept data that is damaged is never used.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import {
  parseYaml,
  positionAt,
  positionsAt,
  type DataPath,
  type DerivedTexts,
} from '../../main/library/read-yaml-file.js';
import type { LoadResult } from '../../main/library/types.js';
import { fixtureLibrary, sampleLibrary } from '../support/temp-library.js';

/** Kept texts in memory, counting how many had to be made. */
class KeptTexts implements DerivedTexts {
  readonly texts = new Map<string, string>();
  made = 0;
  derived(inputs: unknown, make: () => string): string {
    const key = JSON.stringify(inputs);
    let text = this.texts.get(key);
    if (text === undefined) {
      this.made += 1;
      text = make();
      this.texts.set(key, text);
    }
    return text;
  }
}

/** Every kept text replaced by `damaged` (a cache written by something else, or cut short). */
function damage(kept: KeptTexts, damaged: string): KeptTexts {
  const copy = new KeptTexts();
  for (const key of kept.texts.keys()) copy.texts.set(key, damaged);
  return copy;
}

/** What a load shows: its problems and its model. */
const shown = (loaded: LoadResult) => ({ problems: loaded.problems, library: loaded.library });

/** Every fixture library, the hostile ones first among them, and the sample library. */
const libraries = [
  ...readdirSync(fixtureLibrary('.')).map((name) => {
    const inner = path.join(fixtureLibrary(name), 'library');
    return existsSync(inner) ? inner : fixtureLibrary(name);
  }),
  sampleLibrary,
];

describe('parsed YAML kept between loads', () => {
  it.each(libraries.map((root) => [path.relative(fixtureLibrary('..'), root), root]))(
    '%s loads the same with kept YAML as without',
    async (_name, root) => {
      const fresh = shown(await loadLibrary(root));
      const kept = new KeptTexts();
      expect(shown(await loadLibrary(root, undefined, kept))).toEqual(fresh);
      const made = kept.made;
      expect(shown(await loadLibrary(root, undefined, kept))).toEqual(fresh);
      // The second load made nothing: every YAML text (and Markdown check) came from the first.
      expect(kept.made).toBe(made);
      for (const damaged of ['{"title": "Not from this file"', 'not json', '']) {
        expect(shown(await loadLibrary(root, undefined, damage(kept, damaged)))).toEqual(fresh);
      }
    },
  );

  it('keeps only YAML that parsed without a problem, and gives back exactly its data', () => {
    const kept = new KeptTexts();
    const cases = [
      'title: Calm\nduration: 90\ntags: [a, b]\n',
      'title: Calm\ntitle: twice\n',
      'a: &x {b: 1}\nc: *x\n',
      'n: .nan\n',
      'z: -0\n',
      'title: [unclosed\n',
    ];
    for (const text of cases) {
      const first = parseYaml(text, 'x.yml', 0, kept);
      const again = parseYaml(text, 'x.yml', 0, kept);
      const plain = parseYaml(text, 'x.yml');
      expect(again.data).toEqual(plain.data);
      expect(Object.is((again.data as { z?: number } | undefined)?.z, -0)).toBe(
        text.startsWith('z:'),
      );
      expect(again.problems).toEqual(plain.problems);
      expect(first.problems).toEqual(plain.problems);
    }
    expect([...kept.texts.values()]).toEqual([
      '{"title":"Calm","duration":90,"tags":["a","b"]}',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  describe('positions asked for together', () => {
    const text =
      'title: Spring\nruns:\n  - course: calm\n    sessions: []\n  - course: rest\nnotes:\n';
    const paths: DataPath[] = [
      ['runs', 0, 'course'],
      ['runs', 1, 'course'],
      ['runs', 5, 'course'],
      ['notes'],
      ['missing', 'deeper'],
    ];
    const plain = parseYaml(text, 'terms/spring.yml', 2).source;

    it.each(['value', 'key'] as const)(
      "are the tree's own (%s), kept after the first time so the text is not parsed again",
      (at) => {
        const expected = paths.map((p) => positionAt(plain, p, at));
        const kept = new KeptTexts();
        parseYaml(text, 'terms/spring.yml', 2, kept);
        const first = parseYaml(text, 'terms/spring.yml', 2, kept).source;
        const made = kept.made;
        expect(positionsAt(first, paths, at)).toEqual(expected);
        // Found in the tree once, and kept: one text made, then none.
        expect(kept.made).toBe(made + 1);
        const again = parseYaml(text, 'terms/spring.yml', 2, kept).source;
        expect(positionsAt(again, paths, at)).toEqual(expected);
        expect(kept.made).toBe(made + 1);
      },
    );

    it.each(['not json', '[]', '[{"line":0,"column":1}]', '{"line":3,"column":5}'])(
      'are found in the tree again when what was kept for them is %s',
      (damaged) => {
        const kept = new KeptTexts();
        parseYaml(text, 'terms/spring.yml', 2, kept);
        positionsAt(parseYaml(text, 'terms/spring.yml', 2, kept).source, paths);
        for (const key of kept.texts.keys()) {
          if (key.includes('positions')) kept.texts.set(key, damaged);
        }
        const again = parseYaml(text, 'terms/spring.yml', 2, kept).source;
        expect(positionsAt(again, paths)).toEqual(paths.map((p) => positionAt(plain, p)));
      },
    );
  });

  it('finds the position of a kept value by parsing again when a problem asks', () => {
    const kept = new KeptTexts();
    const text = 'title: Calm\nduration: long\n';
    parseYaml(text, 'x.md', 1, kept);
    const again = parseYaml(text, 'x.md', 1, kept);
    const plain = parseYaml(text, 'x.md', 1);
    const node = again.source.doc.get('duration', true);
    expect(node).toEqual(plain.source.doc.get('duration', true));
    expect(again.source.lineCounter.linePos(12)).toEqual({ line: 2, col: 1 });
  });
});
