/** The CLI when whoever reads its output stops reading, as `tandem build | head` does. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { fixtureLibrary, repoRoot } from '../support/temp-library.js';

let out: string | undefined;
afterEach(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

it('finishes the build and exits 0 when its standard output is closed before the summary', async () => {
  out = await mkdtemp(path.join(tmpdir(), 'tandem-closed-pipe-'));
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'bin/tandem.js'),
      'build',
      fixtureLibrary('valid-minimal'),
      '--only',
      'site',
      '--out',
      out,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // Closed at once: the summary, printed when the build is done, goes to a pipe nobody reads.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|Error/);
  expect(code).toBe(0);
  expect(existsSync(path.join(out, 'site', 'index.html'))).toBe(true);
});
