/**
 * Finds a Chromium-family browser to print the PDFs with. Order: the `TANDEM_BROWSER`
 * environment variable; a renderer supplied by the desktop app (its own Chromium); browsers
 * installed in the usual places on Linux, macOS and Windows; a browser that `@puppeteer/browsers`
 * already downloaded into Puppeteer's or Tandem's cache; finally a fresh, time-boxed download.
 */
import path from 'node:path';

/** Where the answer came from; shown in verbose output and used by tests. */
export type BrowserSource = 'TANDEM_BROWSER' | 'app' | 'installed' | 'cache' | 'download';

export type BrowserChoice =
  | { kind: 'executable'; path: string; source: Exclude<BrowserSource, 'app'> }
  | { kind: 'app' }
  | { kind: 'none'; message: string };

/** Everything the search touches, injected so that tests can describe any machine. */
export interface BrowserSearchEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  homedir: string;
  exists(file: string): boolean;
  /** True when the desktop app registered its own PDF renderer. */
  hasAppRenderer: boolean;
  /** Executable paths of browsers `@puppeteer/browsers` installed in `cacheDir` (none: []). */
  listCached(cacheDir: string): Promise<string[]>;
  /** Downloads chrome-headless-shell into `cacheDir` and returns its executable; may throw. */
  download(cacheDir: string): Promise<string>;
  /** Milliseconds the download may take before the search gives up on it. */
  downloadTimeoutMs: number;
}

/** Well-known install locations, most specific first, for one platform. */
export function installedBrowserPaths(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
    ];
    const home = env.HOME;
    return [
      ...apps.map((app) => `/Applications/${app}`),
      ...(home ? apps.map((app) => `${home}/Applications/${app}`) : []),
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    const relative = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ];
    return relative.flatMap((rel) => roots.map((root) => path.win32.join(root, rel)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/var/lib/snapd/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

/** Cache folders `@puppeteer/browsers` may have filled: Puppeteer's own, then Tandem's. */
export function browserCacheDirs(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homedir: string,
): string[] {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  const puppeteer = env.PUPPETEER_CACHE_DIR ?? join(homedir, '.cache', 'puppeteer');
  return [puppeteer, tandemBrowserCacheDir(platform, env, homedir)];
}

/** Where Tandem itself downloads a browser to, following each platform's cache convention. */
export function tandemBrowserCacheDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  homedir: string,
): string {
  if (platform === 'win32') {
    return path.win32.join(
      env.LOCALAPPDATA ?? path.win32.join(homedir, 'AppData', 'Local'),
      'Tandem',
      'Cache',
      'browsers',
    );
  }
  if (platform === 'darwin') {
    return path.posix.join(homedir, 'Library', 'Caches', 'Tandem', 'browsers');
  }
  return path.posix.join(
    env.XDG_CACHE_HOME ?? path.posix.join(homedir, '.cache'),
    'tandem',
    'browsers',
  );
}

/** The plain-words explanation shown when no browser can be found or started. */
export function noBrowserMessage(detail?: string): string {
  return (
    'The printable prospectus (PDF) was not made, because Tandem could not find a web browser to ' +
    'print it with. The website was still built. To make the PDF, install Google Chrome, ' +
    'Chromium or Microsoft Edge (on Debian or Ubuntu: `sudo apt-get install chromium`), or, if ' +
    'one is already installed somewhere unusual, tell Tandem where it is by setting the ' +
    'TANDEM_BROWSER environment variable to the browser program, for example ' +
    '`TANDEM_BROWSER=/opt/chrome/chrome tandem build my-library`, then build again.' +
    (detail ? ` (${detail})` : '')
  );
}

/** Runs the search in order and returns the first browser found, or why there is none. */
export async function findBrowser(search: BrowserSearchEnvironment): Promise<BrowserChoice> {
  const fromEnv = search.env.TANDEM_BROWSER?.trim();
  if (fromEnv) {
    // The user said exactly which browser to use: never silently use another one.
    if (search.exists(fromEnv))
      return { kind: 'executable', path: fromEnv, source: 'TANDEM_BROWSER' };
    return {
      kind: 'none',
      message: noBrowserMessage(`TANDEM_BROWSER is set to ${fromEnv}, which does not exist.`),
    };
  }
  if (search.hasAppRenderer) return { kind: 'app' };

  const installed = installedBrowserPaths(search.platform, search.env).find((p) =>
    search.exists(p),
  );
  if (installed) return { kind: 'executable', path: installed, source: 'installed' };

  const cacheDirs = browserCacheDirs(search.platform, search.env, search.homedir);
  for (const dir of cacheDirs) {
    const cached = (await search.listCached(dir).catch(() => [])).find((p) => search.exists(p));
    if (cached) return { kind: 'executable', path: cached, source: 'cache' };
  }

  if (search.env.TANDEM_BROWSER_DOWNLOAD === '0')
    return { kind: 'none', message: noBrowserMessage() };
  const target = tandemBrowserCacheDir(search.platform, search.env, search.homedir);
  try {
    const downloaded = await withTimeout(search.download(target), search.downloadTimeoutMs);
    return { kind: 'executable', path: downloaded, source: 'download' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'none', message: noBrowserMessage(`Downloading one failed: ${reason}`) };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms / 1000)} s`)), ms);
    // A stalled download must not keep the build process alive.
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
