import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  boundsAreVisible,
  loadSettings,
  saveSettings,
} from '../../main/electron/settings-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('settings store', () => {
  it('remembers the last library and window bounds', async () => {
    await saveSettings(dir, {
      lastLibrary: '/srv/college',
      windowBounds: { x: 0, y: 0, width: 1000, height: 800 },
    });
    expect(await loadSettings(dir)).toEqual({
      lastLibrary: '/srv/college',
      windowBounds: { x: 0, y: 0, width: 1000, height: 800 },
    });
    expect(JSON.parse(await readFile(path.join(dir, 'settings.json'), 'utf8'))).toHaveProperty(
      'lastLibrary',
    );
  });

  it('falls back to defaults for a missing or broken file', async () => {
    expect(await loadSettings(dir)).toEqual({});
    await writeFile(path.join(dir, 'settings.json'), '{ not json');
    expect(await loadSettings(dir)).toEqual({});
    await writeFile(path.join(dir, 'settings.json'), '{"windowBounds": {"x": "left"}}');
    expect(await loadSettings(dir)).toEqual({});
  });

  it('forgets bounds that no longer fit any screen', () => {
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(boundsAreVisible({ x: 100, y: 100, width: 800, height: 600 }, [screen])).toBe(true);
    expect(boundsAreVisible({ x: 3000, y: 100, width: 800, height: 600 }, [screen])).toBe(false);
  });
});
