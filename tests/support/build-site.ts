/** Builds only the student site of a library for tests, and returns the site folder. */
import { buildPublication } from '../../main/publish/build.js';
import type { BuildOptions, BuildResult } from '../../main/publish/types.js';

export async function buildSiteOnly(
  library: string,
  outDir: string,
  options: Partial<BuildOptions> = {},
): Promise<string> {
  const result = await buildSiteResult(library, outDir, options);
  if (!result.ok || !result.siteDir)
    throw new Error([...result.errors, ...result.problems.map((p) => p.message)].join('\n'));
  return result.siteDir;
}

/** The options of a build of only the site, drafts included, into `outDir`. */
export function siteOnlyOptions(outDir: string, options: Partial<BuildOptions> = {}): BuildOptions {
  return {
    outDir,
    only: 'site',
    paper: 'A4',
    largePrint: false,
    booklet: false,
    facilitatorPacks: false,
    draft: true,
    ...options,
  };
}

/** The whole result of building only the site (drafts included), problems and all. */
export function buildSiteResult(
  library: string,
  outDir: string,
  options: Partial<BuildOptions> = {},
): Promise<BuildResult> {
  return buildPublication(library, siteOnlyOptions(outDir, options));
}
