/**
 * Starts the real bundled main process (build/electron/main.cjs) under Node with a recording
 * stand-in for `electron`, since the Electron binary is not available here. Proves the bundle
 * loads and wires the security settings, the app protocol and every IPC channel.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, channelFor } from '../../main/api/contract.js';
import { ensureRendererBundle } from '../../main/server/renderer-bundle.js';
import {
  copyLibrary,
  fixtureLibrary,
  repoRoot,
  type TempLibrary,
} from '../support/temp-library.js';

interface Report {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  protocols: string[];
  ipcChannels: string[];
  windows: { webPreferences: Record<string, unknown> }[];
  loadedUrls: string[];
  permissionHandlers: { kind: string; grantsMedia?: boolean; grants?: boolean }[];
  sandboxEnabled: boolean;
  singleInstance: boolean;
  menu: string[];
  blocksHttps: boolean;
  allowsApp: boolean;
  served: Record<string, { status: number; csp: string | null; type: string | null }>;
  getLibrary: { ok: boolean; courses?: string[] };
  untrusted: { ok: boolean; error?: { code: string } };
}

let report: Report;
let library: TempLibrary;

beforeAll(async () => {
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-electron.ts'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);
  // Only when stale: other test files may be serving the same bundle right now.
  await ensureRendererBundle();
  library = await copyLibrary(fixtureLibrary('valid-minimal'));
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(path.join(repoRoot, 'tests/electron/support/fake-electron.mjs')).href,
      path.join(repoRoot, 'build/electron/main.cjs'),
      library.root,
    ],
    { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 },
  );
  await library.dispose();
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Report; // cast: the fake prints a Report
}, 60_000);

describe('the bundled main process', () => {
  it('takes the single-instance lock and sandboxes every renderer', () => {
    expect(report.singleInstance).toBe(true);
    expect(report.sandboxEnabled).toBe(true);
  });

  it('registers tandem:// as a secure standard scheme without CORS, and serves it', () => {
    expect(report.privilegedSchemes).toEqual([
      { scheme: 'tandem', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(report.protocols).toEqual(['tandem']);
    expect(report.served.index?.status).toBe(200);
    expect(report.served.index?.csp).toContain("script-src 'self'");
    expect(report.served.index?.csp).toContain("connect-src 'none'");
    expect(report.served.traversal?.status).toBe(404);
    expect(report.served.otherHost?.status).toBe(404);
  });

  it('opens one locked-down window on the app page', () => {
    expect(report.windows).toHaveLength(1);
    expect(report.windows[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(String(report.windows[0]?.webPreferences.preload)).toMatch(
      /build[\\/]electron[\\/]preload\.cjs$/,
    );
    expect(report.loadedUrls).toEqual(['tandem://app/index.html']);
  });

  it('denies every permission and all network requests', () => {
    expect(report.permissionHandlers).toEqual([
      { kind: 'request', grantsMedia: false },
      { kind: 'check', grantsMedia: false },
      { kind: 'device', grants: false },
    ]);
    expect(report.blocksHttps).toBe(true);
    expect(report.allowsApp).toBe(true);
  });

  it('answers every API method over IPC, only for the app page', () => {
    expect(report.ipcChannels.sort()).toEqual(API_METHODS.map(channelFor).sort());
    expect(report.getLibrary).toEqual({
      ok: true,
      courses: ['planning-for-my-wellbeing', 'understanding-anxiety'],
    });
    expect(report.untrusted).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('installs the app menu', () => {
    expect(report.menu).toEqual(['&File', 'editMenu', '&View', '&Publish', 'help']);
  });
});
