/**
 * The calling side of the API, shared by both transports and the UI: a failed call rejects with
 * one error class, `ApiCallError`, carrying the `ApiError` code, whichever transport carried it.
 * Pure (no Node, no DOM), so the UI may import it.
 *
 * Electron's contextBridge keeps only the message of an Error thrown across it, so the preload
 * rejects with the plain `ApiError` envelope, which crosses intact, and the UI's client
 * (`withApiCallErrors`, in renderer/api.ts) makes it an `ApiCallError` again. The HTTP
 * transport runs in the page itself and throws `ApiCallError` directly.
 */
import { API_METHODS, type ApiError, type TandemApi } from './contract.js';

const CODES: readonly string[] = [
  'not-found',
  'invalid-argument',
  'forbidden',
  'conflict',
  'failed',
] satisfies readonly ApiError['code'][];

/** A refused or failed API call: the back end's plain-words message and its code. */
export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
  }
}

/** True when `value` has the shape of an `ApiError` envelope with a known code. */
export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>; // cast: narrowed to an object just above
  return (
    typeof record.code === 'string' &&
    CODES.includes(record.code) &&
    typeof record.message === 'string'
  );
}

/** Whatever a transport rejected with, as an `ApiCallError` (code `failed` when it had none). */
export function toApiCallError(reason: unknown): ApiCallError {
  if (reason instanceof ApiCallError) return reason;
  if (isApiError(reason)) return new ApiCallError(reason);
  const message =
    reason instanceof Error && reason.message
      ? reason.message
      : 'Something went wrong. Please try again.';
  return new ApiCallError({ code: 'failed', message });
}

/** `api` with every failed call rejecting with an `ApiCallError`; events pass through. */
export function withApiCallErrors(api: TandemApi): TandemApi {
  const client: Partial<Record<keyof TandemApi, unknown>> = {};
  for (const method of API_METHODS) {
    // cast: every method of TandemApi takes some arguments and returns a promise.
    const call = api[method] as (...args: unknown[]) => Promise<unknown>;
    client[method] = async (...args: unknown[]) => {
      try {
        return await call.apply(api, args);
      } catch (reason) {
        throw toApiCallError(reason);
      }
    };
  }
  client.onEvent = api.onEvent.bind(api);
  // cast: the loop filled in every API_METHODS entry (complete by contract.ts) and onEvent.
  return Object.freeze(client) as TandemApi;
}
