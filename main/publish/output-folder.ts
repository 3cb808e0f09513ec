/**
 * Makes a build's output folder before anything is written into it, so a folder that cannot be
 * used (a file in the way, no permission, a read-only drive) is reported once, in plain words,
 * instead of as a system error from whichever output was written first.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The nearest of `folder` and the folders above it that exists but is not a folder. */
async function fileInTheWay(folder: string): Promise<string | undefined> {
  for (let at = folder; ; at = path.dirname(at)) {
    const info = await stat(at).catch(() => undefined);
    if (info) return info.isDirectory() ? undefined : at;
    if (path.dirname(at) === at) return undefined;
  }
}

/** Creates `outDir` (and the folders above it); a plain-words reason when it cannot. */
export async function prepareOutputFolder(outDir: string): Promise<string | undefined> {
  try {
    await mkdir(outDir, { recursive: true });
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const choose = 'choose another output folder';
    if (code === 'ENOTDIR' || code === 'EEXIST') {
      const file = (await fileInTheWay(outDir)) ?? outDir;
      if (file === outDir) return `The output folder ${outDir} is a file, not a folder; ${choose}.`;
      return `The output folder ${outDir} cannot be made: ${file} is a file, not a folder; ${choose}.`;
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return `Tandem is not allowed to write in ${outDir}; ${choose}.`;
    }
    if (code === 'EROFS') return `${outDir} is on a drive that cannot be written to; ${choose}.`;
    return `The output folder ${outDir} cannot be made (${error instanceof Error ? error.message : String(error)}); ${choose}.`;
  }
}
