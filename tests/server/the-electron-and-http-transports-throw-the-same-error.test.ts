/**
 * Regression: the Electron and HTTP transports threw different error types, and on the desktop
 * the code was lost on the way (contextBridge keeps only an Error's message). Both now reach the
 * UI's client (renderer/api.ts) as one `ApiCallError` with the code the handler chose.
 *
 * Electron runs as plain functions: the real IPC handlers on a fake ipcMain, the real preload
 * API, and between them and the page a stand-in for contextBridge that copies values the way
 * Electron documents. HTTP runs against the real server.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../main/api/api-client.js';
import { API_METHODS, channelFor, type TandemApi } from '../../main/api/contract.js';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import { registerIpcHandlers, type IpcMainLike } from '../../main/electron/ipc-handlers.js';
import { createPreloadApi } from '../../main/electron/preload-api.js';
import { createHttpTransport } from '../../main/server/http-transport-client.js';
import { tandem } from '../../renderer/api.js';
import { serveInProcess, type ServerInProcess } from '../support/serve-in-process.js';
import { copyLibrary, fixtureLibrary, type TempLibrary } from '../support/temp-library.js';

let library: TempLibrary;
let scratch: string;
let served: ServerInProcess;

beforeAll(async () => {
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  scratch = await mkdtemp(path.join(tmpdir(), 'tandem-desktop-config-'));
  served = await serveInProcess(library.root);
});

afterAll(async () => {
  await served?.close();
  await library?.dispose();
  await rm(scratch, { recursive: true, force: true });
});

/** What contextBridge does to a value: an Error keeps only its message, plain data is copied. */
function acrossContextBridge(value: unknown): unknown {
  return value instanceof Error ? new Error(value.message) : structuredClone(value);
}

/** `window.tandem` as the desktop page sees it. */
function desktopApi(): TandemApi {
  const channels = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void channels.set(channel, listener),
    removeHandler: (channel) => void channels.delete(channel),
  };
  const { handlers } = createApiHandlers({
    root: library.root,
    configDir: scratch,
  });
  registerIpcHandlers(ipc, () => handlers);
  const preload = createPreloadApi({
    invoke: async (channel, args) => {
      const listener = channels.get(channel);
      if (!listener) throw new Error(`no handler on ${channel}`);
      const sender = { senderFrame: { url: 'tandem://app/index.html', parent: null } };
      // ipcRenderer.invoke serialises arguments and answers with the structured clone algorithm.
      return structuredClone(await listener(sender, ...structuredClone(args)));
    },
    subscribe: () => () => undefined,
    methods: API_METHODS,
    channelFor,
  });
  const page: Partial<Record<keyof TandemApi, unknown>> = {};
  for (const method of API_METHODS) {
    const call = preload[method] as (...args: unknown[]) => Promise<unknown>; // cast: every method is async
    page[method] = (...args: unknown[]) =>
      call(...args).then(acrossContextBridge, (reason: unknown) =>
        Promise.reject(acrossContextBridge(reason)),
      );
  }
  page.onEvent = preload.onEvent;
  return page as TandemApi; // cast: every method and onEvent were copied above
}

/** `window.tandem` as the browser-mode page sees it. */
function browserApi(): TandemApi {
  const { server, cookie } = served;
  return createHttpTransport({
    fetch: (url, init) =>
      fetch(`${server.origin}${url}`, {
        ...init,
        headers: { ...init.headers, cookie, origin: server.origin },
      }),
    openEvents: () => ({ onmessage: null, close: () => undefined }),
  });
}

/** The UI's client over a page's `window.tandem` (renderer/api.ts). */
function uiClient(windowTandem: TandemApi): TandemApi {
  (globalThis as { window?: unknown }).window = { tandem: windowTandem };
  try {
    return tandem();
  } finally {
    delete (globalThis as { window?: unknown }).window;
  }
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => {
      throw new Error('the call was expected to fail');
    },
    (reason: unknown) => reason,
  );
}

describe('the Electron and HTTP transports throw the same error', () => {
  it.each([
    ['not-found', (api: TandemApi) => api.readCourse('no-such-course')],
    [
      'invalid-argument',
      // cast: a page can send anything; the back end checks the arguments
      (api: TandemApi) => api.readCourse(42 as unknown as string),
    ],
  ])('%s: one ApiCallError with the same code and message', async (code, call) => {
    const desktop = await failure(call(uiClient(desktopApi())));
    const browser = await failure(call(uiClient(browserApi())));
    for (const error of [desktop, browser]) {
      expect(error).toBeInstanceOf(ApiCallError);
      expect(error).toMatchObject({ name: 'ApiCallError', code });
    }
    expect((desktop as ApiCallError).message).toBe((browser as ApiCallError).message);
  });

  it('keeps the code across the desktop bridge, where an Error would lose it', async () => {
    const reason = await failure(desktopApi().readCourse('no-such-course'));
    expect(reason).toMatchObject({ code: 'not-found' });
  });

  it('lets a working call through unchanged on both', async () => {
    const [desktop, browser] = await Promise.all([
      uiClient(desktopApi()).getLibrary(),
      uiClient(browserApi()).getLibrary(),
    ]);
    expect(desktop.courses.map((c) => c.id)).toEqual(browser.courses.map((c) => c.id));
  });
});
