/**
 * `npm start`: builds the UI and the Electron bundles, then starts the desktop app (passing on
 * any arguments, e.g. a library folder: `npm start -- courses`).
 *
 * npm's allowScripts in package.json deliberately stops electron's install script from running
 * during `npm ci` (it downloads a large binary). So on first start the binary may be missing:
 * this script says so and fetches it with electron's own installer; if that fails it explains
 * what to do.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildRendererBundle } from '../main/server/renderer-bundle.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/** The Electron binary's path, or undefined when it has not been downloaded. */
function electronBinary(): string | undefined {
  try {
    // electron's index.js returns the binary path, and throws when it was never installed.
    const binary = require('electron') as string; // cast: in Node, `electron` exports the binary path
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

function fetchElectron(): boolean {
  process.stdout.write(
    '\nThe Electron runtime is not downloaded yet (npm ci skips it on purpose).\n' +
      'Downloading it now with: node node_modules/electron/install.js\n\n',
  );
  const result = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'node_modules', 'electron', 'install.js')],
    { cwd: projectRoot, stdio: 'inherit' },
  );
  return result.status === 0;
}

const renderer = await buildRendererBundle();
process.stdout.write(`UI built (${renderer.milliseconds} ms).\n`);
const electronBuild = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(projectRoot, 'scripts', 'build-electron.ts')],
  { cwd: projectRoot, stdio: 'inherit' },
);
if (electronBuild.status !== 0) process.exit(electronBuild.status ?? 1);

let binary = electronBinary();
if (!binary && fetchElectron()) binary = electronBinary();
if (!binary) {
  process.stderr.write(
    '\nTandem could not start: the Electron runtime is missing and could not be downloaded.\n' +
      'What to do:\n' +
      '  1. Check your internet connection (or proxy settings: HTTPS_PROXY), then run\n' +
      '       node node_modules/electron/install.js\n' +
      '  2. Behind a mirror, set ELECTRON_MIRROR to it and run the same command.\n' +
      '  3. Meanwhile you can use Tandem in your web browser:  node bin/tandem.js serve courses\n',
  );
  process.exit(1);
}

const child = spawn(binary, [projectRoot, ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: 'inherit',
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
