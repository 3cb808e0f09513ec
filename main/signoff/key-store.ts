/**
 * A trainer's Ed25519 private key, kept in their own config folder as
 * `keys/<trainer-id>.pem` (PKCS8 PEM, readable by them alone). It never goes in the library.
 */
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ID_PATTERN } from '../format/ids.js';
import { tandemConfigDir, type ConfigDirOptions } from './config-dir.js';
import { formatPublicKeyLine } from '../library/public-key-line.js';

export interface TrainerKeyInfo {
  /** Line to paste under the trainer's `keys:` in trainers.yml. */
  publicKeyLine: string;
  /** Absolute path of the private key file. */
  privateKeyPath: string;
}

export interface LoadedTrainerKey extends TrainerKeyInfo {
  privateKey: KeyObject;
}

function checkTrainerId(trainerId: string): void {
  // The id becomes a file name, so it must not be able to walk out of the keys folder.
  if (!ID_PATTERN.test(trainerId)) {
    throw new Error(`"${trainerId}" is not a trainer id (lower-case letters, digits and dashes).`);
  }
}

/** Absolute path where the private key of `trainerId` is kept on this computer. */
export function trainerKeyPath(trainerId: string, options: ConfigDirOptions = {}): string {
  checkTrainerId(trainerId);
  return path.join(tandemConfigDir(options), 'keys', `${trainerId}.pem`);
}

/** True when this computer holds a private key for `trainerId`. */
export async function hasTrainerKey(
  trainerId: string,
  options: ConfigDirOptions = {},
): Promise<boolean> {
  const info = await stat(trainerKeyPath(trainerId, options)).catch(() => undefined);
  return info?.isFile() ?? false;
}

/**
 * Makes a new key pair for `trainerId` and saves the private key with mode 0600. Refuses to
 * replace an existing key: that would silently stop the old public key from being usable here.
 */
export async function createTrainerKey(
  trainerId: string,
  options: ConfigDirOptions = {},
): Promise<TrainerKeyInfo> {
  const privateKeyPath = trainerKeyPath(trainerId, options);
  if (await hasTrainerKey(trainerId, options)) {
    throw new Error(
      `A private key for ${trainerId} already exists at ${privateKeyPath}; it was not replaced.`,
    );
  }
  await mkdir(path.dirname(privateKeyPath), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' });
  try {
    // `wx` fails if the file appeared meanwhile, so a key is never overwritten.
    await writeFile(privateKeyPath, pem, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      // cast: Node fs errors carry `code`
      throw new Error(
        `A private key for ${trainerId} already exists at ${privateKeyPath}; it was not replaced.`,
      );
    }
    throw error;
  }
  return { publicKeyLine: formatPublicKeyLine(privateKey), privateKeyPath };
}

/** Loads the private key of `trainerId`; throws a plain-words error when there is none. */
export async function loadTrainerKey(
  trainerId: string,
  options: ConfigDirOptions = {},
): Promise<LoadedTrainerKey> {
  const privateKeyPath = trainerKeyPath(trainerId, options);
  let pem: string;
  try {
    pem = await readFile(privateKeyPath, 'utf8');
  } catch {
    throw new Error(
      `There is no private key for ${trainerId} on this computer (looked in ${privateKeyPath}). ` +
        `Create one with: tandem keys create --trainer ${trainerId}`,
    );
  }
  if (process.platform !== 'win32') {
    const { mode } = await stat(privateKeyPath);
    // Like ssh: a key others can read may already be someone else's key.
    if ((mode & 0o077) !== 0) {
      throw new Error(
        `The private key ${privateKeyPath} can be read by other users; run chmod 600 on it first.`,
      );
    }
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(`${privateKeyPath} is not a readable private key.`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${privateKeyPath} is not an Ed25519 key.`);
  }
  return { privateKey, publicKeyLine: formatPublicKeyLine(privateKey), privateKeyPath };
}
