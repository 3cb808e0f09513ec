/** Serves the built UI files, contained to their folder. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveInside } from '../fs/resolve-inside.js';

export const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads `urlPath` (e.g. `/app.js`) from `root`. Returns undefined for anything that is not a
 * file of a known type inside `root` (the caller answers 404).
 */
export async function readStaticFile(
  root: string,
  urlPath: string,
  types: Readonly<Record<string, string>> = TYPES,
): Promise<StaticFile | undefined> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
  } catch {
    return undefined; // malformed %-encoding
  }
  if (relative === '') relative = 'index.html';
  const contentType = types[path.extname(relative).toLowerCase()];
  if (!contentType) return undefined;
  try {
    const file = await resolveInside(root, relative);
    const info = await stat(file);
    if (!info.isFile()) return undefined;
    return { body: await readFile(file), contentType };
  } catch {
    return undefined;
  }
}

/** Puts the transport script before everything else in the page's head. */
export function injectTransport(html: string, scriptPath: string): string {
  const tag = `<script src="${scriptPath}"></script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return `${tag}\n${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${tag}${html.slice(at)}`;
}
