/**
 * An esbuild plugin for bundles of Tandem's own sources. A few modules find files (templates,
 * the UI bundle) relative to their own source location, but in a bundle `import.meta` is the
 * bundle's (or, in CommonJS, empty). The plugin rewrites `import.meta.url` and
 * `import.meta.dirname` in main/ to expressions naming where that source file sits.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

export interface SourceLocation {
  /** A JavaScript expression for the source file's `file:` URL. */
  url: string;
  /** A JavaScript expression for the source file's folder. */
  dirname: string;
}

/** `locate` gets a source's project-relative path (forward slashes) and says where it is at run time. */
export function importMetaPaths(
  projectRoot: string,
  locate: (relative: string) => SourceLocation,
): Plugin {
  return {
    name: 'import-meta-paths',
    setup(context) {
      context.onLoad({ filter: /[\\/]main[\\/].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const where = locate(path.relative(projectRoot, args.path).split(path.sep).join('/'));
        const contents = source
          .replaceAll('import.meta.url', where.url)
          .replaceAll('import.meta.dirname', where.dirname);
        return { contents, loader: 'ts' };
      });
    },
  };
}
