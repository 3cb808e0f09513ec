/** Lists a course's modules and images straight from disk (the editor always sees what is there now). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { linkOnPath } from '../../fs/symbolic-links.js';
import type { ModuleRef } from '../contract.js';
import { parseModuleFileName } from '../../format/ids.js';
import { readMarkdownFile, stringField } from './markdown-file.js';

/** The module file names in modules/, sorted by number (then name). */
export async function listModuleFiles(courseDir: string): Promise<string[]> {
  // A linked folder is never listed (docs/library-format.md: no symbolic links).
  if ((await linkOnPath(courseDir, 'modules')) !== undefined) return [];
  const entries = await readdir(path.join(courseDir, 'modules'), { withFileTypes: true }).catch(
    () => [],
  );
  return entries
    .filter((entry) => entry.isFile() && parseModuleFileName(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => {
      const byNumber =
        (parseModuleFileName(a)?.number ?? 0) - (parseModuleFileName(b)?.number ?? 0);
      return byNumber !== 0 ? byNumber : a.localeCompare(b);
    });
}

/** The reference the UI lists for one module file. */
export async function readModuleRef(courseDir: string, file: string): Promise<ModuleRef> {
  const parsed = await readMarkdownFile(path.join(courseDir, 'modules', file));
  return moduleRefFrom(file, parsed.data);
}

/** Builds a ModuleRef from a file name and its front matter. */
export function moduleRefFrom(file: string, data: Record<string, unknown>): ModuleRef {
  const ref: ModuleRef = {
    file,
    number: parseModuleFileName(file)?.number ?? 0,
    title: stringField(data, 'title') || file,
  };
  const duration = stringField(data, 'duration');
  if (duration) ref.duration = duration;
  return ref;
}

/** Every module of a course, in order. */
export async function listModules(courseDir: string): Promise<ModuleRef[]> {
  const files = await listModuleFiles(courseDir);
  return Promise.all(files.map((file) => readModuleRef(courseDir, file)));
}

/** Course-relative paths of every file under images/ (forward slashes, sorted). */
export async function listImages(courseDir: string): Promise<string[]> {
  if ((await linkOnPath(courseDir, 'images')) !== undefined) return [];
  const entries = await readdir(path.join(courseDir, 'images'), {
    withFileTypes: true,
    recursive: true,
  }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => {
      const relative = path.relative(courseDir, path.join(entry.parentPath, entry.name));
      return relative.split(path.sep).join('/');
    })
    .sort();
}
