import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  API_METHODS,
  EVENT_CHANNEL,
  channelFor,
  type TandemEvent,
} from '../../main/api/contract.js';
import type { ApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import {
  isTrustedSender,
  registerIpcHandlers,
  type IpcMainLike,
} from '../../main/electron/ipc-handlers.js';
import { buildMenuTemplate } from '../../main/electron/menu.js';
import { createPreloadApi } from '../../main/electron/preload-api.js';
import { repoRoot } from '../support/temp-library.js';

describe('isTrustedSender', () => {
  it.each([
    [{ url: 'tandem://app/index.html', parent: null }, true],
    [{ url: 'tandem://app/index.html', parent: {} }, false], // an iframe
    [{ url: 'https://evil.example/', parent: null }, false],
    [{ url: 'file:///app/index.html', parent: null }, false],
    [{ url: 'tandem://other/index.html', parent: null }, false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (frame, trusted) => {
    expect(isTrustedSender(frame)).toBe(trusted);
  });
});

function fakeIpc() {
  const channels = new Map<string, Parameters<IpcMainLike['handle']>[1]>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void channels.set(channel, listener),
    removeHandler: (channel) => void channels.delete(channel),
  };
  return { ipc, channels };
}

const recording = () => {
  const calls: unknown[][] = [];
  const handlers = Object.fromEntries(
    API_METHODS.map((m) => [
      m,
      async (...args: unknown[]) => (calls.push([m, ...args]), { from: m }),
    ]),
  ) as unknown as ApiHandlers; // cast: a stand-in that records calls, for every method
  return { calls, handlers };
};

describe('registerIpcHandlers', () => {
  it('registers exactly one channel per API method, and removes them', () => {
    const { ipc, channels } = fakeIpc();
    const remove = registerIpcHandlers(ipc, () => recording().handlers);
    expect([...channels.keys()].sort()).toEqual(API_METHODS.map(channelFor).sort());
    remove();
    expect(channels.size).toBe(0);
  });

  it('answers the app page and refuses anyone else before calling a handler', async () => {
    const { ipc, channels } = fakeIpc();
    const { calls, handlers } = recording();
    registerIpcHandlers(ipc, () => handlers);
    const readCourse = channels.get(channelFor('readCourse'));
    const app = { senderFrame: { url: 'tandem://app/index.html', parent: null } };
    expect(await readCourse?.(app, 'understanding-anxiety')).toEqual({
      ok: true,
      value: { from: 'readCourse' },
    });
    const stranger = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await readCourse?.(stranger, 'understanding-anxiety')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await readCourse?.(app, '../../etc')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(calls).toEqual([['readCourse', 'understanding-anxiety']]);
  });
});

describe('preload API', () => {
  it('exposes exactly the contract methods plus onEvent, each on its own channel', async () => {
    const invoked: [string, unknown[]][] = [];
    const api = createPreloadApi({
      invoke: async (channel, args) => (
        invoked.push([channel, args]),
        { ok: true, value: channel }
      ),
      subscribe: () => () => undefined,
      methods: API_METHODS,
      channelFor,
    });
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onEvent'].sort());
    expect(await api.readModule('c', '01-a.md')).toBe('tandem:readModule');
    expect(invoked).toEqual([['tandem:readModule', ['c', '01-a.md']]]);
  });

  it('turns refusals into the plain message and code, which cross the bridge whole', async () => {
    const api = createPreloadApi({
      invoke: async () => ({
        ok: false,
        error: { code: 'conflict', message: 'Someone else changed it.' },
      }),
      subscribe: () => () => undefined,
      methods: API_METHODS,
      channelFor,
    });
    await expect(api.getLibrary()).rejects.toMatchObject({
      message: 'Someone else changed it.',
      code: 'conflict',
    });
  });

  it('delivers events and unsubscribes', () => {
    let deliver: ((event: TandemEvent) => void) | undefined;
    let unsubscribed = false;
    const api = createPreloadApi({
      invoke: async () => ({ ok: true }),
      subscribe: (listener) => {
        deliver = listener;
        return () => (unsubscribed = true);
      },
      methods: API_METHODS,
      channelFor,
    });
    const seen: TandemEvent[] = [];
    const stop = api.onEvent((event) => seen.push(event));
    deliver?.({ type: 'menu', command: 'save' });
    stop();
    expect(seen).toEqual([{ type: 'menu', command: 'save' }]);
    expect(unsubscribed).toBe(true);
  });

  it('the preload source exposes only that object and never ipcRenderer itself', async () => {
    const source = await readFile(path.join(repoRoot, 'main/electron/preload.ts'), 'utf8');
    expect(source.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(source).toContain('createPreloadApi(');
    expect(source).toContain('methods: API_METHODS');
    expect(source).toContain('EVENT_CHANNEL');
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*[,)]/);
    expect(EVENT_CHANNEL).toBe('tandem:event');
  });
});

describe('menu', () => {
  it('sends File, Publish and Help commands to the page', () => {
    const sent: string[] = [];
    const template = buildMenuTemplate((command) => sent.push(command), 'linux');
    expect(template.map((item) => item.label ?? item.role)).toEqual([
      '&File',
      'editMenu',
      '&View',
      '&Publish',
      'help',
    ]);
    const click = (menu: number, label: string): void => {
      const submenu = template[menu]?.submenu;
      const item = Array.isArray(submenu)
        ? submenu.find((entry) => entry.label === label)
        : undefined;
      // cast: the click handler ignores its arguments
      (item?.click as (() => void) | undefined)?.();
    };
    click(0, 'Open Library…');
    click(0, 'New Course');
    click(0, 'Save');
    click(3, 'Publish Prospectus…');
    click(4, 'How Tandem Works');
    expect(sent).toEqual(['open-library', 'new-course', 'save', 'publish', 'help']);
  });

  it('adds the macOS app menu there only', () => {
    expect(buildMenuTemplate(() => undefined, 'darwin')[0]?.role).toBe('appMenu');
  });
});
