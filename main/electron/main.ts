/**
 * The desktop app's main process. It owns the window, serves the built UI from
 * `tandem://app/`, answers the UI's API calls over IPC, and applies Electron's security
 * checklist (see docs/security.md for each item).
 *
 * Bundled by esbuild into build/electron/main.cjs (scripts/build-electron.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
} from 'electron';
import { EVENT_CHANNEL, type MenuCommand, type TandemEvent } from '../api/contract.js';
import { resolveInside } from '../fs/resolve-inside.js';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appResponseHeaders,
  appUrlToRelativePath,
  contentTypeOf,
} from './app-origin.js';
import { remoteUrl } from '../sync/git-engine.js';
import { hostOf } from '../sync/sync-errors.js';
import { loadGitToken, saveGitToken } from './git-token-store.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { LibrarySession } from './library-session.js';
import { buildMenuTemplate } from './menu.js';
import { guardNavigation, safeExternalUrl } from './navigation-guard.js';
import { boundsAreVisible, loadSettings, saveSettings, type Settings } from './settings-store.js';
import { createWindowOptions } from './window-options.js';

// This file only ever runs as the CommonJS bundle build/electron/main.cjs, where __dirname is
// build/electron/; two levels up is the app folder (the asar root when packaged).
const appRoot = path.resolve(__dirname, '..', '..');
const rendererDir = path.join(appRoot, 'build', 'renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');

// Must happen before `ready`: the app scheme is a secure, standard origin with fetch support.
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true },
  },
]);

let mainWindow: BrowserWindow | undefined;
let settings: Settings = {};

/** Sends an event to the page (only ever to the app's own window). */
function emit(event: TandemEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(EVENT_CHANNEL, event);
}

async function openExternal(url: string): Promise<void> {
  // Re-checked here, right before the OS is asked to open it.
  const safe = safeExternalUrl(url);
  if (safe) await shell.openExternal(safe);
}

const librarySession = new LibrarySession({
  emit,
  async pickFolder() {
    const options = { title: 'Open a course library', properties: ['openDirectory' as const] };
    const result = mainWindow
      ? await dialog.showOpenDialog(mainWindow, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async reveal(absolutePath) {
    shell.showItemInFolder(absolutePath);
    return true;
  },
  onOpened(root) {
    settings = { ...settings, lastLibrary: root };
    void saveSettings(app.getPath('userData'), settings).catch(() => undefined);
  },
  // Git host tokens are kept encrypted by the OS (safeStorage), one per host.
  async gitToken(root) {
    const url = await remoteUrl(root);
    return url ? loadGitToken(app.getPath('userData'), hostOf(url), safeStorage) : undefined;
  },
  saveGitToken: (address, token) =>
    saveGitToken(app.getPath('userData'), hostOf(address), token, safeStorage),
});

/** Serves files of the built UI for `tandem://app/…`, contained to build/renderer/. */
async function serveAppFile(request: Request): Promise<Response> {
  const relative = appUrlToRelativePath(request.url);
  const type = relative ? contentTypeOf(relative) : undefined;
  if (!relative || !type || request.method !== 'GET') {
    return new Response('Not found', { status: 404 });
  }
  try {
    const file = await resolveInside(rendererDir, relative);
    return new Response(await readFile(file), { status: 200, headers: appResponseHeaders(type) });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

function createMainWindow(): BrowserWindow {
  const remembered = settings.windowBounds;
  const bounds =
    remembered &&
    boundsAreVisible(
      remembered,
      screen.getAllDisplays().map((d) => d.workArea),
    )
      ? remembered
      : undefined;
  const window = new BrowserWindow(createWindowOptions({ preloadPath, bounds }));
  guardNavigation(window.webContents, openExternal);
  if (settings.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    settings = {
      ...settings,
      windowBounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    void saveSettings(app.getPath('userData'), settings).catch(() => undefined);
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function sendMenuCommand(command: MenuCommand): void {
  emit({ type: 'menu', command });
}

/**
 * Hook for printing PDFs with Electron's own Chromium instead of an installed browser: the
 * publishing pipeline accepts one through `registerAppPdfRenderer` in
 * main/publish/pdf/pdf-renderer.ts. Until an implementation over a hidden window's
 * `webContents.printToPDF` is added here, the app prints with the browser the pipeline finds.
 */
function registerPdfRenderer(): void {}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every renderer is sandboxed, whatever its own preferences say.
  app.enableSandbox();

  // Belt and braces for every web contents the app might ever create.
  app.on('web-contents-created', (_event, contents) => {
    guardNavigation(contents, openExternal);
  });

  await app.whenReady();
  settings = await loadSettings(app.getPath('userData'));

  protocol.handle(APP_SCHEME, serveAppFile);
  const appSession = session.defaultSession;
  // Tandem needs no camera, microphone, notifications, location… so every request is denied.
  appSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  appSession.setPermissionCheckHandler(() => false);
  appSession.setDevicePermissionHandler(() => false);
  // The UI never loads anything from the network; refuse it outright.
  appSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      details.url.startsWith(`${APP_SCHEME}:`) ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:') ||
      details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });

  registerIpcHandlers(ipcMain, () => librarySession.handlers());
  registerPdfRenderer();
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(sendMenuCommand)));

  const fromArgs = process.argv.slice(app.isPackaged ? 1 : 2).find((arg) => !arg.startsWith('-'));
  const initial = fromArgs ?? settings.lastLibrary;
  if (initial) await librarySession.open(initial).catch(() => undefined);

  mainWindow = createMainWindow();
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
  app.on('activate', () => {
    if (!mainWindow) mainWindow = createMainWindow();
  });
}

app.on('window-all-closed', () => {
  void librarySession.close();
  if (process.platform !== 'darwin') app.quit();
});

void start();
