/**
 * Keeps a copy of exactly what each author signed, inside the course folder at
 * `.tandem/signed/<version-hex>/<course-relative path>`. It travels with the library (shared
 * drive or Git) so anyone can later see what changed since a sign-off. The folder is a dotfolder,
 * so it is never part of the content version.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { linkMessage, refuseLinks } from '../fs/symbolic-links.js';
import { VERSION_PATTERN } from '../format/ids.js';
import { contentBytes, hashContentFiles, type ContentFile } from './hash-course-version.js';

/** Course-relative folder holding the snapshots (forward slashes). */
export const SNAPSHOT_FOLDER = '.tandem/signed';

/** Absolute folder of the snapshot of `version` in `courseDir`. */
export function snapshotDir(courseDir: string, version: string): string {
  if (!VERSION_PATTERN.test(version)) throw new Error(`"${version}" is not a content version.`);
  return path.join(courseDir, ...SNAPSHOT_FOLDER.split('/'), version.slice('sha256:'.length));
}

/** Refuses a snapshot folder reached through a link: it could read or write outside the library. */
async function refuseSnapshotLinks(courseDir: string, dir: string): Promise<void> {
  const relative = path.relative(courseDir, dir).split(path.sep).join('/');
  await refuseLinks(courseDir, relative, `${path.basename(courseDir)}/${relative}`);
}

async function exists(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined)) !== undefined;
}

async function listFiles(dir: string, prefix: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) await listFiles(path.join(dir, entry.name), rel, out);
    else if (entry.isFile()) out.push(rel);
    else if (entry.isSymbolicLink()) throw new Error(`${linkMessage(rel)}.`);
  }
}

/** Reads the snapshot of `version` and checks it still hashes to `version`. */
export async function readSnapshot(courseDir: string, version: string): Promise<ContentFile[]> {
  const dir = snapshotDir(courseDir, version);
  await refuseSnapshotLinks(courseDir, dir);
  if (!(await exists(dir))) {
    throw new Error(
      `The signed copy of version ${version.slice(0, 19)}… is not in the library ` +
        `(${path.relative(courseDir, dir)}); it was not shared with this copy of the library.`,
    );
  }
  const paths: string[] = [];
  await listFiles(dir, '', paths);
  const files: ContentFile[] = [];
  for (const rel of paths) {
    files.push({ path: rel, bytes: contentBytes(rel, await readFile(path.join(dir, rel))) });
  }
  // The snapshot is ordinary files anyone can edit; it is only trusted if it hashes to what
  // was signed.
  if (hashContentFiles(files) !== version) {
    throw new Error(
      `The signed copy in ${path.relative(courseDir, dir)} has been changed since it was signed, ` +
        'so it cannot show what changed.',
    );
  }
  return files;
}

/** Saves `files` as the snapshot of `version` unless an intact one is already there. */
export async function saveSnapshot(
  courseDir: string,
  version: string,
  files: readonly ContentFile[],
): Promise<void> {
  if (hashContentFiles(files) !== version) {
    throw new Error('The files to keep do not match the version being signed.');
  }
  const dir = snapshotDir(courseDir, version);
  await refuseSnapshotLinks(courseDir, dir);
  if (await exists(dir)) {
    try {
      await readSnapshot(courseDir, version);
      return;
    } catch {
      // Damaged copy: replace it with the real signed bytes below.
      await rm(dir, { recursive: true, force: true });
    }
  }
  // Written to a temporary folder and renamed, so a half-written snapshot is never visible.
  const temp = path.join(path.dirname(dir), `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    for (const file of files) {
      const target = path.join(temp, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.bytes);
    }
    await mkdir(temp, { recursive: true });
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    if (await exists(dir)) return; // someone else saved the same version at the same moment
    throw error;
  }
}
