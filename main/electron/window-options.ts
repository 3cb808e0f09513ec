/** The main window's settings: every web preference that matters for security is explicit. */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';

export interface WindowOptionsInput {
  /** Absolute path of the bundled preload script (build/electron/preload.cjs). */
  preloadPath: string;
  /** Remembered size and position, when they still fit a screen. */
  bounds?: Partial<Rectangle>;
}

/** Options for the main BrowserWindow. Pure, so the test can check every setting. */
export function createWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: input.bounds?.width ?? 1280,
    height: input.bounds?.height ?? 860,
    ...(input.bounds?.x !== undefined && input.bounds.y !== undefined
      ? { x: input.bounds.x, y: input.bounds.y }
      : {}),
    minWidth: 720,
    minHeight: 520,
    title: 'Tandem',
    show: false, // shown on ready-to-show, so people never see a blank white flash
    backgroundColor: '#f4f2ee',
    webPreferences: {
      preload: input.preloadPath,
      // The renderer runs untrusted content (course text): it gets no Node.js, runs in
      // Chromium's sandbox, and its page cannot reach the preload's world.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // Middle-click could otherwise open a link in a new window, around the open handler.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: true,
    },
  };
}
