import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initRepository } from '../../main/sync/git-engine.js';
import { syncAuthor } from '../../main/sync/sync-author.js';

let home: string;
let repo: string;
let configDir: string;

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'tandem-author-'));
  repo = path.join(home, 'library');
  configDir = path.join(home, 'tandem-config');
  await mkdir(repo);
  await initRepository(repo);
});
afterEach(() => rm(home, { recursive: true, force: true }));

const gitConfig = (name: string, email: string) => `[user]\n\tname = ${name}\n\temail = ${email}\n`;
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  HOME: home,
  XDG_CONFIG_HOME: path.join(home, 'xdg'),
  ...extra,
});

describe('syncAuthor without a Tandem profile', () => {
  it.each([
    {
      what: 'the working copy wins over the person’s own settings',
      files: {
        'library/.git/config': gitConfig('Repo Name', 'repo@example.org'),
        '.gitconfig': gitConfig('Home Name', 'home@example.org'),
      },
      expected: { name: 'Repo Name', email: 'repo@example.org' },
    },
    {
      what: '~/.gitconfig is used when the working copy has no name',
      files: { '.gitconfig': gitConfig('Amira Hassan', 'amira@example.org') },
      expected: { name: 'Amira Hassan', email: 'amira@example.org' },
    },
    {
      what: '$XDG_CONFIG_HOME/git/config comes after ~/.gitconfig',
      files: { 'xdg/git/config': gitConfig('Sam Okafor', 'sam@example.org') },
      expected: { name: 'Sam Okafor', email: 'sam@example.org' },
    },
    {
      what: 'nothing set anywhere gives a plain name and no email',
      files: {},
      expected: { name: 'A Tandem user', email: '' },
    },
  ])('$what', async ({ files, expected }) => {
    for (const [file, text] of Object.entries(files)) {
      const target = path.join(home, file);
      if (file.startsWith('library/.git/')) {
        await appendFile(target, text); // keep what `git init` wrote
        continue;
      }
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text);
    }
    expect(await syncAuthor(repo, { configDir, env: env() })).toEqual(expected);
  });

  it('reads GIT_CONFIG_GLOBAL instead of the usual files when it is set', async () => {
    await writeFile(path.join(home, '.gitconfig'), gitConfig('Not Me', 'not@example.org'));
    const other = path.join(home, 'elsewhere.ini');
    await writeFile(other, gitConfig('Jo Brown', 'jo@example.org'));
    expect(await syncAuthor(repo, { configDir, env: env({ GIT_CONFIG_GLOBAL: other }) })).toEqual({
      name: 'Jo Brown',
      email: 'jo@example.org',
    });
  });
});
