import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadGitToken,
  saveGitToken,
  type SafeStorageLike,
} from '../../main/electron/git-token-store.js';

/** Real encryption (AES-256-GCM with a key held in memory), as the OS keychain provides it. */
function keychain(available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString();
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-tokens-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('git token store', () => {
  it('keeps one token per host, encrypted on disk', async () => {
    const safe = keychain();
    await saveGitToken(dir, 'github.com', 'ghp_secret-one', safe);
    await saveGitToken(dir, 'git.college.example.org', 'secret-two', safe);
    await saveGitToken(dir, 'github.com', 'ghp_secret-three', safe);
    expect(await loadGitToken(dir, 'github.com', safe)).toBe('ghp_secret-three');
    expect(await loadGitToken(dir, 'git.college.example.org', safe)).toBe('secret-two');
    expect(await loadGitToken(dir, 'gitlab.com', safe)).toBeUndefined();
    const onDisk = await readFile(path.join(dir, 'git-tokens.json'), 'utf8');
    expect(onDisk).not.toContain('secret');
  });

  it('refuses to store a token without OS encryption', async () => {
    await expect(saveGitToken(dir, 'github.com', 'x', keychain(false))).rejects.toThrow(
      /cannot keep the token safely/,
    );
  });

  it('forgets a token the keychain can no longer decrypt', async () => {
    await saveGitToken(dir, 'github.com', 'old', keychain());
    expect(await loadGitToken(dir, 'github.com', keychain())).toBeUndefined();
  });
});
