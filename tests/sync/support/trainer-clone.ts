/**
 * A trainer's computer for sync tests: a clone of the test server's library made by Tandem's
 * own engine, with its own config folder (identity and the trainer's sample private key).
 */
import { execFile } from 'node:child_process';
import { chmod, copyFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setIdentity } from '../../../main/signoff/identity.js';
import { cloneRepository, setRemoteUrl } from '../../../main/sync/git-engine.js';
import { credentialHooks } from '../../../main/sync/git-credentials.js';
import { syncAuthor } from '../../../main/sync/sync-author.js';
import { syncLibrary, type SyncOutcome } from '../../../main/sync/sync-library.js';
import { repoRoot } from '../../support/temp-library.js';

const run = promisify(execFile);

export interface TrainerClone {
  dir: string;
  configDir: string;
  trainerId: string;
  sync(): Promise<SyncOutcome>;
  read(file: string): Promise<string>;
  write(file: string, text: string): Promise<void>;
  /** Replaces the first occurrence of `from` in `file`; fails the test if it is not there. */
  replace(file: string, from: string, to: string): Promise<void>;
  /** `git status --porcelain` by the real git binary: proves the clone is an ordinary one. */
  gitStatus(): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * Clones `url` as `trainerId` (who must have a key in tests/sample-keys). With `copyOf`, copies
 * that clone of the same history instead and points it at `url` (as quick as a file copy).
 */
export async function cloneAs(
  url: string,
  trainerId: string,
  options: { copyOf?: TrainerClone } = {},
): Promise<TrainerClone> {
  const home = await mkdtemp(path.join(tmpdir(), `tandem-${trainerId}-`));
  const dir = path.join(home, 'library');
  const configDir = path.join(home, 'config');
  await mkdir(path.join(configDir, 'keys'), { recursive: true });
  const key = path.join(configDir, 'keys', `${trainerId}.pem`);
  await copyFile(path.join(repoRoot, 'tests/sample-keys', `${trainerId}.pem`), key);
  await chmod(key, 0o600);
  await setIdentity(trainerId, { configDir });
  if (options.copyOf) {
    await cp(options.copyOf.dir, dir, { recursive: true });
    await setRemoteUrl(dir, url);
  } else {
    await cloneRepository(dir, url, credentialHooks({ useGitHelpers: false, env: {} }));
  }
  const file = (name: string) => path.join(dir, name);
  return {
    dir,
    configDir,
    trainerId,
    async sync() {
      return syncLibrary(dir, {
        author: await syncAuthor(dir, { configDir }),
        auth: credentialHooks({ useGitHelpers: false, env: {} }),
      });
    },
    read: (name) => readFile(file(name), 'utf8'),
    write: (name, text) => writeFile(file(name), text),
    async replace(name, from, to) {
      const text = await readFile(file(name), 'utf8');
      if (!text.includes(from)) throw new Error(`${name} does not contain ${JSON.stringify(from)}`);
      await writeFile(file(name), text.replace(from, to));
    },
    async gitStatus() {
      return (await run('git', ['status', '--porcelain'], { cwd: dir })).stdout;
    },
    dispose: () => rm(home, { recursive: true, force: true }),
  };
}
