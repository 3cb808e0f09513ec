/** The `ed25519:<base64 SPKI DER>` public key lines of trainers.yml, part of the library format. */
import { createPublicKey, type KeyObject } from 'node:crypto';

const PREFIX = 'ed25519:';

/** Formats a public (or private, whose public half is taken) Ed25519 key as a roster line. */
export function formatPublicKeyLine(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('Only Ed25519 keys are used.');
  return PREFIX + publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Parses a roster key line; throws a plain-words error when it is not an Ed25519 public key. */
export function parsePublicKeyLine(line: string): KeyObject {
  const trimmed = line.trim();
  if (!trimmed.startsWith(PREFIX)) {
    throw new Error(`public key "${trimmed.slice(0, 20)}…" does not start with "${PREFIX}"`);
  }
  const base64 = trimmed.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    throw new Error('public key is not valid base64');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error('public key cannot be read as an Ed25519 public key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('public key is not an Ed25519 key');
  return key;
}

/** The same text for the same key however its line was written, or undefined if unreadable. */
export function keyFingerprint(line: string): string | undefined {
  try {
    return formatPublicKeyLine(parsePublicKeyLine(line));
  } catch {
    return undefined;
  }
}
