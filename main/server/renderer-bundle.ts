/**
 * Builds the UI bundle (React renderer) and the browser-mode transport with esbuild, into
 * `build/renderer/` and `build/transport/`. `tandem serve` calls `ensureRendererBundle` so it
 * works straight after `npm ci`; `npm run build:renderer` and `npm start` call
 * `buildRendererBundle`. esbuild is loaded only when a build is needed (packaged apps ship
 * the finished bundle and no esbuild).
 */
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './request-guards.js';

/** The repository root (this file is main/server/renderer-bundle.ts). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

export interface BundlePaths {
  projectRoot: string;
  /** UI files: index.html, app.js, app.css, assets/. */
  rendererDir: string;
  /** Browser-mode transport: http-transport.js. */
  transportDir: string;
}

/** Where the bundles of a project go. */
export function bundlePaths(projectRoot: string = PROJECT_ROOT): BundlePaths {
  return {
    projectRoot,
    rendererDir: path.join(projectRoot, 'build', 'renderer'),
    transportDir: path.join(projectRoot, 'build', 'transport'),
  };
}

const STAMP = '.build-stamp';

/** The source folders and files whose changes make the bundles stale. */
function inputsOf(projectRoot: string): string[] {
  return [
    path.join(projectRoot, 'renderer'),
    path.join(projectRoot, 'main', 'api', 'contract.ts'),
    path.join(projectRoot, 'main', 'server', 'http-transport-client.ts'),
    path.join(projectRoot, 'main', 'server', 'install-http-transport.ts'),
    path.join(projectRoot, 'main', 'server', 'renderer-bundle.ts'),
    path.join(projectRoot, 'main', 'server', 'request-guards.ts'),
    path.join(projectRoot, 'package-lock.json'),
  ];
}

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(target, { withFileTypes: true })) {
    newest = Math.max(newest, await newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** True when the bundles are missing or older than any of their sources. */
export async function isBundleStale(paths: BundlePaths = bundlePaths()): Promise<boolean> {
  const stamp = await stat(path.join(paths.rendererDir, STAMP)).catch(() => undefined);
  const transport = await stat(path.join(paths.transportDir, 'http-transport.js')).catch(
    () => undefined,
  );
  if (!stamp || !transport) return true;
  let newest = 0;
  for (const input of inputsOf(paths.projectRoot)) {
    newest = Math.max(newest, await newestMtime(input));
  }
  return newest > stamp.mtimeMs;
}

/**
 * Adds the CSP as a meta tag too (both transports also send it as a header), so the page is
 * protected even if it is ever opened some other way. `frame-ancestors` only works as a
 * header, so it is left out here.
 */
export function withCspMeta(html: string): string {
  if (/http-equiv=["']Content-Security-Policy["']/i.test(html)) return html;
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  return html.replace(/<head([^>]*)>/i, (head) => `${head}\n    ${tag}`);
}

/**
 * Holds a lock folder while building, so two processes (two test files, or `serve` and
 * `npm start`) never write the same bundle at once. A lock older than two minutes is stale.
 */
async function withBuildLock<T>(projectRoot: string, task: () => Promise<T>): Promise<T> {
  const lock = path.join(projectRoot, 'build', '.bundle-lock');
  await mkdir(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      // cast: Node fs errors carry `code`
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const info = await stat(lock).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > 120_000)
        await rm(lock, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`Timed out waiting for ${lock}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export interface BuildReport {
  rendererDir: string;
  transportDir: string;
  milliseconds: number;
}

/**
 * Builds both bundles into fresh folders and swaps them in, so a server reading the old
 * bundle never sees a half-written one.
 */
export async function buildRendererBundle(
  paths: BundlePaths = bundlePaths(),
  options: { minify?: boolean; onlyIfStale?: boolean } = {},
): Promise<BuildReport> {
  const started = performance.now();
  const entry = path.join(paths.projectRoot, 'renderer', 'main.tsx');
  if (!(await stat(entry).catch(() => undefined))) {
    throw new Error(`The UI entry point ${entry} does not exist, so there is no UI to build.`);
  }
  const esbuild = await import('esbuild');
  await withBuildLock(paths.projectRoot, async () => {
    // Another process may have built it while this one waited for the lock.
    if (options.onlyIfStale && !(await isBundleStale(paths))) return;
    const staging = `${paths.rendererDir}.staging`;
    await rm(staging, { recursive: true, force: true });
    await esbuild.build({
      absWorkingDir: paths.projectRoot,
      entryPoints: { app: entry },
      outdir: staging,
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: ['chrome120'],
      jsx: 'automatic',
      minify: options.minify ?? true,
      sourcemap: 'linked',
      legalComments: 'linked',
      assetNames: 'assets/[name]-[hash]',
      loader: {
        '.svg': 'file',
        '.png': 'file',
        '.jpg': 'file',
        '.woff2': 'file',
        '.woff': 'file',
      },
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    const index = await readFile(path.join(paths.projectRoot, 'renderer', 'index.html'), 'utf8');
    await writeFile(path.join(staging, 'index.html'), withCspMeta(index));
    await writeFile(path.join(staging, STAMP), `${new Date().toISOString()}\n`);
    await swapIn(staging, paths.rendererDir);

    const transportStaging = `${paths.transportDir}.staging`;
    await rm(transportStaging, { recursive: true, force: true });
    await esbuild.build({
      absWorkingDir: paths.projectRoot,
      entryPoints: {
        'http-transport': path.join(
          paths.projectRoot,
          'main',
          'server',
          'install-http-transport.ts',
        ),
      },
      outdir: transportStaging,
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['chrome120'],
      minify: options.minify ?? true,
      logLevel: 'silent',
    });
    await swapIn(transportStaging, paths.transportDir);
  });
  return {
    rendererDir: paths.rendererDir,
    transportDir: paths.transportDir,
    milliseconds: Math.round(performance.now() - started),
  };
}

async function swapIn(staging: string, target: string): Promise<void> {
  const old = `${target}.old-${process.pid}`;
  await rm(old, { recursive: true, force: true });
  await rename(target, old).catch(() => undefined);
  await rename(staging, target);
  await rm(old, { recursive: true, force: true });
}

/** Builds the bundles only when they are missing or stale; returns whether it built. */
export async function ensureRendererBundle(
  paths: BundlePaths = bundlePaths(),
): Promise<{ built: boolean; report?: BuildReport }> {
  if (!(await isBundleStale(paths))) return { built: false };
  return { built: true, report: await buildRendererBundle(paths, { onlyIfStale: true }) };
}
