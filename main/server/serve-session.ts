/**
 * Browser mode's address for one library, kept in this person's config folder (never the
 * shared library): the token and the port of the last `tandem serve` on it. A server started
 * again on the same library answers at the same address with the same token, so a page that
 * was open all along keeps working (Retry saves, events resume) and its unsaved-text journal,
 * which the browser keeps per address, is found again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

export interface ServeSession {
  /** 256 random bits, base64url: the page's cookie. */
  token: string;
  /** The port last used for this library, if any. */
  port?: number;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The file that holds one library's session (named by a hash of its absolute path). */
export function serveSessionFile(configDir: string, root: string): string {
  const id = createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 32);
  return path.join(configDir, 'serve', `${id}.json`);
}

function parseSession(text: string): ServeSession | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>; // cast: narrowed to an object just above
  if (typeof record.token !== 'string' || !TOKEN_PATTERN.test(record.token)) return undefined;
  const port = record.port;
  const validPort = typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536;
  return { token: record.token, ...(validPort ? { port } : {}) };
}

/**
 * The session remembered for `root`, or a new one (a fresh token, no port) when there is none
 * or the file is unreadable. Nothing is written until `rememberServeSession`.
 */
export async function readServeSession(configDir: string, root: string): Promise<ServeSession> {
  const text = await readFile(serveSessionFile(configDir, root), 'utf8').catch(() => undefined);
  return (
    (text !== undefined ? parseSession(text) : undefined) ?? {
      token: randomBytes(32).toString('base64url'),
    }
  );
}

/** Keeps `session` for `root`, readable by this user only. */
export async function rememberServeSession(
  configDir: string,
  root: string,
  session: Required<ServeSession>,
): Promise<void> {
  const file = serveSessionFile(configDir, root);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const body = { root: path.resolve(root), token: session.token, port: session.port };
  await writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
}
