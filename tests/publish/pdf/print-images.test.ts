/** Image URLs for printing: inside the library only, never from the network. */
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashFolder } from '../../../main/publish/pdf/library-version.js';
import {
  absolutiseImages,
  printImageResolver,
  printOrigin,
  readPrintAsset,
} from '../../../main/publish/pdf/print-images.js';

describe('printImageResolver', () => {
  const fromModule = printImageResolver('calm/modules/01-intro.md');
  it.each([
    ['../images/lake.svg', 'tandem-library-file/calm/images/lake.svg'],
    ['../images/two%20words.png', 'tandem-library-file/calm/images/two%20words.png'],
    ['../../pages/shared.png', 'tandem-library-file/pages/shared.png'],
    ['../../../outside.png', undefined],
    ['/etc/passwd', undefined],
    ['https://example.org/x.png', undefined],
    ['data:image/png;base64,AAAA', undefined],
    ['file:///etc/passwd', undefined],
    ['', undefined],
  ])('%s → %s', (src, want) => {
    expect(fromModule(src)).toBe(want);
  });

  it('turns placeholders into URLs at the print origin, never file: URLs', () => {
    const html = '<p><img src="tandem-library-file/calm/images/lake.svg" alt=""></p>';
    expect(absolutiseImages(html)).toBe(
      `<p><img src="${printOrigin}/library/calm/images/lake.svg" alt=""></p>`,
    );
  });
});

describe('readPrintAsset', () => {
  it('serves image files inside the library only, links resolved', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-assets-'));
    try {
      const root = path.join(dir, 'library');
      await mkdir(path.join(root, 'images'), { recursive: true });
      await writeFile(path.join(root, 'images', 'lake.png'), 'png');
      await writeFile(path.join(dir, 'secret.png'), 'secret');
      await writeFile(path.join(root, 'notes.md'), 'text');
      await symlink(path.join(dir, 'secret.png'), path.join(root, 'images', 'link.png'));
      const read = (p: string) => readPrintAsset(root, p).then((a) => a?.body.toString());
      expect(await read('/library/images/lake.png')).toBe('png');
      expect(await read('/library/images/link.png')).toBeUndefined();
      expect(await read('/library/..%2Fsecret.png')).toBeUndefined();
      expect(await read('/library/notes.md')).toBeUndefined();
      expect(await read('/elsewhere/images/lake.png')).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('hashFolder', () => {
  it('changes with content, ignores hidden files and the output folder', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'tandem-hash-'));
    try {
      await writeFile(path.join(root, 'college.yml'), 'name: A\n');
      const first = await hashFolder(root);
      await mkdir(path.join(root, '.git'));
      await writeFile(path.join(root, '.git', 'HEAD'), 'x');
      await mkdir(path.join(root, 'dist'));
      await writeFile(path.join(root, 'dist', 'prospectus.pdf'), 'pdf');
      expect(await hashFolder(root, [path.join(root, 'dist')])).toBe(first);
      await writeFile(path.join(root, 'college.yml'), 'name: B\n');
      expect(await hashFolder(root, [path.join(root, 'dist')])).not.toBe(first);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
