/**
 * Compiles the `tandem` command line into ES modules, build/cli/tandem.js and its chunks, so a command
 * starts without compiling TypeScript (run by `npm ci` through the `prepare` script).
 * Tandem's sources and its plain JavaScript packages are bundled; see `external` below.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { importMetaPaths } from './import-meta-paths.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const outDir = path.join(projectRoot, 'build', 'cli');

/** In the bundle, each source is located relative to it: two folders above build/cli/. */
const importMetaPlugin = importMetaPaths(projectRoot, (relative) => {
  const fromBundle = `../../${relative}`;
  return {
    url: `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
    // Joined with '/', which path.resolve and path.join accept on every platform.
    dirname: `(import.meta.dirname + ${JSON.stringify(`/${path.posix.dirname(fromBundle)}`)})`,
  };
});

const started = performance.now();
// Chunk names carry content hashes: start empty so no stale chunk is left beside the new ones.
await rm(outDir, { recursive: true, force: true });
await build({
  absWorkingDir: projectRoot,
  entryPoints: { tandem: path.join(projectRoot, 'main', 'cli', 'main.ts') },
  outdir: outDir,
  // Chunks keep dynamic imports lazy: the PDF stage's packages load only when PDFs are made.
  splitting: true,
  chunkNames: '[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: ['node20'],
  // Pure-JavaScript packages are bundled in too: resolving hundreds of small modules from
  // node_modules is most of a command's start-up. Packages with native parts, workers or their
  // own file lookups stay in node_modules.
  external: [
    'esbuild',
    'tsx',
    'electron',
    'puppeteer-core',
    '@puppeteer/browsers',
    'pdfjs-dist',
    'chokidar',
  ],
  // CommonJS packages in an ES module bundle still call require() for Node's own modules.
  banner: {
    js: "import { createRequire as tandemCreateRequire } from 'node:module'; const require = tandemCreateRequire(import.meta.url);",
  },
  sourcemap: 'linked',
  plugins: [importMetaPlugin],
  logLevel: 'warning',
});
process.stdout.write(
  `Built the tandem command line into ${path.relative(projectRoot, outDir)} (${Math.round(performance.now() - started)} ms).\n`,
);
