/**
 * The single entry point both transports use: checks the method name against the allow-list,
 * validates the arguments, calls the handler, and turns any failure into a plain `ApiError`.
 */
import type { ApiError, ApiMethod } from './contract.js';
import { TandemApiError, toApiError } from './api-error.js';
import type { ApiHandlers } from './handlers/create-api-handlers.js';
import { isApiMethod, validateArgs } from './validate-args.js';

export type DispatchOutcome = { ok: true; value: unknown } | { ok: false; error: ApiError };

/** Calls `method` with raw (untrusted) `args`; never throws. */
export async function dispatch(
  handlers: ApiHandlers,
  method: string,
  args: unknown,
): Promise<DispatchOutcome> {
  try {
    if (!isApiMethod(method)) {
      throw new TandemApiError('not-found', `There is no operation "${method}".`);
    }
    const value = await callHandler(handlers, method, args);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

async function callHandler<M extends ApiMethod>(
  handlers: ApiHandlers,
  method: M,
  args: unknown,
): Promise<unknown> {
  const checked = validateArgs(method, args);
  // cast: TypeScript cannot relate a generic method's parameters to its handler's signature;
  // `checked` was validated against exactly this method's schema just above.
  const handler = handlers[method] as (...a: unknown[]) => Promise<unknown>;
  return handler.apply(handlers, checked);
}
