/**
 * Builds the object the preload exposes as `window.tandem`, from `API_METHODS`, with the IPC
 * calls passed in (so a test can check the exact set of methods without Electron).
 */
import type { ApiError, ApiMethod, TandemApi, TandemEvent } from '../api/contract.js';

interface Envelope {
  ok: boolean;
  value?: unknown;
  error?: ApiError;
}

export interface PreloadDeps {
  invoke: (channel: string, args: unknown[]) => Promise<unknown>;
  subscribe: (listener: (event: TandemEvent) => void) => () => void;
  methods: readonly ApiMethod[];
  channelFor: (method: ApiMethod) => string;
}

/**
 * The exposed API. Failures reject with the plain `ApiError` envelope: contextBridge would keep
 * only the message of an Error, while plain data crosses whole, so the UI's client
 * (`withApiCallErrors`, main/api/api-client.ts) can make it an `ApiCallError` with its code.
 */
export function createPreloadApi(deps: PreloadDeps): TandemApi {
  const api: Partial<Record<keyof TandemApi, unknown>> = {};
  for (const method of deps.methods) {
    const channel = deps.channelFor(method);
    api[method] = async (...args: unknown[]) => {
      const envelope = (await deps.invoke(channel, args)) as Envelope; // cast: main answers with DispatchOutcome
      if (envelope.ok) return envelope.value;
      const error: ApiError = envelope.error ?? {
        code: 'failed',
        message: 'Something went wrong.',
      };
      return Promise.reject({ code: error.code, message: error.message });
    };
  }
  api.onEvent = (listener: (event: TandemEvent) => void) => deps.subscribe(listener);
  // cast: every method of `deps.methods` (API_METHODS, proven complete in contract.ts) and
  // onEvent were filled in above.
  return api as TandemApi;
}
