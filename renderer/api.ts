/** The renderer's only door to the back end, plus turning its errors into words for people. */
import { withApiCallErrors } from '../main/api/api-client.js';
import type { LanguageBlock, LanguageReport, TandemApi } from '../main/api/contract.js';

const clients = new WeakMap<TandemApi, TandemApi>();

/**
 * The back-end API installed by the Electron preload or the browser-mode client, through the
 * one client both share: a failed call rejects with an `ApiCallError` and its code.
 */
export function tandem(): TandemApi {
  let client = clients.get(window.tandem);
  if (!client) {
    client = withApiCallErrors(window.tandem);
    clients.set(window.tandem, client);
  }
  return client;
}

/** The editor's writing check, as one stable function (the editor re-checks when it changes). */
export function checkLanguage(blocks: LanguageBlock[]): Promise<LanguageReport> {
  return tandem().checkLanguage(blocks);
}

/** A plain-words message for anything thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = (error as { message: unknown }).message; // ApiError crosses as plain data
    if (typeof message === 'string' && message) return message;
  }
  return 'Something went wrong. Please try again.';
}
