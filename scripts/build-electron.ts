/**
 * Bundles the Electron main process and preload with esbuild into build/electron/*.cjs.
 * Everything but `electron` itself is bundled in, so the packaged app needs no node_modules
 * at run time (only the templates/ folder, read from disk by the publishing pipeline).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

const projectRoot = path.resolve(import.meta.dirname, '..');
const outDir = path.join(projectRoot, 'build', 'electron');

/**
 * In a CommonJS bundle `import.meta` is empty, but a few modules find files (templates)
 * relative to their own source location. This rewrites `import.meta.url` and
 * `import.meta.dirname` in the project's own sources to where that source file sits relative
 * to the app folder, which holds templates/ beside build/ both in development and packaged.
 */
const importMetaPlugin: Plugin = {
  name: 'import-meta-paths',
  setup(context) {
    context.onLoad({ filter: /[\\/]main[\\/].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const relative = path.relative(projectRoot, args.path).split(path.sep).join('/');
      const fileExpr = `require('node:path').join(__dirname, '..', '..', ${JSON.stringify(relative)})`;
      const contents = source
        .replaceAll('import.meta.url', `require('node:url').pathToFileURL(${fileExpr}).href`)
        .replaceAll('import.meta.dirname', `require('node:path').dirname(${fileExpr})`);
      return { contents, loader: 'ts' };
    });
  },
};

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
