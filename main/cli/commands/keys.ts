/** `tandem keys create|show --trainer ID`: the trainer's own sign-off key pair. */
import type { Command } from 'commander';
import { writeErr, writeOut } from '../output.js';

function rosterSnippet(trainerId: string, publicKeyLine: string, added: string): string {
  return [
    `  - id: ${trainerId}`,
    '    …',
    '    keys:',
    `      - publicKey: ${publicKeyLine}`,
    `        added: ${added}`,
  ].join('\n');
}

/** Registers `tandem keys`. */
export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description(
      'Manage your sign-off key (kept in your own config folder, never in the library).',
    );

  keyCommand(
    keys,
    'create',
    'Make your sign-off key pair and print the public key for trainers.yml.',
    async (trainerId) => {
      const { createTrainerKey } = await import('../../signoff/key-store.js');
      const info = await createTrainerKey(trainerId);
      const today = new Date().toISOString().slice(0, 10);
      return (
        `Private key saved to ${info.privateKeyPath} (readable only by you; keep it there).\n\n` +
        `Public key line:\n${info.publicKeyLine}\n\n` +
        `Add it under your entry in trainers.yml:\n${rosterSnippet(trainerId, info.publicKeyLine, today)}\n`
      );
    },
  );
  keyCommand(
    keys,
    'show',
    'Print the public key line of the key already on this computer.',
    async (trainerId) => {
      const { loadTrainerKey } = await import('../../signoff/key-store.js');
      return `${(await loadTrainerKey(trainerId)).publicKeyLine}\n`;
    },
  );
}

/** A `tandem keys` subcommand for one trainer: prints what `run` returns, or why it failed. */
function keyCommand(
  keys: Command,
  name: string,
  description: string,
  run: (trainerId: string) => Promise<string>,
): void {
  keys
    .command(name)
    .description(description)
    .requiredOption('--trainer <id>', 'your trainer id in trainers.yml')
    .action(async (options: { trainer: string }) => {
      try {
        writeOut(await run(options.trainer));
      } catch (error) {
        writeErr(`${(error as Error).message}\n`); // cast: thrown values here are Errors
        process.exitCode = 1;
      }
    });
}
