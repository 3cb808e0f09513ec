/**
 * No CLI output carries control characters from library text: titles, names and values with
 * screen-clearing, title-setting, clipboard (OSC 52) and direction-changing sequences are
 * printed with `�` in their place. Runs the real CLI.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalJson, terminalText } from '../../main/cli/printable.js';
import { fixtureLibrary, repoRoot } from '../support/temp-library.js';

const run = promisify(execFile);
const library = fixtureLibrary('control-characters-in-library-text');
// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

async function tandem(...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('node', [path.join(repoRoot, 'bin/tandem.js'), ...args], {
      env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: '1796083200' },
    });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout: string; stderr: string }; // cast: execFile rejects with the output
    return e.stdout + e.stderr;
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'tandem-terminal-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('CLI output from a library full of control characters', () => {
  it.each([
    ['check', ['check', library]],
    ['check --json', ['check', library, '--json']],
    ['status', ['status', library]],
    ['status --json', ['status', library, '--json']],
  ])(
    '%s prints none of them',
    async (_name, args) => {
      const out = await tandem(...args);
      expect(out.length).toBeGreaterThan(20);
      expect(out).not.toMatch(CONTROL);
      expect(out).toContain('understanding');
    },
    60_000,
  );

  it('build prints none of them in its report', async () => {
    // The category error leaves that course out; the title still reaches the report.
    const out = await tandem(
      'build',
      library,
      '--out',
      path.join(tmp, 'out'),
      '--only',
      'site',
      '--draft',
    );
    expect(out).toContain('unknown category "understanding\uFFFD[8mhidden\uFFFD2J"');
    expect(out).toContain('Understanding anxiety\uFFFD[2J\uFFFD]52;c;');
    expect(out).not.toMatch(CONTROL);
  }, 60_000);
});

describe('terminalText and terminalJson', () => {
  it('keep lines and tabs, replace or escape everything else', () => {
    expect(terminalText('a\tb\nc\u001b[2J\u009b\u202e')).toBe('a\tb\nc\uFFFD[2J\uFFFD\uFFFD');
    expect(terminalJson({ t: 'x\u009b\u202ey\u001b' })).toBe(
      '{\n  "t": "x\\u009b\\u202ey\\u001b"\n}',
    );
    expect(JSON.parse(terminalJson({ t: 'x\u009b' }))).toEqual({ t: 'x\u009b' });
  });
});
