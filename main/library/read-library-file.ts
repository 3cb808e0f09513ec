/** Reads text files and lists folders inside a library, turning file-system failures into problems. */
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  type Stats,
} from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileStamp, linkMessage, linkOnPath, linkOnPathSync } from '../fs/symbolic-links.js';
import type { EntryKind, LibraryScan } from '../fs/symbolic-links.js';
import type { DerivedTexts } from './read-yaml-file.js';
import { fileProblem } from './problem-at.js';
import type { Problem } from './types.js';

/** Largest Markdown or YAML file read: far beyond any course, small enough to check quickly. */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

export type ReadResult =
  { text: string; problem?: undefined } | { text?: undefined; problem: Problem };

export interface FolderEntry {
  name: string;
  isDirectory: boolean;
  isFile: boolean;
}

/** Opening a file refuses a link in its last part (there is no such flag on Windows). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/**
 * Where the system tells the path an open file was reached by (Linux): one look after opening
 * says whether any part of the path was a link at the moment it was opened, which checking
 * each part beforehand can only say for a moment before.
 */
const OPEN_FILE_PATHS =
  process.platform === 'linux' && NO_FOLLOW !== 0 && existsSync('/proc/self/fd')
    ? '/proc/self/fd'
    : undefined;

/** Opening a file went through a symbolic link somewhere on its path. */
class ReachedThroughLink extends Error {}

/** One text file as a load read it. */
interface TextRead {
  /** The file's stamp when it was read (`fileStamp`); undefined when it may change unseen. */
  stamp: string | undefined;
  text: string;
  bytes: Buffer;
}

/**
 * A file written this close to being read could be written again within the clock's resolution
 * (two seconds on FAT drives) and keep its stamp, so it is read again next time.
 */
const UNSETTLED_MS = 3000;

/**
 * The text files one load read, each with its stamp, so the next load of the same library (the
 * live preview's, on every save) takes over each file whose stamp the walk finds unchanged
 * instead of reading it again. What is taken over was read, checked for links, by an earlier
 * load; nothing new is read.
 */
export class TextReads {
  readonly #reads = new Map<string, TextRead>();
  /** How many files this load took over from the earlier one. */
  takenOver = 0;

  #earlier: TextReads | undefined;

  /** `unsettledMs`: how recently written a file may be and still be taken over next time. */
  constructor(
    earlier?: TextReads,
    private readonly unsettledMs = UNSETTLED_MS,
  ) {
    this.#earlier = earlier;
  }

  /** Whether `takeOver` would take over the earlier load's read of `file`. */
  canTakeOver(file: string, stamp: string | undefined): boolean {
    const read = this.#earlier ? this.#earlier.#reads.get(file) : undefined;
    return stamp !== undefined && read?.stamp !== undefined && read.stamp === stamp;
  }

  /** The earlier load's read of `file`, when the file's stamp is still `stamp`. */
  takeOver(file: string, stamp: string): TextRead | undefined {
    const read = this.#earlier ? this.#earlier.#reads.get(file) : undefined;
    if (read?.stamp === undefined || read.stamp !== stamp) return undefined;
    this.#reads.set(file, read);
    this.takenOver += 1;
    return read;
  }

  /** Keeps `file` as read from disk (`info`: its status then) at `readAtMs`. */
  keep(file: string, read: { text: string; bytes: Buffer; info: Stats }, readAtMs: number): void {
    const { info, text, bytes } = read;
    const settled = Math.max(info.mtimeMs, info.ctimeMs) < readAtMs - this.unsettledMs;
    this.#reads.set(file, { stamp: settled ? fileStamp(info) : undefined, text, bytes });
  }

  /** Lets the earlier load's reads go, once this load is done: only one load is kept. */
  forgetEarlier(): void {
    this.#earlier = undefined;
  }
}

/**
 * The files of one library as its loaders see them. With a walk of the library, what a folder
 * holds and whether a path is a file reached through no link are answered from that walk (a
 * path the walk did not meet is looked up on disk, as without it). A file is read from disk
 * (unless an earlier load's read of it is taken over, see `TextReads`), its path checked for
 * links, and opened so that a file that became a link after the walk is not followed.
 */
export class LibraryFiles {
  /**
   * The bytes of every text file read so far, by library-relative path: the sign-off gate
   * hashes exactly what was loaded rather than reading the files again, so what is published
   * is what was checked, even if a file changes on disk while a build runs.
   */
  readonly readBytes = new Map<string, Buffer>();

  private constructor(
    readonly root: string,
    /** What earlier runs derived from the library's texts (see `parseYaml`). */
    readonly derived: DerivedTexts | undefined,
    /** Undefined when every answer comes from disk. */
    readonly scan: LibraryScan | undefined,
    /** This load's reads, taking over an earlier load's; undefined when none are kept. */
    readonly reads?: TextReads,
  ) {}

  /** While set, each file read (or not) is noted in it: `files` read, `failed` if one was not. */
  #readLog: { files: string[]; failed: boolean } | undefined;

  /** Notes each read in `log` from now on, or no longer when undefined. */
  logReads(log: { files: string[]; failed: boolean } | undefined): void {
    this.#readLog = log;
  }

  /**
   * What the walk met in `folder` and everything under it (names, kinds and text files' stamps)
   * as one text, equal for two walks only when nothing a load reads there has changed;
   * undefined without a walk, or when part of it was not walked.
   */
  fingerprint(folder: string): string | undefined {
    const scan = this.scan;
    if (!scan || scan.kinds.get(folder) !== 'folder') return undefined;
    const parts: string[] = [folder];
    const walk = (rel: string): boolean => {
      const entries = scan.folders.get(rel);
      if (!entries) return false;
      for (const entry of entries) {
        const child = `${rel}/${entry.name}`;
        const kind = scan.kinds.get(child);
        parts.push(`${child}\0${kind ?? ''}\0${scan.stamps.get(child) ?? ''}`);
        if (kind === 'folder' && !walk(child)) return false;
      }
      return true;
    };
    return walk(folder) ? parts.join('\n') : undefined;
  }

  /**
   * Takes over the earlier load's reads of all of `texts`, as `read` does each (their bytes
   * become part of `readBytes`); false, taking over none, when one of them cannot be.
   */
  takeOverAll(texts: readonly string[]): boolean {
    const { reads, scan } = this;
    if (!reads || !scan) return false;
    if (!texts.every((file) => reads.canTakeOver(file, scan.stamps.get(file)))) return false;
    for (const file of texts) {
      // cast: every stamp was just found, and every read can be taken over.
      const read = reads.takeOver(file, scan.stamps.get(file) as string) as TextRead;
      this.readBytes.set(file, read.bytes);
    }
    return true;
  }

  /** Every answer from disk, at the moment it is asked. */
  static direct(root: string): LibraryFiles {
    return new LibraryFiles(root, undefined, undefined);
  }

  /**
   * Answers from `scan`, one walk of the library at `root` (see `scanLibrary`). `reads`: kept
   * for the next load, and taking over what an earlier load read of files not changed since.
   */
  static walked(
    root: string,
    scan: LibraryScan,
    derived?: DerivedTexts,
    reads?: TextReads,
  ): LibraryFiles {
    return new LibraryFiles(root, derived, scan, reads);
  }

  /** `from` itself, or direct access to the library folder `from`. */
  static of(from: string | LibraryFiles): LibraryFiles {
    return typeof from === 'string' ? LibraryFiles.direct(from) : from;
  }

  /** What the walk met at `relative`; undefined when there was no walk or it met nothing. */
  private kindOf(relative: string): EntryKind | undefined {
    return this.scan?.kinds.get(relative);
  }

  /**
   * The first part of `relative` that is a symbolic link (root-relative), or undefined; as
   * `linkOnPath` in main/fs/symbolic-links.ts.
   */
  async linkOnPath(relative: string): Promise<string | undefined> {
    const parts = partsOf(relative);
    if (parts) {
      for (let i = 1; i <= parts.length; i += 1) {
        const prefix = parts.slice(0, i).join('/');
        const kind = this.kindOf(prefix);
        if (kind === 'link') return prefix;
        // Not met by the walk, or a file with more parts after it: the disk answers.
        if (kind === undefined) break;
        if (i === parts.length) return undefined;
        if (kind !== 'folder') break;
      }
    }
    return linkOnPath(this.root, relative);
  }

  /** True when `relative` is a file reached through no link. */
  async isFile(relative: string): Promise<boolean> {
    if ((await this.linkOnPath(relative)) !== undefined) return false;
    const parts = partsOf(relative);
    const kind = parts ? this.kindOf(parts.join('/')) : undefined;
    if (kind !== undefined) return kind === 'file';
    try {
      return (await stat(path.join(this.root, relative))).isFile();
    } catch {
      return false;
    }
  }

  /** The library folder with every link resolved, when the opened path can be asked. */
  #realRoot: string | null | undefined;

  private realRoot(): string | undefined {
    if (this.#realRoot === undefined) {
      try {
        this.#realRoot = OPEN_FILE_PATHS ? realpathSync(this.root) : null;
      } catch {
        this.#realRoot = null;
      }
    }
    return this.#realRoot ?? undefined;
  }

  /** Reads `file` (library-relative) as UTF-8; a missing or unreadable file becomes a problem. */
  async read(file: string, missingMessage?: string): Promise<ReadResult> {
    const result = await this.#read(file, missingMessage);
    if (this.#readLog) {
      if (result.problem) this.#readLog.failed = true;
      else this.#readLog.files.push(file);
    }
    return result;
  }

  async #read(file: string, missingMessage?: string): Promise<ReadResult> {
    const stamp = this.scan?.stamps.get(file);
    const earlier = stamp === undefined ? undefined : this.reads?.takeOver(file, stamp);
    if (earlier) {
      this.readBytes.set(file, earlier.bytes);
      return { text: earlier.text };
    }
    // Asked on disk now, not from the walk: a folder may have become a link since. Where the
    // opened path can be asked, it is checked instead, at the moment of opening.
    const realRoot = this.realRoot();
    const link = realRoot === undefined ? linkOnPathSync(this.root, file) : undefined;
    if (link !== undefined) return { problem: fileProblem(link, 'symbolic-link', linkMessage()) };
    try {
      const expected = realRoot === undefined ? undefined : path.join(realRoot, file);
      const startedMs = Date.now();
      const result = readTextFile(path.join(this.root, file), file, expected);
      if ('bytes' in result) {
        this.readBytes.set(file, result.bytes);
        this.reads?.keep(file, result, startedMs);
        return { text: result.text };
      }
      return result;
    } catch (error) {
      if (error instanceof ReachedThroughLink) {
        const found = linkOnPathSync(this.root, file);
        // No link there now: the file was moved or removed while it was being opened.
        return found === undefined
          ? {
              problem: fileProblem(
                file,
                'file-unreadable',
                `cannot read ${file} (it moved while being read)`,
              ),
            }
          : { problem: fileProblem(found, 'symbolic-link', linkMessage()) };
      }
      const code = (error as NodeJS.ErrnoException).code; // fs errors always carry an errno code
      // O_NOFOLLOW refuses a link as the last part of the path.
      if (code === 'ELOOP' && NO_FOLLOW !== 0) {
        return { problem: fileProblem(file, 'symbolic-link', linkMessage()) };
      }
      if (code === 'ENOENT') {
        return {
          problem: fileProblem(file, 'file-missing', missingMessage ?? `${file} is missing`),
        };
      }
      return {
        problem: fileProblem(file, 'file-unreadable', unreadableMessage(file, code, error)),
      };
    }
  }

  /**
   * Names of the entries in a library folder, sorted; empty when the folder does not exist or
   * is reached through a symbolic link. Links in it are neither files nor folders.
   */
  async list(folder: string): Promise<FolderEntry[]> {
    // A linked folder is never listed; the link itself is reported by loadLibrary.
    if ((await this.linkOnPath(folder)) !== undefined) return [];
    const parts = partsOf(folder);
    const walked = parts ? this.scan?.folders.get(parts.join('/')) : undefined;
    try {
      const entries =
        walked ?? (await readdir(path.join(this.root, folder), { withFileTypes: true }));
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
  async listDeep(folder: string): Promise<string[]> {
    const files: string[] = [];
    for (const entry of await this.list(folder)) {
      if (entry.name.startsWith('.')) continue;
      const child = `${folder}/${entry.name}`;
      if (entry.isDirectory) files.push(...(await this.listDeep(child)));
      else if (entry.isFile) files.push(child);
    }
    return files.sort();
  }
}

/** The parts of a library-relative path, or undefined when one goes up (`..`). */
function partsOf(relative: string): string[] | undefined {
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  return parts.includes('..') ? undefined : parts;
}

/**
 * One open, size check and read: the asynchronous readFile costs several times the CPU time
 * for a library's thousands of small files.
 */
function readTextFile(
  absolute: string,
  file: string,
  expectedRealPath?: string,
): { text: string; bytes: Buffer; info: Stats } | { problem: Problem } {
  const fd = openSync(absolute, constants.O_RDONLY | NO_FOLLOW);
  try {
    if (expectedRealPath !== undefined && openedPath(fd) !== expectedRealPath) {
      throw new ReachedThroughLink(file);
    }
    const info = fstatSync(fd);
    const { size } = info;
    if (size > MAX_TEXT_FILE_BYTES) {
      return {
        problem: fileProblem(
          file,
          'file-too-large',
          `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; a library text file may be at most ${MAX_TEXT_FILE_BYTES / 1024 / 1024} MB, so it is not read`,
        ),
      };
    }
    const bytes = readFileSync(fd);
    return { text: bytes.toString('utf8'), bytes, info };
  } finally {
    closeSync(fd);
  }
}

/** The path by which the system reached open file `fd` (OPEN_FILE_PATHS must be set). */
function openedPath(fd: number): string | undefined {
  try {
    return readlinkSync(`${OPEN_FILE_PATHS}/${fd}`);
  } catch {
    return undefined;
  }
}

/** Reads `file` (library-relative) as UTF-8; a missing or unreadable file becomes a problem. */
export async function readLibraryFile(
  root: string,
  file: string,
  missingMessage?: string,
): Promise<ReadResult> {
  return LibraryFiles.direct(root).read(file, missingMessage);
}

/**
 * Names of the entries in a library folder, sorted; empty when the folder does not exist or is
 * reached through a symbolic link. Links in it are neither files nor folders.
 */
export async function listFolder(root: string, folder: string): Promise<FolderEntry[]> {
  return LibraryFiles.direct(root).list(folder);
}

/** Every file under `folder` (library-relative, forward slashes, sorted), skipping dot-files. */
export async function listFilesDeep(root: string, folder: string): Promise<string[]> {
  return LibraryFiles.direct(root).listDeep(folder);
}

/** Why `file` could not be read, in words; the system's code is kept for whoever helps. */
function unreadableMessage(file: string, code: string | undefined, error: unknown): string {
  switch (code) {
    case 'EISDIR':
      return `${file} is a folder, not a file; Tandem reads this name as a file`;
    case 'EACCES':
    case 'EPERM':
      return `cannot read ${file}: this computer's account is not allowed to open it (${code})`;
    case 'EBUSY':
      return `cannot read ${file}: another program is using it; close it and check again (${code})`;
    default:
      return `cannot read ${file} (${code ?? String(error)})`;
  }
}
