/** `tandem diff COURSE --since ID`: what changed since a trainer last signed off. */
import type { Command } from 'commander';
import { styleText } from 'node:util';
import { formatFileDiffs, type Paint } from '../format-file-diffs.js';
import { writeErr, writeOut, writeStyled } from '../output.js';

/** Registers `tandem diff`. */
export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('Show what changed in a course since a trainer last signed it off.')
    .argument('<course>', 'course id (its folder name)')
    .requiredOption('--since <id>', 'trainer id whose last sign-off to compare with')
    .option('--library <dir>', 'library folder', 'courses')
    .action(async (courseId: string, options: { since: string; library: string }) => {
      try {
        const [{ openLibrary }, { diffSinceSignoff }] = await Promise.all([
          import('../../signoff/open-library.js'),
          import('../../signoff/diff-since.js'),
        ]);
        const { library } = await openLibrary(options.library);
        const diffs = await diffSinceSignoff(library, courseId, options.since);
        if (diffs.length === 0) {
          writeOut(`Nothing has changed in ${courseId} since ${options.since} signed it off.\n`);
          return;
        }
        const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        const paint: Paint = (style, text) => (colour ? styleText(style, text) : text);
        writeStyled(formatFileDiffs(diffs, paint));
      } catch (error) {
        writeErr(`${(error as Error).message}\n`); // cast: thrown values here are Errors
        process.exitCode = 1;
      }
    });
}
