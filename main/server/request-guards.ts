/**
 * The checks every browser-mode request passes before anything else happens. Pure functions,
 * so each refusal can be tested on its own.
 *
 * Threats: another web site in the same browser (CSRF, DNS rebinding), and other programs or
 * users on the same computer (they can reach 127.0.0.1 but do not know the per-run token).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** True when the Host header names this server exactly (127.0.0.1 or localhost, our port). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  // A DNS-rebinding page reaches 127.0.0.1 under its own name: its Host header gives it away.
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** The origins the app's own pages have. */
export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** True when an API request's Origin is the app's own (browsers always send it on POST). */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).includes(origin);
}

/**
 * True unless the browser says the request came from another site. Fetch metadata is sent by
 * every current browser; when it is absent (curl, old browsers) the other checks still apply.
 */
export function isSameSiteFetch(secFetchSite: string | undefined): boolean {
  return secFetchSite === undefined || secFetchSite === 'same-origin' || secFetchSite === 'none';
}

/** Compares two tokens in constant time (hashing first makes the lengths equal). */
export function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The value of cookie `name` in a Cookie header, if present. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}

/** Cookie names are per port: cookies are shared between ports of the same host. */
export function tokenCookieName(port: number): string {
  return `tandem_token_${port}`;
}

/** The Set-Cookie value that keeps the token for this session (never readable by scripts). */
export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

/** Content-Security-Policy for the UI: scripts only from the app itself, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Slate and React set style attributes on elements; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers sent with every response. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
    'Cache-Control': 'no-store',
  };
}

/** HTTP status for each ApiError code. */
export const STATUS_FOR_CODE = {
  'invalid-argument': 400,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  failed: 500,
} as const;
