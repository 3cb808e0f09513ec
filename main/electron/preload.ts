/**
 * The only bridge between the UI page and the app: `window.tandem`, exactly the methods of
 * `TandemApi`, each an `ipcRenderer.invoke` on its own channel, plus `onEvent`. The page never
 * gets ipcRenderer itself, nor any Node or Electron object.
 *
 * Bundled by esbuild into build/electron/preload.cjs; it runs sandboxed, so it may import
 * nothing but `electron` (everything else is bundled in).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, EVENT_CHANNEL, channelFor, type TandemEvent } from '../api/contract.js';
import { createPreloadApi } from './preload-api.js';

contextBridge.exposeInMainWorld(
  'tandem',
  createPreloadApi({
    invoke: (channel, args) => ipcRenderer.invoke(channel, ...args),
    subscribe: (listener) => {
      const wrapped = (_event: IpcRendererEvent, payload: TandemEvent): void => listener(payload);
      ipcRenderer.on(EVENT_CHANNEL, wrapped);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
    },
    methods: API_METHODS,
    channelFor,
  }),
);
