/** Events for outside changes, and sign-off through the API with real keys. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TandemEvent } from '../../main/api/contract.js';
import {
  createApiHandlers,
  type ApiHandlers,
} from '../../main/api/handlers/create-api-handlers.js';
import { OwnWrites } from '../../main/api/own-writes.js';
import { isIgnoredPath, watchLibrary, type LibraryWatcher } from '../../main/api/watch-library.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

const COURSE = 'understanding-anxiety';
let library: TempLibrary;
let configDir: string;
let api: ApiHandlers;
let events: TandemEvent[];
let watcher: LibraryWatcher;

beforeEach(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
  events = [];
  const ownWrites = new OwnWrites();
  const emit = (event: TandemEvent): void => void events.push(event);
  api = createApiHandlers({ root: library.root, configDir, emit, ownWrites }).handlers;
  watcher = watchLibrary({ root: library.root, ownWrites, emit, debounceMs: 100 });
  await watcher.ready;
});
afterEach(async () => {
  await watcher.close();
  await library.dispose();
  await rm(configDir, { recursive: true, force: true });
});

const settle = (ms = 600): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const changed = (): string[] =>
  events.flatMap((e) => (e.type === 'library-changed' ? e.files : [])).sort();

describe('library watcher', () => {
  it('reports outside changes but not the app’s own saves', async () => {
    const module = await api.readModule(COURSE, '01-what-is-anxiety.md');
    const saved = await api.saveModule({
      ...module,
      courseId: COURSE,
      body: 'Mine.\n',
      baseVersion: module.version,
    });
    expect(saved.ok).toBe(true);
    await api.addModule(COURSE, 'One more');
    await settle();
    expect(changed()).toEqual([]);

    const outside = path.join(library.root, COURSE, 'modules', '02-ways-to-feel-calmer.md');
    await writeFile(outside, `${await readFile(outside, 'utf8')}\nFrom a co-trainer.\n`);
    await settle();
    expect(changed()).toEqual([`${COURSE}/modules/02-ways-to-feel-calmer.md`]);
  });

  it('ignores .tandem/, temporary files and editor backups', () => {
    expect(isIgnoredPath('c/.tandem/signed/x/course.md')).toBe(true);
    expect(isIgnoredPath('c/modules/.01-a.md.tandem-0123456789ab.tmp')).toBe(true);
    expect(isIgnoredPath('c/modules/01-a.md~')).toBe(true);
    expect(isIgnoredPath('c/modules/01-a.md')).toBe(false);
  });
});

describe('sign-off through the API', () => {
  it('chooses who I am, makes a key, lists it, and signs', async () => {
    expect(await api.getIdentity()).toEqual({ trainerId: null, hasKey: false });
    await expect(api.setIdentity('nobody-here')).rejects.toMatchObject({ code: 'not-found' });
    expect(await api.setIdentity('amira-hassan')).toEqual({
      trainerId: 'amira-hassan',
      hasKey: false,
    });

    const key = await api.createKey();
    expect(key.publicKeyLine).toMatch(/^ed25519:/);
    expect(key.addedToLibrary).toBe(true);
    expect(await readFile(path.join(library.root, 'trainers.yml'), 'utf8')).toContain(
      key.publicKeyLine,
    );

    const status = await api.signOff(COURSE, 'Read it through together');
    expect(status.authors.find((a) => a.trainerId === 'amira-hassan')?.signedCurrent).toBe(true);
    expect(status.awaiting).toEqual(['hannah-lewis']);
    expect(await api.diffSince(COURSE, 'amira-hassan')).toEqual([]);

    // A change after sign-off shows up in the diff.
    const module = await api.readModule(COURSE, '01-what-is-anxiety.md');
    await api.saveModule({
      ...module,
      courseId: COURSE,
      body: 'Changed.\n',
      baseVersion: module.version,
    });
    const diffs = await api.diffSince(COURSE, 'amira-hassan');
    expect(diffs.map((d) => [d.path, d.change])).toEqual([
      ['modules/01-what-is-anxiety.md', 'modified'],
    ]);
    expect((await api.getStatus(COURSE)).state).toBe('changed');
  });

  it('refuses to sign before choosing who I am', async () => {
    await expect(api.signOff(COURSE)).rejects.toThrow(/Choose who you are/);
  });
});

// Regression: sign-off and key writes used temporary files of their own, which the watcher
// reported as someone else's change; they now go through the one atomic write as own writes.
describe('signoff-and-key-writes-look-like-someone-elses-changes', () => {
  it('reports neither the new key in trainers.yml nor the new record as an outside change', async () => {
    await api.setIdentity('amira-hassan');
    const key = await api.createKey();
    expect(key.addedToLibrary).toBe(true);
    await api.signOff(COURSE, 'Read it through together');
    await settle();
    expect(changed()).toEqual([]);

    // The watcher still reports the same files when someone else changes them.
    const roster = path.join(library.root, 'trainers.yml');
    await writeFile(roster, `${await readFile(roster, 'utf8')}# checked by the co-ordinator\n`);
    await settle();
    expect(changed()).toEqual(['trainers.yml']);
  });
});
