/**
 * The only module that talks to Git. It uses isomorphic-git (pure JavaScript, smart HTTP), so
 * the desktop app works on computers with no git installed; everything else in main/sync
 * sees only these small functions and plain types.
 */
import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import git, { type AuthCallback, type AuthFailureCallback } from 'isomorphic-git';
import http from 'isomorphic-git/http/node';

/** A commit id (40 hex digits). */
export type CommitId = string;

export interface GitAuthHooks {
  onAuth?: AuthCallback;
  onAuthFailure?: AuthFailureCallback;
}

export interface GitAuthor {
  name: string;
  email: string;
}

/** One file that differs between the last commit and the working copy. */
export interface WorkingChange {
  /** Library-relative path with forward slashes. */
  path: string;
  change: 'added' | 'modified' | 'removed';
}

/** Writes through a temporary file and a rename, so a killed process never leaves half a file. */
async function writeFileWhole(
  file: string,
  data: string | Uint8Array,
  options?: { mode?: number } | string,
): Promise<void> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.tandem-${randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = typeof options === 'object' ? options.mode : undefined;
  try {
    await fsPromises.writeFile(temp, data, { mode, flag: 'wx' });
    await fsPromises.rename(temp, file);
  } catch (error) {
    await fsPromises.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * The file system isomorphic-git writes through. Its own writes of objects, the index and refs
 * are plain overwrites; making each one whole keeps a clone usable when a sync is killed.
 */
const fs = { promises: { ...fsPromises, writeFile: writeFileWhole } };

const REMOTE = 'origin';

/** True when `dir` is the top of a Git working copy. */
export async function isRepository(dir: string): Promise<boolean> {
  try {
    return (await fsPromises.stat(path.join(dir, '.git'))).isDirectory();
  } catch {
    return false;
  }
}

/** Makes `dir` a new repository whose branch is `main`. */
export async function initRepository(dir: string): Promise<void> {
  await git.init({ fs, dir, defaultBranch: 'main' });
}

/** Clones `url` into `dir` (which must be empty or missing), checking out its default branch. */
export async function cloneRepository(dir: string, url: string, auth: GitAuthHooks): Promise<void> {
  await git.clone({ fs, http, dir, url, singleBranch: true, ...auth });
}

/** The branch the working copy is on; `main` for a repository with no commits yet. */
export async function currentBranch(dir: string): Promise<string> {
  return (await git.currentBranch({ fs, dir, fullname: false })) ?? 'main';
}

/** The address of the shared copy, if there is one. */
export async function remoteUrl(dir: string): Promise<string | undefined> {
  const value: unknown = await git.getConfig({ fs, dir, path: `remote.${REMOTE}.url` });
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Sets the address of the shared copy (e.g. after it moved, or to add a token to it). */
export async function setRemoteUrl(dir: string, url: string): Promise<void> {
  await git.setConfig({ fs, dir, path: `remote.${REMOTE}.url`, value: url });
}

/** Reads a setting from the repository's own config (e.g. `user.name`). */
export async function readConfig(dir: string, key: string): Promise<string | undefined> {
  const value: unknown = await git.getConfig({ fs, dir, path: key });
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The person's own git config files, most important first, as git itself reads them. */
function globalConfigFiles(env: NodeJS.ProcessEnv): string[] {
  if (env.GIT_CONFIG_GLOBAL) return [env.GIT_CONFIG_GLOBAL];
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  return [path.join(home, '.gitconfig'), path.join(xdg, 'git', 'config')];
}

/** Reads one setting from a config file outside any repository, with isomorphic-git's parser. */
async function readConfigFile(file: string, key: string): Promise<string | undefined> {
  // isomorphic-git reads `<gitdir>/config`; this read-only view maps that name to `file`.
  const gitdir = path.join(path.dirname(file), '.tandem-global-config');
  const view = {
    promises: {
      ...fsPromises,
      readFile: (p: string, options?: unknown) =>
        fsPromises.readFile(p === path.join(gitdir, 'config') ? file : p, options as 'utf8'),
    },
  };
  try {
    const value: unknown = await git.getConfig({ fs: view, gitdir, path: key });
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined; // a missing or unreadable file simply has no setting
  }
}

/**
 * A setting as git resolves it: the repository's config first, then the person's own
 * (`~/.gitconfig`, then `$XDG_CONFIG_HOME/git/config`), so a sync uses the name they gave git.
 */
export async function readUserConfig(
  dir: string,
  key: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string | undefined> {
  const local = await readConfig(dir, key);
  if (local !== undefined) return local;
  for (const file of globalConfigFiles(env)) {
    const value = await readConfigFile(file, key);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The commit a ref points at, or undefined when the ref does not exist. */
export async function resolveCommit(dir: string, ref: string): Promise<CommitId | undefined> {
  try {
    return await git.resolveRef({ fs, dir, ref });
  } catch {
    return undefined;
  }
}

/** The local name of the shared copy's branch, e.g. `refs/remotes/origin/main`. */
export const remoteRef = (branch: string): string => `refs/remotes/${REMOTE}/${branch}`;

/** Every file that differs between HEAD and the working copy (ignored files left out). */
export async function workingChanges(dir: string): Promise<WorkingChange[]> {
  const matrix = await git.statusMatrix({ fs, dir });
  const changes: WorkingChange[] = [];
  for (const [file, head, workdir] of matrix) {
    if (head === 0 && workdir === 2) changes.push({ path: file, change: 'added' });
    else if (head === 1 && workdir === 0) changes.push({ path: file, change: 'removed' });
    else if (head === 1 && workdir === 2) changes.push({ path: file, change: 'modified' });
  }
  return changes;
}

/** Records the working copy's state of `paths` in the index (removed files are forgotten). */
export async function stagePaths(dir: string, paths: string[]): Promise<void> {
  for (const file of paths) {
    const exists = await fsPromises
      .lstat(path.join(dir, file))
      .then(() => true)
      .catch(() => false);
    if (exists) await git.add({ fs, dir, filepath: file, force: true });
    else await git.remove({ fs, dir, filepath: file });
  }
}

/** Commits the index on the current branch; two parents make a merge commit. */
export async function commitIndex(
  dir: string,
  message: string,
  author: GitAuthor,
  parents?: CommitId[],
): Promise<CommitId> {
  return git.commit({ fs, dir, message, author, ...(parents ? { parent: parents } : {}) });
}

/** Points the current branch at `commit` (a fast-forward; the working copy is updated apart). */
export async function moveBranch(dir: string, branch: string, commit: CommitId): Promise<void> {
  await git.writeRef({ fs, dir, ref: `refs/heads/${branch}`, value: commit, force: true });
}

/** Fetches the shared copy's branch into `refs/remotes/origin/<branch>`. */
export async function fetchBranch(
  dir: string,
  branch: string,
  auth: GitAuthHooks,
): Promise<CommitId | undefined> {
  await git.fetch({ fs, http, dir, remote: REMOTE, ref: branch, singleBranch: true, ...auth });
  return resolveCommit(dir, remoteRef(branch));
}

/** Pushes the branch; resolves false when the shared copy moved on meanwhile (fetch again). */
export async function pushBranch(
  dir: string,
  branch: string,
  auth: GitAuthHooks,
): Promise<boolean> {
  try {
    const result = await git.push({ fs, http, dir, remote: REMOTE, ref: branch, ...auth });
    return result.ok;
  } catch (error) {
    if (error instanceof git.Errors.PushRejectedError) return false;
    throw error;
  }
}

/** True when `ancestor` is `commit` or one of its ancestors. */
export async function isAncestor(
  dir: string,
  ancestor: CommitId,
  commit: CommitId,
): Promise<boolean> {
  if (ancestor === commit) return true;
  return git.isDescendent({ fs, dir, oid: commit, ancestor, depth: -1 });
}

/** The best common ancestor of two commits, if they share history. */
export async function mergeBase(
  dir: string,
  a: CommitId,
  b: CommitId,
): Promise<CommitId | undefined> {
  const bases = await git.findMergeBase({ fs, dir, oids: [a, b] });
  return bases[0];
}

/** Every file in a commit, as path → blob id. */
export async function filesAt(dir: string, commit: CommitId): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  await git.walk({
    fs,
    dir,
    trees: [git.TREE({ ref: commit })],
    map: async (file, [entry]) => {
      if (!entry || file === '.') return undefined;
      if ((await entry.type()) === 'blob') files.set(file, await entry.oid());
      return true;
    },
  });
  return files;
}

/** The bytes of a blob. */
export async function readBlob(dir: string, oid: string): Promise<Uint8Array> {
  return (await git.readBlob({ fs, dir, oid })).blob;
}

/** Stores bytes as a blob and returns its id (the same bytes always get the same id). */
export async function writeBlob(dir: string, bytes: Uint8Array): Promise<string> {
  return git.writeBlob({ fs, dir, blob: bytes });
}

/** The blob id the working copy's file would have, or undefined when it is missing. */
export async function hashWorkingFile(dir: string, file: string): Promise<string | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fsPromises.readFile(path.join(dir, file));
  } catch {
    return undefined;
  }
  return (await git.hashBlob({ object: bytes })).oid;
}

/** Adds ignore patterns for this working copy only (`.git/info/exclude`), once each. */
export async function excludeLocally(dir: string, patterns: string[]): Promise<void> {
  const file = path.join(dir, '.git', 'info', 'exclude');
  const old = await fsPromises.readFile(file, 'utf8').catch(() => '');
  const lines = old.split('\n');
  const missing = patterns.filter((pattern) => !lines.includes(pattern));
  if (missing.length === 0) return;
  await fsPromises.mkdir(path.dirname(file), { recursive: true });
  const joined = old === '' || old.endsWith('\n') ? old : `${old}\n`;
  await writeFileWhole(file, `${joined}${missing.join('\n')}\n`);
}

export const GitErrors = git.Errors;
