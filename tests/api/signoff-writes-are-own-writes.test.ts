/**
 * Regression: sign-off and key writes used temporary files of their own, which the library
 * watcher reported as someone else's change to signoffs.yml and trainers.yml. They now go
 * through the one atomic write and are registered as the app's own writes.
 */
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
import { watchLibrary, type LibraryWatcher } from '../../main/api/watch-library.js';
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

const settle = (ms = 800): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const changed = (): string[] =>
  events.flatMap((e) => (e.type === 'library-changed' ? e.files : [])).sort();

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
