/** The recovered-text store on real files: kept, listed newest first, deleted, never outside. */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { dispatch } from '../../main/api/dispatch.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let api: ApiHandlers;
const store = () => path.join(library.root, '.tandem', 'recovered');

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  api = createApiHandlers({ root: library.root }).handlers;
});
afterEach(() => library.dispose());

// A module file as it was on disk: front matter, and a line that is only `---`.
const theirs = '---\ntitle: What is anxiety?\n---\n\nA co-author’s paragraph.\n\n---\n\nMore.\n';
const entry = {
  file: 'understanding-anxiety/modules/01-what-is-anxiety.md',
  what: 'the module “What is anxiety?”',
  reason: 'The version on disk, when you kept yours',
  text: theirs,
};

describe('recovered texts', () => {
  it('keeps a text exactly, as a dated Markdown file a person can open', async () => {
    const kept = await api.keepRecoveredText(entry);
    expect(kept.id).toMatch(/^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-[0-9a-f]{8}$/);
    expect(kept).toMatchObject(entry);
    const files = await readdir(store());
    expect(files).toEqual([`${kept.id}.md`]);
    const text = await readFile(path.join(store(), files[0] ?? ''), 'utf8');
    expect(
      text.startsWith('---\nfile: understanding-anxiety/modules/01-what-is-anxiety.md\n'),
    ).toBe(true);
    expect(text.endsWith(`---\n${theirs}`)).toBe(true);
    expect(await api.listRecoveredTexts()).toEqual([kept]);
  });

  it('lists the newest first and deletes one at a time', async () => {
    const first = await api.keepRecoveredText(entry);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const second = await api.keepRecoveredText({ ...entry, text: 'Mine.\n' });
    expect((await api.listRecoveredTexts()).map((t) => t.id)).toEqual([second.id, first.id]);
    await api.deleteRecoveredText(second.id);
    expect((await api.listRecoveredTexts()).map((t) => t.id)).toEqual([first.id]);
    await api.deleteRecoveredText(second.id); // already gone: nothing to do
  });

  it('lists nothing when nothing was kept, and skips files it did not write', async () => {
    expect(await api.listRecoveredTexts()).toEqual([]);
    const kept = await api.keepRecoveredText(entry);
    await writeFile(path.join(store(), 'notes.md'), 'A person’s own file.\n');
    await writeFile(path.join(store(), '2026-01-01T00-00-00Z-00000000.md'), 'No details.\n');
    expect((await api.listRecoveredTexts()).map((t) => t.id)).toEqual([kept.id]);
  });

  const badIds = ['../course.md', '../../etc/passwd', 'notes', '2026-01-01T00-00-00Z-0000000g', ''];
  it.each(badIds)('refuses to delete %j', async (id) => {
    const outcome = await dispatch(api, 'deleteRecoveredText', [id]);
    expect(outcome.ok).toBe(false);
    await expect(api.deleteRecoveredText(id)).rejects.toThrow('is not a recovered text');
  });

  it.skipIf(process.platform === 'win32')('refuses a store that is a link', async () => {
    const elsewhere = await mkdtemp(path.join(tmpdir(), 'tandem-elsewhere-'));
    try {
      await mkdir(path.join(library.root, '.tandem'), { recursive: true });
      await symlink(elsewhere, store());
      await expect(api.keepRecoveredText(entry)).rejects.toThrow('symbolic link');
      expect(await readdir(elsewhere)).toEqual([]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === 'win32')(
    'never lists a file that is a link, or a YAML bomb, written by someone else',
    async () => {
      const elsewhere = await mkdtemp(path.join(tmpdir(), 'tandem-elsewhere-'));
      try {
        const kept = await api.keepRecoveredText(entry);
        const secret = path.join(elsewhere, 'secret.md');
        await writeFile(secret, '---\nfile: a\nwhat: b\nreason: c\nkeptAt: d\n---\nA secret.\n');
        await symlink(secret, path.join(store(), '2026-01-01T00-00-00Z-11111111.md'));
        const aliases = Array.from({ length: 200 }, (_, i) => `k${i}: *a`).join('\n');
        await writeFile(
          path.join(store(), '2026-01-01T00-00-00Z-22222222.md'),
          `---\nv: &a x\n${aliases}\nfile: a\nwhat: b\nreason: c\nkeptAt: d\n---\nText.\n`,
        );
        expect((await api.listRecoveredTexts()).map((t) => t.id)).toEqual([kept.id]);
      } finally {
        await rm(elsewhere, { recursive: true, force: true });
      }
    },
  );
});
