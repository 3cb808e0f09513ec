import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../main/electron/window-options.js';

describe('createWindowOptions', () => {
  const options = createWindowOptions({ preloadPath: '/app/build/electron/preload.cjs' });
  const prefs = options.webPreferences ?? {};

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('sets %s to %s explicitly', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('enables no Blink features and disables middle-click opening', () => {
    expect(prefs.enableBlinkFeatures ?? '').toBe('');
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('uses the given preload and nothing else from outside', () => {
    expect(prefs.preload).toBe('/app/build/electron/preload.cjs');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('restores remembered bounds', () => {
    const restored = createWindowOptions({
      preloadPath: '/p',
      bounds: { x: 10, y: 20, width: 900, height: 700 },
    });
    expect(restored).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
    expect(restored.webPreferences?.sandbox).toBe(true);
  });
});
