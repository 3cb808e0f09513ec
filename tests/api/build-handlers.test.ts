/** Publishing through the API: the build runs in the background and reports by events. */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult, TandemEvent } from '../../main/api/contract.js';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { validateArgs } from '../../main/api/validate-args.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let outRoot: string;
beforeAll(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  outRoot = await mkdtemp(path.join(tmpdir(), 'tandem-out-'));
});
afterAll(async () => {
  await library.dispose();
  await rm(outRoot, { recursive: true, force: true });
});

describe('startBuild', () => {
  it('builds the site, sends progress and the result as events, then allows revealing it', async () => {
    const events: TandemEvent[] = [];
    const revealed: string[] = [];
    let finished: (result: BuildResult) => void = () => undefined;
    const done = new Promise<BuildResult>((resolve) => (finished = resolve));
    const api = createApiHandlers({
      root: library.root,
      outputRoot: outRoot,
      emit: (event) => {
        events.push(event);
        if (event.type === 'build-finished') finished(event.result);
      },
      reveal: async (target) => (revealed.push(target), true),
    }).handlers;

    const { buildId } = await api.startBuild({
      only: 'site',
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    });
    await expect(
      api.startBuild({
        paper: 'A4',
        largePrint: false,
        booklet: false,
        facilitatorPacks: false,
        draft: true,
      }),
    ).rejects.toMatchObject({ code: 'conflict' });

    const result = await done;
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.siteDir?.startsWith(path.join(outRoot, 'spring-2027'))).toBe(true);
    expect(events.every((e) => !('buildId' in e) || e.buildId === buildId)).toBe(true);
    expect(events.some((e) => e.type === 'build-progress')).toBe(true);
    expect(await readdir(path.join(outRoot, 'spring-2027'))).toContain('.tandem-output');

    expect(await api.revealOutput(result.siteDir ?? '')).toBe(true);
    expect(revealed).toEqual([result.siteDir]);
    await expect(api.revealOutput(library.root)).rejects.toMatchObject({ code: 'forbidden' });
  }, 60_000);
});

// Regression: the Publish screen held back events that came before startBuild returned the id;
// the caller now chooses the id, and every event of that build carries it.
const options = {
  only: 'site' as const,
  paper: 'A4' as const,
  largePrint: false,
  booklet: false,
  facilitatorPacks: false,
  draft: true,
};

describe('publish-screen-buffers-build-events-until-startBuild-returns', () => {
  it('sends every event with the id the caller chose, from the first one on', async () => {
    const events: TandemEvent[] = [];
    let returned = false;
    const early: TandemEvent[] = [];
    let finished: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const api = createApiHandlers({
      root: library.root,
      outputRoot: outRoot,
      emit: (event) => {
        events.push(event);
        if (!returned) early.push(event);
        if (event.type === 'build-finished') finished();
      },
    }).handlers;

    const chosen = '6f1c1f5e-2b7a-4d8e-9a43-0c2d5e7f9b10';
    const { buildId } = await api.startBuild({ ...options, buildId: chosen });
    returned = true;
    await done;
    expect(buildId).toBe(chosen);
    const ids = events.flatMap((e) => ('buildId' in e ? [e.buildId] : []));
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids)).toEqual(new Set([chosen]));
    expect(early.every((e) => !('buildId' in e) || e.buildId === chosen)).toBe(true);
  });

  it('accepts only plain ids from the caller', () => {
    expect(() => validateArgs('startBuild', [{ ...options, buildId: '../x' }])).toThrow(/buildId/);
    expect(() => validateArgs('startBuild', [{ ...options, buildId: 'short' }])).toThrow();
    expect(() =>
      validateArgs('startBuild', [{ ...options, buildId: 'abcd-1234-ef' }]),
    ).not.toThrow();
  });
});
