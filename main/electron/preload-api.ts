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
 * The exposed API. Failures reject with an Error whose message is the plain-words ApiError
 * message (the bridge copies an Error's message; `code` is added as well where it survives).
 */
export function createPreloadApi(deps: PreloadDeps): TandemApi {
  const api: Partial<Record<keyof TandemApi, unknown>> = {};
  for (const method of deps.methods) {
    const channel = deps.channelFor(method);
    api[method] = async (...args: unknown[]) => {
      const envelope = (await deps.invoke(channel, args)) as Envelope; // cast: main answers with DispatchOutcome
      if (envelope.ok) return envelope.value;
      const error = envelope.error ?? { code: 'failed', message: 'Something went wrong.' };
      throw Object.assign(new Error(error.message), { code: error.code });
    };
  }
  api.onEvent = (listener: (event: TandemEvent) => void) => deps.subscribe(listener);
  // cast: every method of `deps.methods` (API_METHODS, proven complete in contract.ts) and
  // onEvent were filled in above.
  return api as TandemApi;
}
