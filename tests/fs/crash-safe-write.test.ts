/**
 * A process saving a file in a loop is killed (SIGKILL, no chance to clean up) at random
 * moments, many times. After every kill the file must parse as one complete version: the old
 * one or the new one, never a mix or a truncated file.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-library.js';
import { TEMP_FILE_PATTERN } from '../../main/fs/write-file-atomic.js';

const KILLS = 50;
const LANES = 5;
let dir: string;
let child: string;

// The saving process: writes versions 1, 2, 3… of a ~1 MB document, each a JSON object whose
// body is made entirely of one letter derived from its version, so any mix is detectable.
const SAVER = `
import { writeFileAtomic } from ${JSON.stringify(path.join(repoRoot, 'main/fs/write-file-atomic.ts'))};
const file = process.argv[2];
let version = Number(process.argv[3]);
const letters = 'abcdefghijklmnopqrstuvwxyz';
for (let written = 0; ; written++) {
  version += 1;
  const letter = letters[version % letters.length];
  await writeFileAtomic(file, JSON.stringify({ version, body: letter.repeat(1_000_000) }));
  if (written === 0) process.stdout.write('saving\\n');
}
`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-crash-'));
  // Bundled once so each child starts in milliseconds (no TypeScript compile per run).
  await writeFile(path.join(dir, 'saver.ts'), SAVER);
  child = path.join(dir, 'saver.mjs');
  await build({
    entryPoints: [path.join(dir, 'saver.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function check(text: string): number {
  const parsed = JSON.parse(text) as { version: number; body: string }; // cast: shape checked next
  const letter = 'abcdefghijklmnopqrstuvwxyz'[parsed.version % 26] ?? '';
  if (parsed.body.length !== 1_000_000 || parsed.body !== letter.repeat(1_000_000)) {
    throw new Error(`version ${parsed.version} has a mixed or short body`);
  }
  return parsed.version;
}

describe('writeFileAtomic under SIGKILL', () => {
  it(`always leaves a whole version after ${KILLS} kills at random moments`, async () => {
    // Several savers run side by side, each on its own file, to keep the test quick.
    const lanes = Array.from({ length: LANES }, async (_, lane) => {
      const file = path.join(dir, `module-${lane}.md`);
      await writeFile(file, JSON.stringify({ version: 0, body: 'a'.repeat(1_000_000) }));
      let version = check(await readFile(file, 'utf8'));
      let advanced = 0;
      for (let kill = 0; kill < KILLS / LANES; kill++) {
        const saver = spawn(process.execPath, [child, file, String(version)], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        const exited = new Promise((resolve) => saver.once('exit', resolve));
        // Once the first save is done the saver is inside its loop, always mid-save; kill it
        // at a random moment of that loop (one save takes a few milliseconds).
        await new Promise((resolve) => saver.stdout.once('data', resolve));
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
        saver.kill('SIGKILL');
        await exited;
        const now = check(await readFile(file, 'utf8'));
        expect(now).toBeGreaterThanOrEqual(version);
        if (now > version) advanced++;
        version = now;
      }
      return advanced;
    });
    // Every saver got into its saving loop before it was killed.
    expect(await Promise.all(lanes)).toEqual(Array(LANES).fill(KILLS / LANES));
    // Killed mid-write, a temporary file may stay behind; it is hidden and named so the
    // watcher and the library loader skip it.
    for (const name of await readdir(dir)) {
      if (name.startsWith('.')) expect(TEMP_FILE_PATTERN.test(name)).toBe(true);
    }
  }, 60_000);
});
