import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../main/library/load-library.js';
import { folderNameFor, joinLibrary } from '../../main/sync/join-library.js';
import { fixtureLibrary } from '../support/temp-library.js';
import { startGitHttpServer, type GitHttpServer } from './support/git-http-server.js';

describe('joining a shared library on a new computer', () => {
  let server: GitHttpServer;
  let home: string;
  beforeAll(async () => {
    server = await startGitHttpServer(fixtureLibrary('valid-minimal'));
    home = await mkdtemp(path.join(tmpdir(), 'tandem-join-'));
  });
  afterAll(async () => {
    await server.close();
    await rm(home, { recursive: true, force: true });
  });

  it.each([
    ['https://github.com/riverside/college-courses.git', 'college-courses'],
    ['https://git.example.org/a/b/library/', 'library'],
  ])('names the folder after %s', (address, name) => {
    expect(folderNameFor(new URL(address).pathname)).toBe(name);
  });

  it('copies the library into an empty folder with the token, ready to open', async () => {
    const dir = path.join(home, 'empty');
    await mkdir(dir);
    expect(await joinLibrary(server.url, dir, server.password)).toBe(dir);
    expect((await loadLibrary(dir)).library?.college.name).toBeTruthy();
  });

  it('makes a folder named after the library inside a folder that has files', async () => {
    const dir = path.join(home, 'documents');
    await mkdir(dir);
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    expect(await joinLibrary(server.url, dir, server.password)).toBe(path.join(dir, 'library'));
  });

  it('explains a refused token and an address that is not one', async () => {
    await expect(joinLibrary(server.url, path.join(home, 'a'), 'wrong')).rejects.toMatchObject({
      kind: 'sign-in',
    });
    await expect(joinLibrary('college-courses', path.join(home, 'b'))).rejects.toThrow(
      'That is not a web address.',
    );
  });
});
