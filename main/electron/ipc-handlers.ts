/**
 * IPC: one `ipcMain.handle` channel per API method (from `API_METHODS`), nothing else. Each
 * call is answered only when it comes from the app's own page in the main frame, then goes
 * through the same `dispatch` (allow-list, zod validation, ApiError) as browser mode.
 */
import { API_METHODS, channelFor } from '../api/contract.js';
import { dispatch, type DispatchOutcome } from '../api/dispatch.js';
import type { ApiHandlers } from '../api/handlers/create-api-handlers.js';
import { isAppUrl } from './app-origin.js';

/** The parts of Electron's WebFrameMain the sender check looks at. */
export interface SenderFrame {
  url: string;
  /** null for a main frame. */
  parent: unknown;
}

/**
 * True only for the app's own page in a top-level frame. An iframe (should one ever appear in
 * course content) or any other origin cannot call the API.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false;
  return frame.parent === null && isAppUrl(frame.url);
}

/** The parts of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: SenderFrame | null }, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/**
 * Registers every API method. `current()` returns the handlers of the library open now (they
 * change when another library is opened). Returns a function that removes the channels.
 */
export function registerIpcHandlers(ipc: IpcMainLike, current: () => ApiHandlers): () => void {
  for (const method of API_METHODS) {
    ipc.handle(channelFor(method), async (event, ...args): Promise<DispatchOutcome> => {
      if (!isTrustedSender(event.senderFrame)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'Only the Tandem window may do this.' },
        };
      }
      return dispatch(current(), method, args);
    });
  }
  return () => {
    for (const method of API_METHODS) ipc.removeHandler(channelFor(method));
  };
}
