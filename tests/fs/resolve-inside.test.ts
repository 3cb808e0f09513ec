import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PathOutsideError,
  checkRelativePath,
  resolveInside,
} from '../../main/fs/resolve-inside.js';

describe('checkRelativePath', () => {
  const refused: [string, string][] = [
    ['', 'empty'],
    ['../college.yml', 'parent'],
    ['course/../../etc/passwd', 'parent in the middle'],
    ['course/..', 'parent at the end'],
    ['./course.md', 'dot part'],
    ['/etc/passwd', 'absolute'],
    ['C:/Windows/win.ini', 'drive letter'],
    ['c:course.md', 'drive-relative'],
    ['//server/share/file', 'UNC with slashes'],
    ['\\\\server\\share\\file', 'UNC with backslashes'],
    ['images\\..\\..\\secret', 'backslashes'],
    ['images/x.png\0.md', 'NUL byte'],
    ['course.md:hidden', 'alternate data stream'],
    ['images//x.png', 'empty part'],
    ['images/.. /x', 'dot-space part'],
    ['x'.repeat(2000), 'too long'],
  ];
  it.each(refused)('refuses %j (%s)', (relative) => {
    expect(() => checkRelativePath(relative)).toThrow(PathOutsideError);
  });

  const allowed: [string, string[]][] = [
    ['course.md', ['course.md']],
    ['modules/01-welcome.md', ['modules', '01-welcome.md']],
    ['images/river bank.jpg', ['images', 'river bank.jpg']],
    ['images/.hidden', ['images', '.hidden']],
    ['images/a..b.png', ['images', 'a..b.png']],
  ];
  it.each(allowed)('accepts %j', (relative, segments) => {
    expect(checkRelativePath(relative)).toEqual(segments);
  });
});

describe('resolveInside', () => {
  let base: string;
  let root: string;

  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'tandem-contain-'));
    root = path.join(base, 'library');
    await mkdir(path.join(root, 'course', 'images'), { recursive: true });
    await writeFile(path.join(root, 'course', 'course.md'), 'x');
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    await mkdir(path.join(base, 'elsewhere'));
    await symlink(path.join(base, 'secret.txt'), path.join(root, 'course', 'images', 'leak.png'));
    await symlink(path.join(base, 'elsewhere'), path.join(root, 'course', 'linked-dir'));
    await symlink(
      path.join(root, 'course', 'course.md'),
      path.join(root, 'course', 'images', 'ok.png'),
    );
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  it('returns the absolute path of a file inside', async () => {
    expect(await resolveInside(root, 'course/course.md')).toBe(
      path.join(root, 'course', 'course.md'),
    );
  });

  it('allows a path that does not exist yet, inside', async () => {
    expect(await resolveInside(root, 'course/modules/01-new.md')).toBe(
      path.join(root, 'course', 'modules', '01-new.md'),
    );
  });

  it('refuses a symlinked file that points outside', async () => {
    await expect(resolveInside(root, 'course/images/leak.png')).rejects.toThrow(/link/);
  });

  it('refuses a new file under a symlinked folder that points outside', async () => {
    await expect(resolveInside(root, 'course/linked-dir/new.md')).rejects.toThrow(/link/);
  });

  it('allows a symlink that stays inside', async () => {
    expect(await resolveInside(root, 'course/images/ok.png')).toBe(
      path.join(root, 'course', 'images', 'ok.png'),
    );
  });

  it('refuses traversal before touching the disk', async () => {
    await expect(resolveInside(root, '../secret.txt')).rejects.toThrow(PathOutsideError);
  });
});
