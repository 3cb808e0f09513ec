import { verify } from 'node:crypto';
import { mkdtemp, rm, stat, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tandemConfigDir } from '../../main/signoff/config-dir.js';
import { getIdentity, setIdentity } from '../../main/signoff/identity.js';
import {
  createTrainerKey,
  hasTrainerKey,
  loadTrainerKey,
  trainerKeyPath,
} from '../../main/signoff/key-store.js';
import { parsePublicKeyLine } from '../../main/library/public-key-line.js';
import { sign } from 'node:crypto';

describe('tandemConfigDir', () => {
  it.each<[string, Parameters<typeof tandemConfigDir>[0], string]>([
    [
      'TANDEM_CONFIG_DIR wins',
      { env: { TANDEM_CONFIG_DIR: '/x/y' }, platform: 'darwin', home: '/h' },
      '/x/y',
    ],
    [
      'Linux with XDG_CONFIG_HOME',
      { env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/h' },
      '/cfg/tandem',
    ],
    ['Linux without it', { env: {}, platform: 'linux', home: '/h' }, '/h/.config/tandem'],
    [
      'Linux ignores a relative XDG_CONFIG_HOME',
      { env: { XDG_CONFIG_HOME: 'rel' }, platform: 'linux', home: '/h' },
      '/h/.config/tandem',
    ],
    [
      'macOS',
      { env: {}, platform: 'darwin', home: '/Users/ann' },
      '/Users/ann/Library/Application Support/Tandem',
    ],
    [
      'Windows',
      {
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\ann',
      },
      'C:\\Users\\ann\\AppData\\Roaming\\Tandem',
    ],
  ])('%s', (_name, options, expected) => {
    expect(tandemConfigDir(options)).toBe(expected);
  });
});

describe('key store', () => {
  let configDir: string;
  beforeEach(async () => {
    configDir = await mkdtemp(path.join(tmpdir(), 'tandem-config-'));
  });
  afterEach(() => rm(configDir, { recursive: true, force: true }));

  it('creates a private key readable only by its owner and prints a usable public key line', async () => {
    expect(await hasTrainerKey('ann-lee', { configDir })).toBe(false);
    const info = await createTrainerKey('ann-lee', { configDir });
    expect(info.privateKeyPath).toBe(path.join(configDir, 'keys', 'ann-lee.pem'));
    expect(info.publicKeyLine).toMatch(/^ed25519:[A-Za-z0-9+/]+=*$/);
    expect((await stat(info.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect(await hasTrainerKey('ann-lee', { configDir })).toBe(true);

    const loaded = await loadTrainerKey('ann-lee', { configDir });
    expect(loaded.publicKeyLine).toBe(info.publicKeyLine);
    const message = Buffer.from('hello');
    const signature = sign(null, message, loaded.privateKey);
    expect(verify(null, message, parsePublicKeyLine(info.publicKeyLine), signature)).toBe(true);
  });

  it('refuses to overwrite an existing key', async () => {
    const first = await createTrainerKey('ann-lee', { configDir });
    await expect(createTrainerKey('ann-lee', { configDir })).rejects.toThrow(/already exists/);
    expect((await loadTrainerKey('ann-lee', { configDir })).publicKeyLine).toBe(
      first.publicKeyLine,
    );
  });

  it('uses TANDEM_CONFIG_DIR when no folder is given', async () => {
    const saved = process.env.TANDEM_CONFIG_DIR;
    process.env.TANDEM_CONFIG_DIR = configDir;
    try {
      await createTrainerKey('sam-okafor');
      expect(await hasTrainerKey('sam-okafor', { configDir })).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TANDEM_CONFIG_DIR;
      else process.env.TANDEM_CONFIG_DIR = saved;
    }
  });

  it('refuses trainer ids that could leave the keys folder', () => {
    expect(() => trainerKeyPath('../../etc/passwd', { configDir })).toThrow(/not a trainer id/);
  });

  it('explains a missing key and a key others can read', async () => {
    await expect(loadTrainerKey('ann-lee', { configDir })).rejects.toThrow(
      /no private key for ann-lee.*tandem keys create --trainer ann-lee/s,
    );
    const info = await createTrainerKey('ann-lee', { configDir });
    await chmod(info.privateKeyPath, 0o644);
    await expect(loadTrainerKey('ann-lee', { configDir })).rejects.toThrow(/chmod 600/);
  });

  it('remembers who uses this computer', async () => {
    expect(await getIdentity({ configDir })).toEqual({ trainerId: null, hasKey: false });
    expect(await setIdentity('ann-lee', { configDir })).toEqual({
      trainerId: 'ann-lee',
      hasKey: false,
    });
    await createTrainerKey('ann-lee', { configDir });
    expect(await getIdentity({ configDir })).toEqual({ trainerId: 'ann-lee', hasKey: true });
  });

  it('rejects public key lines that are not Ed25519 keys', () => {
    expect(() => parsePublicKeyLine('rsa:AAAA')).toThrow(/does not start with/);
    expect(() => parsePublicKeyLine('ed25519:not base64!')).toThrow(/base64/);
    expect(() => parsePublicKeyLine('ed25519:AAAA')).toThrow(/cannot be read/);
  });
});
