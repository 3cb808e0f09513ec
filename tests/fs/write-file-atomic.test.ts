import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  TEMP_FILE_PATTERN,
  tempPathFor,
  writeFileAtomic,
} from '../../main/fs/write-file-atomic.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-atomic-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('writes a new file and leaves no temporary file behind', async () => {
    const file = path.join(dir, 'course.md');
    await writeFileAtomic(file, 'hello\n');
    expect(await readFile(file, 'utf8')).toBe('hello\n');
    expect(await readdir(dir)).toEqual(['course.md']);
  });

  it('writes parts one after another, as one file', async () => {
    const file = path.join(dir, 'site-markdown.cache');
    const parts = [Buffer.from('header\n'), Buffer.alloc(0), Buffer.from('x'.repeat(100_000))];
    await writeFileAtomic(file, parts);
    expect((await readFile(file)).equals(Buffer.concat(parts))).toBe(true);
    expect(await readdir(dir)).toEqual(['site-markdown.cache']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const file = path.join(dir, 'course.md');
    await writeFile(file, 'old');
    await chmod(file, 0o600);
    await writeFileAtomic(file, 'new');
    expect(await readFile(file, 'utf8')).toBe('new');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file untouched and cleans up when the write fails', async () => {
    const file = path.join(dir, 'missing-folder', 'course.md');
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('names temporary files so watchers can skip them', () => {
    const temp = tempPathFor(path.join(dir, '01-welcome.md'));
    expect(path.dirname(temp)).toBe(dir);
    expect(TEMP_FILE_PATTERN.test(path.basename(temp))).toBe(true);
    expect(TEMP_FILE_PATTERN.test('01-welcome.md')).toBe(false);
  });
});
