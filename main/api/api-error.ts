/**
 * Errors that cross the UI boundary. Handlers throw `TandemApiError` with a code the UI can act
 * on; anything else thrown is turned into `failed` with its message, so people always see a
 * plain-words reason and never a stack trace.
 */
import { ZodError } from 'zod';
import type { ApiError } from './contract.js';
import { PathOutsideError } from '../fs/resolve-inside.js';

/** An error with an `ApiError` code, thrown by handlers. */
export class TandemApiError extends Error {
  readonly code: ApiError['code'];
  constructor(code: ApiError['code'], message: string) {
    super(message);
    this.name = 'TandemApiError';
    this.code = code;
  }
}

/** Formats zod issues as one readable line per issue, naming the argument that is wrong. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}` : 'arguments';
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Converts anything thrown by a handler into the plain `ApiError` the UI receives. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof TandemApiError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) {
    return { code: 'invalid-argument', message: describeZodError(error) };
  }
  if (error instanceof PathOutsideError) return { code: 'forbidden', message: error.message };
  if (error instanceof Error) {
    // cast: Node fs errors carry `code`
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { code: 'not-found', message: plainNotFound(error.message) };
    return { code: 'failed', message: error.message };
  }
  return { code: 'failed', message: String(error) };
}

function plainNotFound(message: string): string {
  // "ENOENT: no such file or directory, open '/x/y'" → "Not found: /x/y"
  const match = /'([^']+)'/.exec(message);
  return match ? `Not found: ${match[1]}` : message;
}
