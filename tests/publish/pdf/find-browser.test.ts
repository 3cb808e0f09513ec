/** The browser search order, on machines described in memory. */
import { describe, expect, it } from 'vitest';
import {
  findBrowser,
  type BrowserSearchEnvironment,
} from '../../../main/publish/pdf/find-browser.js';

function machine(
  overrides: Partial<BrowserSearchEnvironment> & { files?: string[] },
): BrowserSearchEnvironment {
  const files = new Set(overrides.files ?? []);
  return {
    env: {},
    platform: 'linux',
    homedir: '/home/ann',
    exists: (file) => files.has(file),
    hasAppRenderer: false,
    listCached: async () => [],
    download: async () => {
      throw new Error('getaddrinfo ENOTFOUND storage.googleapis.com');
    },
    downloadTimeoutMs: 1000,
    ...overrides,
  };
}

const cachedShell =
  '/home/ann/.cache/puppeteer/chrome-headless-shell/linux-131/chrome-headless-shell';
const tandemShell =
  '/home/ann/.cache/tandem/browsers/chrome-headless-shell/linux-131/chrome-headless-shell';

describe('findBrowser', () => {
  it.each([
    {
      why: 'TANDEM_BROWSER wins over everything',
      m: machine({
        env: { TANDEM_BROWSER: '/opt/chrome/chrome' },
        files: ['/opt/chrome/chrome', '/usr/bin/chromium'],
        hasAppRenderer: true,
      }),
      want: { kind: 'executable', path: '/opt/chrome/chrome', source: 'TANDEM_BROWSER' },
    },
    {
      why: 'the app renderer comes before installed browsers',
      m: machine({ files: ['/usr/bin/chromium'], hasAppRenderer: true }),
      want: { kind: 'app' },
    },
    {
      why: 'Debian chromium',
      m: machine({ files: ['/usr/bin/chromium', '/usr/bin/google-chrome'] }),
      want: { kind: 'executable', path: '/usr/bin/chromium', source: 'installed' },
    },
    {
      why: 'Google Chrome stable on Linux',
      m: machine({ files: ['/usr/bin/google-chrome-stable'] }),
      want: { kind: 'executable', path: '/usr/bin/google-chrome-stable', source: 'installed' },
    },
    {
      why: 'the snap chromium',
      m: machine({ files: ['/snap/bin/chromium'] }),
      want: { kind: 'executable', path: '/snap/bin/chromium', source: 'installed' },
    },
    {
      why: 'Chrome on macOS',
      m: machine({
        platform: 'darwin',
        files: [
          '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
          '/usr/bin/chromium',
        ],
      }),
      want: {
        kind: 'executable',
        path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        source: 'installed',
      },
    },
    {
      why: 'Edge on macOS when it is the only one',
      m: machine({
        platform: 'darwin',
        files: ['/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
      }),
      want: {
        kind: 'executable',
        path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        source: 'installed',
      },
    },
    {
      why: 'Chrome per user on Windows',
      m: machine({
        platform: 'win32',
        env: { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' },
        files: ['C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
      }),
      want: {
        kind: 'executable',
        path: 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
        source: 'installed',
      },
    },
    {
      why: 'Edge on Windows, which every Windows 10 and 11 has',
      m: machine({
        platform: 'win32',
        env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' },
        files: ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
      }),
      want: {
        kind: 'executable',
        path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
        source: 'installed',
      },
    },
    {
      why: "a headless shell in Puppeteer's cache",
      m: machine({
        files: [cachedShell],
        listCached: async (dir) => (dir === '/home/ann/.cache/puppeteer' ? [cachedShell] : []),
      }),
      want: { kind: 'executable', path: cachedShell, source: 'cache' },
    },
    {
      why: "a headless shell in Tandem's own cache",
      m: machine({
        files: [tandemShell],
        listCached: async (dir) =>
          dir === '/home/ann/.cache/tandem/browsers' ? [tandemShell] : [],
      }),
      want: { kind: 'executable', path: tandemShell, source: 'cache' },
    },
    {
      why: 'a fresh download when nothing else is there',
      m: machine({
        download: async (dir) => `${dir}/chrome-headless-shell/linux-131/chrome-headless-shell`,
      }),
      want: {
        kind: 'executable',
        path: `${'/home/ann/.cache/tandem/browsers'}/chrome-headless-shell/linux-131/chrome-headless-shell`,
        source: 'download',
      },
    },
  ])('finds $why', async ({ m, want }) => {
    expect(await findBrowser(m)).toEqual(want);
  });

  it.each([
    {
      why: 'nothing is installed and the download fails',
      m: machine({}),
      says: ['apt-get install chromium', 'TANDEM_BROWSER', 'ENOTFOUND'],
    },
    {
      why: 'TANDEM_BROWSER names a missing file (no silent fallback)',
      m: machine({ env: { TANDEM_BROWSER: '/nowhere/chrome' }, files: ['/usr/bin/chromium'] }),
      says: ['/nowhere/chrome', 'does not exist'],
    },
    {
      why: 'the download hangs',
      m: machine({ download: () => new Promise<string>(() => undefined), downloadTimeoutMs: 50 }),
      says: ['no answer within'],
    },
    {
      why: 'downloads are switched off',
      m: machine({ env: { TANDEM_BROWSER_DOWNLOAD: '0' } }),
      says: ['website was still built'],
    },
  ])('explains in plain words when $why', async ({ m, says }) => {
    const choice = await findBrowser(m);
    expect(choice.kind).toBe('none');
    for (const text of says) expect(choice.kind === 'none' && choice.message).toContain(text);
  });
});
