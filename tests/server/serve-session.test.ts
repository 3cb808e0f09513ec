/** Browser mode's per-library address, kept in the config folder across restarts. */
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  readServeSession,
  rememberServeSession,
  serveSessionFile,
} from '../../main/server/serve-session.js';

let configDir: string;
beforeEach(async () => {
  configDir = await mkdtemp(path.join(tmpdir(), 'tandem-serve-session-'));
});
afterEach(() => rm(configDir, { recursive: true, force: true }));

const token = 'A'.repeat(43);

describe('serve sessions', () => {
  it('gives a library a fresh 256-bit token and no port the first time', async () => {
    const session = await readServeSession(configDir, '/libraries/north');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.port).toBeUndefined();
    expect((await readServeSession(configDir, '/libraries/north')).token).not.toBe(session.token);
  });

  it('gives back the remembered token and port, per library', async () => {
    await rememberServeSession(configDir, '/libraries/north', { token, port: 48123 });
    expect(await readServeSession(configDir, '/libraries/north')).toEqual({ token, port: 48123 });
    expect((await readServeSession(configDir, '/libraries/south')).token).not.toBe(token);
  });

  it.skipIf(process.platform === 'win32')('keeps the file readable by this user only', async () => {
    await rememberServeSession(configDir, '/libraries/north', { token, port: 48123 });
    const info = await stat(serveSessionFile(configDir, '/libraries/north'));
    expect(info.mode & 0o077).toBe(0);
  });

  const broken: [string, string][] = [
    ['not JSON', '{'],
    ['a list', '[]'],
    ['a short token', JSON.stringify({ token: 'abc', port: 48123 })],
    ['a token with other characters', JSON.stringify({ token: `${'A'.repeat(42)}/`, port: 1 })],
  ];
  it.each(broken)('starts afresh from a file with %s', async (_, text) => {
    const file = serveSessionFile(configDir, '/libraries/north');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    const session = await readServeSession(configDir, '/libraries/north');
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.token).not.toBe('abc');
  });

  const ports: [unknown, number | undefined][] = [
    [48123, 48123],
    [0, undefined],
    [65536, undefined],
    [1.5, undefined],
    ['48123', undefined],
  ];
  it.each(ports)('takes port %j as %j', async (port, expected) => {
    const file = serveSessionFile(configDir, '/libraries/north');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ token, port }));
    expect((await readServeSession(configDir, '/libraries/north')).port).toBe(expected);
  });

  it('names the library in the file, for a person looking in the folder', async () => {
    await rememberServeSession(configDir, '/libraries/north', { token, port: 48123 });
    const text = await readFile(serveSessionFile(configDir, '/libraries/north'), 'utf8');
    expect(JSON.parse(text)).toEqual({
      root: path.resolve('/libraries/north'),
      token,
      port: 48123,
    });
  });
});
