/**
 * `tandem init <dir> [--ci github|gitlab]`: a new library with a small starter college, its
 * own README, a Git repository with a first commit and, with --ci, a workflow that checks the
 * library and publishes the website and prospectus on every push to main.
 */
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const STARTER = path.join(repoRoot, 'templates', 'starter-library');
const CI_TEMPLATES = path.join(repoRoot, 'templates', 'ci');

export type CiHost = 'github' | 'gitlab';

/** Where each host looks for its workflow, and the README paragraph that explains it. */
const CI: Record<CiHost, { template: string; target: string; readme: string }> = {
  github: {
    template: 'github-pages.yml',
    target: '.github/workflows/publish.yml',
    readme:
      'Every push to `main` runs `.github/workflows/publish.yml` on GitHub: it checks the library,\n' +
      'builds the website and the prospectus, and publishes them with GitHub Pages. Turn Pages on\n' +
      'once: Settings → Pages → Source: GitHub Actions.',
  },
  gitlab: {
    template: 'gitlab-pages.yml',
    target: '.gitlab-ci.yml',
    readme:
      'Every push to `main` runs `.gitlab-ci.yml` on GitLab: it checks the library, builds the\n' +
      'website and the prospectus, and publishes them with GitLab Pages (Deploy → Pages shows\n' +
      'the address).',
  },
};

/** Registers `tandem init`. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Start a new library: a small starter college, ready for Git and for publishing.')
    .argument('<dir>', 'the new library folder (must be empty or not exist yet)')
    .addOption(new Option('--ci <host>', 'add a publishing workflow').choices(['github', 'gitlab']))
    .action(async (dir: string, options: { ci?: CiHost }) => {
      try {
        await initLibrary(path.resolve(dir), options.ci);
        process.stdout.write(
          `Made a new library in ${dir}.\nNext: open it in Tandem, or run \`tandem check ${dir}\`.\n` +
            'To share it, make an empty repository on your Git host and add it as the remote "origin".\n',
        );
      } catch (error) {
        process.stderr.write(`tandem init: ${(error as Error).message}\n`); // cast: thrown values here are Errors
        process.exitCode = 1;
      }
    });
}

/** Writes the starter library into `dir` and makes its first commit. */
export async function initLibrary(dir: string, ci?: CiHost): Promise<void> {
  // Loaded here, not at start-up: the Git engine is large and only this command needs it.
  const { commitIndex, initRepository, stagePaths, workingChanges } =
    await import('../../sync/git-engine.js');
  const { LOCAL_ONLY_PATTERNS } = await import('../../sync/sync-library.js');
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0) throw new Error(`${dir} is not empty; choose a new folder.`);
  await cp(STARTER, dir, { recursive: true, errorOnExist: true });
  const version = (
    JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version; // cast: Tandem's own package.json
  if (ci) {
    const host = CI[ci];
    const workflow = await readFile(path.join(CI_TEMPLATES, host.template), 'utf8');
    const target = path.join(dir, host.target);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, workflow.replaceAll('__TANDEM_VERSION__', version));
    const readme = path.join(dir, 'README.md');
    await writeFile(readme, `${await readFile(readme, 'utf8')}\n## Publishing\n\n${host.readme}\n`);
  }
  await writeFile(
    path.join(dir, '.gitignore'),
    `# Built website and prospectus\nbuild/\npublic/\n${LOCAL_ONLY_PATTERNS.join('\n')}\n`,
  );
  await initRepository(dir);
  const changes = await workingChanges(dir);
  await stagePaths(
    dir,
    changes.map((change) => change.path),
  );
  await commitIndex(dir, 'Started the library with a small starter college', {
    name: 'Tandem',
    email: '',
  });
}
