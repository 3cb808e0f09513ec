/** Reads text files and lists folders inside a library, turning file-system failures into problems. */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { linkMessage, linkOnPath } from '../fs/symbolic-links.js';
import { fileProblem } from './problem-at.js';
import type { Problem } from './types.js';

/** Largest Markdown or YAML file read: far beyond any course, small enough to check quickly. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult =
  { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

/** Reads `file` (library-relative) as UTF-8; a missing or unreadable file becomes a problem. */
export async function readLibraryFile(
  root: string,
  file: string,
  missingMessage?: string,
): Promise<ReadResult> {
  const link = await linkOnPath(root, file);
  if (link !== undefined) return { problem: fileProblem(link, 'symbolic-link', linkMessage()) };
  try {
    const { size } = await stat(path.join(root, file));
    if (size > MAX_TEXT_FILE_BYTES) {
      return {
        problem: fileProblem(
          file,
          'file-too-large',
          `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; a library text file may be at most ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB, so it is not read`,
        ),
      };
    }
    return { text: await readFile(path.join(root, file), 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code; // fs errors always carry an errno code
    if (code === 'ENOENT') {
      return { problem: fileProblem(file, 'file-missing', missingMessage ?? `${file} is missing`) };
    }
    return {
      problem: fileProblem(
        file,
        'file-unreadable',
        `cannot read ${file} (${code ?? String(error)})`,
      ),
    };
  }
}

/**
 * Names of the entries in a library folder, sorted; empty when the folder does not exist or is
 * reached through a symbolic link. Links in it are neither files nor folders.
 */
export async function listFolder(
  root: string,
  folder: string,
): Promise<{ name: string; isDirectory: boolean; isFile: boolean }[]> {
  // A linked folder is never listed; the link itself is reported by loadLibrary.
  if ((await linkOnPath(root, folder)) !== undefined) return [];
  try {
    const entries = await readdir(path.join(root, folder), { withFileTypes: true });
    return entries
      .map((entry) => ({
        name: entry.name,
        isDirectory: entry.isDirectory(),
        isFile: entry.isFile(),
      }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return [];
  }
}

/** Every file under `folder` (library-relative, forward slashes, sorted), skipping dot-files. */
export async function listFilesDeep(root: string, folder: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await listFolder(root, folder)) {
    if (entry.name.startsWith('.')) continue;
    const child = `${folder}/${entry.name}`;
    if (entry.isDirectory) files.push(...(await listFilesDeep(root, child)));
    else if (entry.isFile) files.push(child);
  }
  return files.sort();
}
