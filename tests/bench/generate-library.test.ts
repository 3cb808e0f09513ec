import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { defaultGenerateOptions, generateLibrary } from './generate-library.js';

describe('the benchmark library generator', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tandem-generate-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a library the loader accepts without a single problem', async () => {
    const root = path.join(dir, 'a');
    await generateLibrary(root, { ...defaultGenerateOptions, courses: 12 });
    const loaded = await loadLibrary(root);
    expect(loaded.problems).toEqual([]);
    expect(loaded.library?.courses).toHaveLength(12);
    expect(loaded.library?.courses[0]?.modules).toHaveLength(
      defaultGenerateOptions.modulesPerCourse,
    );
    expect(loaded.library?.terms[0]?.runs).toHaveLength(12);
  });

  it('writes the same files every time', async () => {
    const options = { ...defaultGenerateOptions, courses: 3 };
    await generateLibrary(path.join(dir, 'b'), options);
    await generateLibrary(path.join(dir, 'c'), options);
    for (const file of ['terms/spring-2027.yml', 'course-0002/modules/03-session-3.md']) {
      expect(await readFile(path.join(dir, 'c', file), 'utf8')).toBe(
        await readFile(path.join(dir, 'b', file), 'utf8'),
      );
    }
  });
});
