/** `tandem serve` as a person runs it: the address it prints, and its plain refusals. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp-library.js';

const tandem = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'tandem.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('tandem serve', () => {
  it('refuses a folder that does not exist, naming it', () => {
    const run = tandem('serve', 'no/such/library');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('tandem serve: there is no library folder at no/such/library\n');
  });

  it('refuses a port that is not a port', () => {
    const run = tandem('serve', 'courses', '--port', '99999');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--port must be a whole number from 0 to 65535');
  });

  it('documents itself', () => {
    const run = tandem('serve', '--help');
    expect(run.stdout).toContain('Open a library in your web browser (on this computer only).');
    expect(run.stdout).toContain('--port <number>');
    expect(run.stdout).toContain('--open-results');
  });
});
