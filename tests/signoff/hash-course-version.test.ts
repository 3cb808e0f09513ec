import { mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  contentBytes,
  hashContentFiles,
  hashCourseVersion,
  type ContentFile,
} from '../../main/signoff/hash-course-version.js';
import { defaultCourseFiles, makeTestLibrary, type TestLibrary } from './support.js';

const file = (p: string, text: string | Buffer): ContentFile => ({
  path: p,
  bytes: contentBytes(p, typeof text === 'string' ? Buffer.from(text, 'utf8') : text),
});

const base: ContentFile[] = [
  file('course.md', '---\ntitle: A\n---\nHello\n'),
  file('modules/01-a.md', 'One\nTwo\n'),
  file('images/x.png', Buffer.from([1, 2, 3, 0x0d, 0x0a])),
];
const baseHash = hashContentFiles(base);

describe('hashContentFiles', () => {
  it('is sha256: plus 64 hex digits', () => {
    expect(baseHash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it.each<[string, ContentFile[]]>([
    ['files in another order', [base[2]!, base[0]!, base[1]!]],
    [
      'CRLF line endings in Markdown',
      [file('course.md', '---\r\ntitle: A\r\n---\r\nHello\r\n'), base[1]!, base[2]!],
    ],
    ['old Mac CR line endings', [base[0]!, file('modules/01-a.md', 'One\rTwo\r'), base[2]!]],
  ])('gives the same hash for %s', (_name, files) => {
    expect(hashContentFiles(files)).toBe(baseHash);
  });

  it.each<[string, ContentFile[]]>([
    [
      'one changed byte of course.md',
      [file('course.md', '---\ntitle: B\n---\nHello\n'), base[1]!, base[2]!],
    ],
    ['one changed byte of a module', [base[0]!, file('modules/01-a.md', 'One\nTwo.\n'), base[2]!]],
    [
      'one changed byte of an image',
      [base[0]!, base[1]!, file('images/x.png', Buffer.from([1, 2, 4, 0x0d, 0x0a]))],
    ],
    [
      'CRLF inside a binary image',
      [base[0]!, base[1]!, file('images/x.png', Buffer.from([1, 2, 3, 0x0a]))],
    ],
    ['a renamed module', [base[0]!, file('modules/02-a.md', 'One\nTwo\n'), base[2]!]],
    ['an added file', [...base, file('modules/02-b.md', '')]],
    ['a removed file', [base[0]!, base[1]!]],
    [
      'bytes moved from one file to the next',
      [base[0]!, file('modules/01-a.md', 'One\n'), file('modules/01-b.md', 'Two\n'), base[2]!],
    ],
  ])('changes the hash for %s', (_name, files) => {
    expect(hashContentFiles(files)).not.toBe(baseHash);
  });

  it('does not confuse a path boundary with content (length prefixes)', () => {
    const a = hashContentFiles([file('a.md', 'x\ncontent:1:y')]);
    const b = hashContentFiles([file('a.md', 'x'), file('y', '')]);
    expect(a).not.toBe(b);
  });
});

describe('hashCourseVersion on disk', () => {
  let lib: TestLibrary;
  afterEach(() => lib?.dispose());

  it('counts course.md, modules and images, and ignores signoffs.yml, dotfiles and other files', async () => {
    lib = await makeTestLibrary([], { 'understanding-anxiety': ['ann-lee', 'sam-okafor'] });
    const dir = lib.courseDir('understanding-anxiety');
    const before = await hashCourseVersion(dir);
    await writeFile(path.join(dir, 'signoffs.yml'), '- trainer: x\n');
    await mkdir(path.join(dir, '.tandem/signed/abc'), { recursive: true });
    await writeFile(path.join(dir, '.tandem/signed/abc/course.md'), 'old');
    await writeFile(path.join(dir, 'modules/.01-what-is-anxiety.md.swp'), 'swap');
    await writeFile(path.join(dir, '.DS_Store'), 'x');
    expect(await hashCourseVersion(dir)).toBe(before);

    await writeFile(path.join(dir, 'images/new.svg'), '<svg/>');
    expect(await hashCourseVersion(dir)).not.toBe(before);
    await rm(path.join(dir, 'images/new.svg'));
    expect(await hashCourseVersion(dir)).toBe(before);

    await rename(path.join(dir, 'modules/02-calming.md'), path.join(dir, 'modules/03-calming.md'));
    expect(await hashCourseVersion(dir)).not.toBe(before);
  });

  it('hashes a course saved with CRLF line endings the same as with LF', async () => {
    lib = await makeTestLibrary([], { a: ['ann-lee'] });
    const lf = await hashCourseVersion(lib.courseDir('a'));
    const files = defaultCourseFiles(['ann-lee']);
    for (const [rel, content] of Object.entries(files)) {
      if (typeof content === 'string') {
        await writeFile(path.join(lib.courseDir('a'), rel), content.replace(/\n/g, '\r\n'));
      }
    }
    expect(await hashCourseVersion(lib.courseDir('a'))).toBe(lf);
  });

  it('refuses symbolic links, which could pull in files from outside the course', async () => {
    lib = await makeTestLibrary([], { a: ['ann-lee'] });
    const dir = lib.courseDir('a');
    await symlink('/etc/hostname', path.join(dir, 'images/secret.png'));
    await expect(hashCourseVersion(dir)).rejects.toThrow('a/images/secret.png is a symbolic link');
  });
});
