/**
 * Bundles the Electron main process and preload with esbuild into build/electron/*.cjs.
 * Everything but `electron` itself is bundled in, so the packaged app needs no node_modules
 * at run time (only the templates/ folder, read from disk by the publishing pipeline).
 */
import path from 'node:path';
import { build } from 'esbuild';
import { importMetaPaths } from './import-meta-paths.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const outDir = path.join(projectRoot, 'build', 'electron');

/**
 * In a CommonJS bundle `import.meta` is empty: each source is located from the bundle's
 * `__dirname` instead, relative to the app folder, which holds templates/ beside build/ both in
 * development and packaged.
 */
const importMetaPlugin = importMetaPaths(projectRoot, (relative) => {
  const fileExpr = `require('node:path').join(__dirname, '..', '..', ${JSON.stringify(relative)})`;
  return {
    url: `require('node:url').pathToFileURL(${fileExpr}).href`,
    dirname: `require('node:path').dirname(${fileExpr})`,
  };
});

const started = performance.now();
await build({
  absWorkingDir: projectRoot,
  entryPoints: {
    main: path.join(projectRoot, 'main', 'electron', 'main.ts'),
    preload: path.join(projectRoot, 'main', 'electron', 'preload.ts'),
  },
  outdir: outDir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: ['node22'],
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'linked',
  plugins: [importMetaPlugin],
  logLevel: 'warning',
});
process.stdout.write(
  `Built the Electron main process and preload into ${outDir} (${Math.round(performance.now() - started)} ms).\n`,
);
