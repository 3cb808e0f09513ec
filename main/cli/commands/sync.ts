/**
 * `tandem sync [library]`: sends this person's changes to the shared library and brings in
 * everyone else's. Exit 0 when in step; 1 when a person must decide about files both sides
 * changed (each is listed); 2 when the sync could not run (offline, sign-in refused…).
 */
import path from 'node:path';
import type { Command } from 'commander';
import type { SyncOutcome } from '../../sync/sync-library.js';

/** Registers `tandem sync`. */
export function registerSync(program: Command): void {
  program
    .command('sync')
    .description(
      "Send your changes to the library's shared copy in Git and bring in everyone else's.",
    )
    .argument('[library]', 'the library folder (a Git working copy)', '.')
    .action(async (library: string) => {
      process.exitCode = await runSync(library);
    });
}

/** Runs one sync and prints what happened; returns the exit code. */
export async function runSync(library: string): Promise<number> {
  const dir = path.resolve(library);
  // Loaded here, not at start-up: the Git engine is large and only this command needs it.
  const [{ credentialHooks }, { syncAuthor }, { SyncError }, { syncLibrary }] = await Promise.all([
    import('../../sync/git-credentials.js'),
    import('../../sync/sync-author.js'),
    import('../../sync/sync-errors.js'),
    import('../../sync/sync-library.js'),
  ]);
  try {
    const outcome = await syncLibrary(dir, {
      author: await syncAuthor(dir),
      auth: credentialHooks(),
    });
    process.stdout.write(report(outcome, library));
    return outcome.state === 'in-step' ? 0 : 1;
  } catch (error) {
    const message = error instanceof SyncError ? error.message : String(error);
    process.stderr.write(`tandem sync: ${message}\n`);
    return 2;
  }
}

const files = (n: number): string => `${n} ${n === 1 ? 'file' : 'files'}`;

function report(outcome: SyncOutcome, library: string): string {
  if (outcome.state === 'in-step') {
    return `In step with the shared library: sent ${files(outcome.sent)}, received ${files(outcome.received)}.\n`;
  }
  const shown = (file: string) => path.join(library, file).split(path.sep).join('/');
  const lines = outcome.conflicts.map(
    (conflict) => `  ${shown(conflict.path)}\n    their version: ${shown(conflict.theirsPath)}`,
  );
  return (
    'You and someone else changed the same lines. Nothing is lost: your version is in each file,\n' +
    'theirs is beside it. Keep what you want in your file, delete their copy, then sync again.\n' +
    `${lines.join('\n')}\n`
  );
}
