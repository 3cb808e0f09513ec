/**
 * The content version of a course: a SHA-256 over a canonical encoding of exactly the files a
 * sign-off vouches for. The encoding is documented in docs/library-format.md; any change here
 * changes every version and so invalidates every sign-off, hence the `v1` tag in the stream.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { lstatOrUndefined } from '../fs/symbolic-links.js';

/** One file of a course's content, as hashed. */
export interface ContentFile {
  /** Course-relative path, forward slashes, Unicode NFC. */
  path: string;
  /** The bytes that are hashed (text files already LF-normalised). */
  bytes: Buffer;
}

/** Extensions treated as text: their line endings are normalised before hashing. */
const TEXT_EXTENSIONS = new Set(['.md', '.yml', '.yaml', '.txt', '.svg']);

/** Folders (besides course.md) whose files are part of a course's content. */
const CONTENT_FOLDERS = ['modules', 'images'];

const STREAM_HEADER = 'tandem-course-content-v1\n';

/** True when `relPath` is a text file whose CRLF/CR line endings are normalised to LF. */
export function isTextPath(relPath: string): boolean {
  return TEXT_EXTENSIONS.has(path.posix.extname(relPath).toLowerCase());
}

/** Normalises CRLF and lone CR to LF, so the same text saved on Windows hashes the same. */
export function normaliseLineEndings(bytes: Buffer): Buffer {
  if (!bytes.includes(0x0d)) return bytes;
  return Buffer.from(bytes.toString('latin1').replace(/\r\n?/g, '\n'), 'latin1');
}

/** Byte-wise UTF-8 order, so the sort is the same in every language and locale. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * Hashes content files that are already in memory. Each entry is
 * `path:<byte length>:<path>\ncontent:<byte length>:<bytes>\n`, in UTF-8 byte order of path;
 * everything is length-prefixed so no two different file sets give the same stream.
 */
export function hashContentFiles(files: readonly ContentFile[]): string {
  const hash = createHash('sha256');
  hash.update(STREAM_HEADER, 'utf8');
  const sorted = [...files].sort((a, b) => compareUtf8(a.path, b.path));
  for (const file of sorted) {
    const pathBytes = Buffer.from(file.path, 'utf8');
    hash.update(`path:${pathBytes.length}:`, 'utf8');
    hash.update(pathBytes);
    hash.update(`\ncontent:${file.bytes.length}:`, 'utf8');
    hash.update(file.bytes);
    hash.update('\n', 'utf8');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** Turns raw bytes read from disk into the bytes that are hashed for `relPath`. */
export function contentBytes(relPath: string, raw: Buffer): Buffer {
  return isTextPath(relPath) ? normaliseLineEndings(raw) : raw;
}

/**
 * Synchronous calls: a build checks every course's sign-off, and thousands of small
 * asynchronous calls cost several times the CPU time for the same answers.
 */
function listFolder(dir: string, prefix: string, out: string[], courseId: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // cast: Node fs errors carry `code`
    throw error;
  }
  for (const entry of entries) {
    // Dotfiles (.DS_Store, editor swap files, the app's own .tandem folder) are never content.
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    const rel = `${prefix}/${entry.name.normalize('NFC')}`;
    if (entry.isDirectory()) {
      listFolder(full, rel, out, courseId);
    } else if (entry.isFile()) {
      out.push(rel);
    } else if (entry.isSymbolicLink()) {
      // A link could pull a file from anywhere on this computer into the signed copy kept in
      // the shared library, and its target can change without the link changing: refuse it.
      throw new Error(
        `${courseId}/${rel} is a symbolic link; ` +
          'replace it with the file itself before signing off.',
      );
    }
  }
}

/** Lists the course-relative paths of a course's content files (unsorted). */
export async function listContentPaths(courseDir: string): Promise<string[]> {
  const paths: string[] = [];
  const courseId = path.basename(courseDir);
  const courseMd = lstatOrUndefined(path.join(courseDir, 'course.md'));
  if (courseMd?.isSymbolicLink()) {
    throw new Error(`${courseId}/course.md is a symbolic link; replace it with the file itself.`);
  }
  if (courseMd?.isFile()) paths.push('course.md');
  for (const folder of CONTENT_FOLDERS) {
    const info = lstatOrUndefined(path.join(courseDir, folder));
    if (info?.isSymbolicLink()) {
      throw new Error(
        `${courseId}/${folder} is a symbolic link; replace it with the folder itself.`,
      );
    }
    listFolder(path.join(courseDir, folder), folder, paths, courseId);
  }
  return paths;
}

/** True when `relPath` (course-relative, forward slashes) is a file a sign-off vouches for. */
export function isContentPath(relPath: string): boolean {
  if (relPath === 'course.md') return true;
  const parts = relPath.split('/');
  if (parts.some((part) => part.startsWith('.'))) return false;
  return parts.length > 1 && CONTENT_FOLDERS.includes(parts[0] ?? '');
}

/**
 * Reads every content file of the course folder, ready to hash or to keep as a snapshot.
 * `known`: bytes already read (by course-relative path), used instead of reading again, so the
 * hash covers exactly the text a caller holds.
 */
export async function readContentFiles(
  courseDir: string,
  known?: ReadonlyMap<string, Buffer>,
): Promise<ContentFile[]> {
  const paths = await listContentPaths(courseDir);
  const files: ContentFile[] = [];
  for (const rel of paths) {
    const raw = known?.get(rel) ?? readFileSync(path.join(courseDir, ...rel.split('/')));
    files.push({ path: rel, bytes: contentBytes(rel, raw) });
  }
  return files.sort((a, b) => compareUtf8(a.path, b.path));
}

/** The content version (`sha256:<hex>`) of the course in `courseDir`, read from disk now. */
export async function hashCourseVersion(courseDir: string): Promise<string> {
  return hashContentFiles(await readContentFiles(courseDir));
}
