/** `tandem keys create|show --trainer ID`: the trainer's own sign-off key pair. */
import type { Command } from 'commander';
import { createTrainerKey, loadTrainerKey } from '../../signoff/key-store.js';
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

  keys
    .command('create')
    .description('Make your sign-off key pair and print the public key for trainers.yml.')
    .requiredOption('--trainer <id>', 'your trainer id in trainers.yml')
    .action(async (options: { trainer: string }) => {
      try {
        const info = await createTrainerKey(options.trainer);
        const today = new Date().toISOString().slice(0, 10);
        writeOut(
          `Private key saved to ${info.privateKeyPath} (readable only by you; keep it there).\n\n` +
            `Public key line:\n${info.publicKeyLine}\n\n` +
            `Add it under your entry in trainers.yml:\n${rosterSnippet(options.trainer, info.publicKeyLine, today)}\n`,
        );
      } catch (error) {
        writeErr(`${(error as Error).message}\n`); // cast: thrown values here are Errors
        process.exitCode = 1;
      }
    });

  keys
    .command('show')
    .description('Print the public key line of the key already on this computer.')
    .requiredOption('--trainer <id>', 'your trainer id in trainers.yml')
    .action(async (options: { trainer: string }) => {
      try {
        const info = await loadTrainerKey(options.trainer);
        writeOut(`${info.publicKeyLine}\n`);
      } catch (error) {
        writeErr(`${(error as Error).message}\n`); // cast: thrown values here are Errors
        process.exitCode = 1;
      }
    });
}
