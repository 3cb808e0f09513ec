/**
 * The Git host tokens this person gave the desktop app, one per host, encrypted with Electron's
 * safeStorage (the OS keychain, DPAPI or libsecret) in `git-tokens.json` in the userData
 * folder. Plain functions over a `safeStorage`-shaped object, so they are tested without
 * Electron. A token is never written unencrypted: without OS encryption, storing is refused.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

/** The part of Electron's `safeStorage` used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

const FILE = 'git-tokens.json';

async function readTokens(userDataDir: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(userDataDir, FILE), 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return Object.fromEntries(
        Object.entries(parsed).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      );
    }
  } catch {
    // Missing or unreadable: no tokens stored yet.
  }
  return {};
}

/** Stores `token` for `host` (e.g. `github.com`), replacing any earlier one. */
export async function saveGitToken(
  userDataDir: string,
  host: string,
  token: string,
  safe: SafeStorageLike,
): Promise<void> {
  if (!safe.isEncryptionAvailable()) {
    throw new Error(
      'This computer cannot keep the token safely (no system keychain is available). ' +
        'Put it in the TANDEM_GIT_TOKEN setting instead.',
    );
  }
  const tokens = await readTokens(userDataDir);
  tokens[host] = safe.encryptString(token).toString('base64');
  await mkdir(userDataDir, { recursive: true });
  await writeFileAtomic(path.join(userDataDir, FILE), `${JSON.stringify(tokens, null, 2)}\n`, {
    mode: 0o600,
  });
}

/** The token stored for `host`, or undefined (none, or it can no longer be decrypted). */
export async function loadGitToken(
  userDataDir: string,
  host: string,
  safe: SafeStorageLike,
): Promise<string | undefined> {
  const stored = (await readTokens(userDataDir))[host];
  if (!stored || !safe.isEncryptionAvailable()) return undefined;
  try {
    return safe.decryptString(Buffer.from(stored, 'base64'));
  } catch {
    return undefined; // e.g. the OS keychain was reset: the person signs in again
  }
}
