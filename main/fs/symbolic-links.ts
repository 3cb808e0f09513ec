/**
 * A library contains no symbolic links (nor Windows junctions): a link can lead anywhere on the
 * computer, and its target can change without the library changing, so a link would let
 * anyone who can write to the library publish, sign or overwrite files outside it. Tandem
 * never follows one; `tandem check` reports each (docs/library-format.md). The library folder
 * itself may be reached through a link.
 */
import { lstatSync, readdirSync, type Dirent, type Stats } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';

/**
 * The message for a link found at `relative` (library-relative); without it, the message for a
 * problem reported at the link itself.
 */
export function linkMessage(relative?: string): string {
  return (
    `${relative ?? 'this'} is a symbolic link; Tandem does not follow links in a library, as ` +
    'they can lead to files outside it: replace it with the file or folder itself'
  );
}

/**
 * The first part of `relative` (forward slashes, under `root`) that is a symbolic link, as a
 * root-relative path, or undefined. Parts that do not exist end the search.
 */
export async function linkOnPath(root: string, relative: string): Promise<string | undefined> {
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  for (let i = 1; i <= parts.length; i += 1) {
    const prefix = parts.slice(0, i).join('/');
    const info = await lstat(path.join(root, prefix)).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) return prefix;
  }
  return undefined;
}

/** `linkOnPath` with synchronous calls, for the many small files a library load reads. */
export function linkOnPathSync(root: string, relative: string): string | undefined {
  const parts = relative.split('/').filter((part) => part !== '' && part !== '.');
  for (let i = 1; i <= parts.length; i += 1) {
    const prefix = parts.slice(0, i).join('/');
    let info;
    try {
      info = lstatSync(path.join(root, prefix));
    } catch {
      return undefined;
    }
    if (info.isSymbolicLink()) return prefix;
  }
  return undefined;
}

/** Throws a plain-words Error when `relative` under `root` goes through a symbolic link. */
export async function refuseLinks(root: string, relative: string, label = relative): Promise<void> {
  refuseLink(await linkOnPath(root, relative), relative, label);
}

/** `refuseLinks` with synchronous calls. */
export function refuseLinksSync(root: string, relative: string, label = relative): void {
  refuseLink(linkOnPathSync(root, relative), relative, label);
}

function refuseLink(link: string | undefined, relative: string, label: string): void {
  if (link !== undefined) {
    const shown = label === relative ? link : `${label} (${link})`;
    throw new Error(`${linkMessage(shown)}.`);
  }
}

/** What the walk met at a path: links are never followed, so they are their own kind. */
export type EntryKind = 'file' | 'folder' | 'link' | 'other';

/** What one walk over a library finds: its links, how much text it holds, and what is where. */
export interface LibraryScan {
  /** Every symbolic link (root-relative, sorted). */
  links: string[];
  /** Bytes of all `.md` and `.yml` files, for the library size limit. */
  textBytes: number;
  /** The kind of every entry met, by root-relative path (the root itself is ''). */
  kinds: Map<string, EntryKind>;
  /** The entries of every folder walked, by root-relative path ('' for the root). */
  folders: Map<string, Dirent[]>;
  /** The stamp (`fileStamp`) of every `.md` and `.yml` file when it was walked. */
  stamps: Map<string, string>;
}

/**
 * What changes whenever a file's content is written: its size, times, inode and device. Two
 * equal stamps of a file mean it was not written in between, unless it was written within the
 * clock's resolution of the first stamp (see `TextReads` in read-library-file.ts).
 */
export function fileStamp(info: Stats): string {
  return `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}:${info.dev}`;
}

/**
 * Walks everything under `root`, following no link and not looking inside `.git` or
 * `node_modules`. Synchronous calls: thousands of small asynchronous ones cost many times the
 * CPU time for the same answers.
 */
export function scanLibrary(root: string): LibraryScan {
  const scan: LibraryScan = {
    links: [],
    textBytes: 0,
    kinds: new Map([['', 'folder']]),
    folders: new Map(),
    stamps: new Map(),
  };
  const walk = (folder: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    scan.folders.set(folder, entries);
    for (const entry of entries) {
      const rel = folder ? `${folder}/${entry.name}` : entry.name;
      scan.kinds.set(rel, kindOf(entry));
      if (entry.isSymbolicLink()) scan.links.push(rel);
      else if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules')
        walk(rel);
      else if (entry.isFile() && /\.(md|ya?ml)$/i.test(entry.name)) {
        const info = lstatOrUndefined(path.join(root, rel));
        if (info?.isFile()) {
          scan.textBytes += info.size;
          scan.stamps.set(rel, fileStamp(info));
        }
      }
    }
  };
  walk('');
  scan.links.sort();
  return scan;
}

/** The file's own status (a link's, not its target's), or undefined when there is none. */
export function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function kindOf(entry: Dirent): EntryKind {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isDirectory()) return 'folder';
  return entry.isFile() ? 'file' : 'other';
}
