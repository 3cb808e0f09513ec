/**
 * Names the exact library a prospectus was built from, for its colophon: the Git commit when
 * the library is a Git working copy, otherwise a hash of every file's path and content.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LibraryVersion {
  kind: 'git' | 'content';
  /** Full commit id, or `sha256:` + hex of the content. */
  id: string;
  /** For people: "Git commit 1a2b3c4d (with uncommitted changes)" or "content sha256:1a2b…". */
  label: string;
}

/** Works out the library's version; never throws (Git missing just means a content hash). */
export async function libraryVersion(
  root: string,
  exclude: string[] = [],
): Promise<LibraryVersion> {
  const git = await gitVersion(root);
  if (git) return git;
  const id = `sha256:${await hashFolder(root, exclude)}`;
  return { kind: 'content', id, label: `content ${id.slice(0, 19)}` };
}

async function gitVersion(root: string): Promise<LibraryVersion | undefined> {
  try {
    const top = (await run('git', ['-C', root, 'rev-parse', '--show-toplevel'])).stdout.trim();
    // A library folder inside some unrelated repository is still versioned by that commit,
    // which is what someone would check out to rebuild it.
    if (!top) return undefined;
    const commit = (await run('git', ['-C', root, 'rev-parse', 'HEAD'])).stdout.trim();
    const status = (
      await run('git', ['-C', root, 'status', '--porcelain', '--untracked-files=normal', '--', '.'])
    ).stdout.trim();
    const dirty = status.length > 0;
    return {
      kind: 'git',
      id: commit,
      label: `Git commit ${commit.slice(0, 12)}${dirty ? ' (with changes not yet committed)' : ''}`,
    };
  } catch {
    return undefined;
  }
}

/**
 * sha256 over sorted `path\0content` pairs of every file, skipping hidden files and the
 * `exclude` folders (absolute; e.g. an output folder someone put inside the library).
 */
export async function hashFolder(root: string, exclude: string[] = []): Promise<string> {
  const skip = new Set(
    exclude
      .map((dir) => path.relative(root, dir).split(path.sep).join('/'))
      .filter((rel) => rel && !rel.startsWith('..') && !path.isAbsolute(rel)),
  );
  const files = (await listFiles(root, '', skip)).sort();
  const hash = createHash('sha256');
  for (const rel of files) {
    hash.update(rel);
    hash.update('\0');
    hash.update(await readFile(path.join(root, rel)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

async function listFiles(root: string, rel: string, skip: Set<string>): Promise<string[]> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const child = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.') || skip.has(child)) continue;
    if (entry.isDirectory()) out.push(...(await listFiles(root, child, skip)));
    else if (entry.isFile()) out.push(child);
  }
  return out;
}
