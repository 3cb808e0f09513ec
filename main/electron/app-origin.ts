/**
 * The desktop UI is served from a custom, privileged scheme: `tandem://app/`. It is a
 * secure, standard origin of its own (not `file:`), so the CSP, navigation guard and IPC
 * sender check can all say "only this origin".
 */
import path from 'node:path';
import { checkRelativePath } from '../fs/resolve-inside.js';

export const APP_SCHEME = 'tandem';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window opens. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True when `url` belongs to the app's own origin. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username;
  } catch {
    return false;
  }
}

/**
 * Maps an app URL to a file of the built UI, or undefined when the URL is not the app's or
 * names something outside the UI folder (the protocol handler then answers 404). The symlink
 * part of containment is checked by the caller when it reads the file.
 */
export function appUrlToRelativePath(url: string): string | undefined {
  if (!isAppUrl(url)) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const relative = pathname.replace(/^\/+/, '') || 'index.html';
  try {
    return checkRelativePath(relative).join('/');
  } catch {
    return undefined;
  }
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content type of a UI file, or undefined for types the UI never has (refused). */
export function contentTypeOf(relative: string): string | undefined {
  return TYPES[path.extname(relative).toLowerCase()];
}

/**
 * The desktop CSP: like browser mode's, but the UI never needs the network at all (its data
 * arrives over IPC), so connect-src is 'none'.
 */
export const DESKTOP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  // Slate and React set style attributes on elements; styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Headers on every UI file the protocol handler returns. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': DESKTOP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
