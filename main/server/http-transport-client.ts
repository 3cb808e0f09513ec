/**
 * Browser mode's `window.tandem`: the same `TandemApi` the Electron preload exposes, built
 * generically from `API_METHODS`. Each call is `POST /api/<method>` with the arguments as a
 * JSON list; events arrive by Server-Sent Events from `/api/events`. The session token is an
 * HttpOnly cookie the page cannot read, so nothing here handles secrets.
 *
 * Runs in the browser; written against the few browser objects it needs (passed in), so it
 * can be tested in Node with fakes.
 */
import { ApiCallError, isApiError } from '../api/api-client.js';
import { API_METHODS, type ApiError, type TandemApi, type TandemEvent } from '../api/contract.js';

/** The parts of `fetch`'s Response this client uses. */
export interface FetchResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string;
    credentials: 'same-origin';
  },
) => Promise<FetchResponse>;

/** The parts of the browser's EventSource this client uses. */
export interface EventSourceLike {
  onmessage: ((message: { data: string }) => void) | null;
  close(): void;
}

export interface HttpTransportDeps {
  fetch: FetchLike;
  openEvents: (url: string) => EventSourceLike;
}

/** Header the server requires on API calls: a cross-site form or image cannot send it. */
export const API_HEADER = 'x-tandem-api';

function parseError(status: number, text: string): ApiError {
  try {
    const body: unknown = JSON.parse(text);
    if (isApiError(body)) return { code: body.code, message: body.message };
  } catch {
    // Not JSON: fall through to a generic message.
  }
  return { code: 'failed', message: `The Tandem server answered ${status}.` };
}

/** Creates the HTTP implementation of `TandemApi`. */
export function createHttpTransport(deps: HttpTransportDeps): TandemApi {
  const listeners = new Set<(event: TandemEvent) => void>();
  let source: EventSourceLike | undefined;

  const call = async (method: string, args: unknown[]): Promise<unknown> => {
    // JSON cannot carry `undefined`; dropping trailing ones keeps optional arguments optional.
    const trimmed = [...args];
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
    let response: FetchResponse;
    try {
      response = await deps.fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [API_HEADER]: '1' },
        body: JSON.stringify(trimmed),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiCallError({
        code: 'failed',
        message:
          'Tandem is not running any more (the server stopped). Start it again with tandem serve.',
      });
    }
    const text = await response.text();
    if (!response.ok) throw new ApiCallError(parseError(response.status, text));
    return JSON.parse(text) as unknown;
  };

  const api: Partial<Record<keyof TandemApi, unknown>> = {};
  for (const method of API_METHODS) {
    api[method] = (...args: unknown[]) => call(method, args);
  }
  api.onEvent = (listener: (event: TandemEvent) => void) => {
    listeners.add(listener);
    if (!source) {
      source = deps.openEvents('/api/events');
      source.onmessage = (message) => {
        let event: TandemEvent;
        try {
          event = JSON.parse(message.data) as TandemEvent; // cast: the server sends TandemEvents only
        } catch {
          return;
        }
        for (const each of [...listeners]) each(event);
      };
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = undefined;
      }
    };
  };
  // cast: the loop above filled in every API_METHODS entry and onEvent was added after it;
  // contract.ts proves at compile time that API_METHODS lists every operation.
  return Object.freeze(api) as TandemApi;
}
