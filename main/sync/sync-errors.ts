/** Turns what can go wrong talking to a Git host into plain words, with a kind the app can show. */
import { GitErrors } from './git-engine.js';
import type { SyncErrorKind } from './types.js';

export class SyncError extends Error {
  constructor(
    readonly kind: SyncErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

const OFFLINE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

/** The host part of an address, without any credentials in it. */
export function hostOf(url: string | undefined): string {
  try {
    return url ? new URL(url).host : 'the shared library';
  } catch {
    return 'the shared library';
  }
}

/** Explains `error` (thrown while fetching or pushing `url`) as a SyncError. */
export function explainSyncError(error: unknown, url: string | undefined): SyncError {
  if (error instanceof SyncError) return error;
  const host = hostOf(url);
  const status = error instanceof GitErrors.HttpError ? error.data.statusCode : undefined;
  if (status === 401 || status === 403 || error instanceof GitErrors.UserCanceledError) {
    return new SyncError(
      'sign-in',
      `${host} did not accept the sign-in. Check the token: it may be mistyped, expired, or not ` +
        'allowed to change this library. Your changes are kept on this computer.',
    );
  }
  if (status === 404) {
    return new SyncError(
      'not-found',
      `There is no library at this address on ${host}. Check the address.`,
    );
  }
  const code = (error as { code?: unknown } | null)?.code; // cast: Node network errors carry `code`
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code; // cast: as above, when wrapped
  if (OFFLINE_CODES.has(String(code)) || OFFLINE_CODES.has(String(cause))) {
    return new SyncError(
      'offline',
      `Tandem could not reach ${host}. Your changes are kept on this computer; sync again when you are online.`,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SyncError('failed', `Sync with ${host} did not finish: ${message}`);
}
