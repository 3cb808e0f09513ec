import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askGitCredentialHelper, credentialHooks } from '../../main/sync/git-credentials.js';

const URL = 'https://git.example.org/college/library.git';

describe('where the sign-in comes from', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    home = await mkdtemp(path.join(tmpdir(), 'tandem-cred-'));
    // A real git credential helper (a shell function, as git config allows).
    await writeFile(
      path.join(home, '.gitconfig'),
      '[credential]\n\thelper = "!f() { test \\"$1\\" = get && echo username=helper-user && echo password=helper-secret; }; f"\n',
    );
    env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1' };
  });
  afterAll(() => rm(home, { recursive: true, force: true }));

  it("asks git's credential helpers, without prompting", async () => {
    expect(await askGitCredentialHelper(URL, env)).toEqual({
      username: 'helper-user',
      password: 'helper-secret',
    });
    const none = {
      PATH: process.env.PATH,
      HOME: path.join(home, 'nobody'),
      GIT_CONFIG_NOSYSTEM: '1',
    };
    expect(await askGitCredentialHelper(URL, none)).toBeUndefined();
  });

  it('offers TANDEM_GIT_TOKEN, then the stored token, then the helper, each once', async () => {
    const hooks = credentialHooks({
      env: { ...env, TANDEM_GIT_TOKEN: 'env-token' },
      token: 'stored',
    });
    const offered = [];
    offered.push(await hooks.onAuth?.(URL, {}));
    for (let i = 0; i < 3; i++) offered.push(await hooks.onAuthFailure?.(URL, {}));
    expect(offered).toEqual([
      { username: 'tandem', password: 'env-token' },
      { username: 'tandem', password: 'stored' },
      { username: 'helper-user', password: 'helper-secret' },
      undefined,
    ]);
  });
});
