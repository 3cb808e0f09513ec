/**
 * `tandem term new <id> --from <term> --starts <date>`: copies a term to a new start date,
 * moving sessions off public holidays, and prints every session it moved.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../fs/write-file-atomic.js';

interface TermNewOptions {
  from: string;
  starts: string;
  title?: string;
  library: string;
}

/** Registers `tandem term`. */
export function registerTerm(program: Command): void {
  const term = program.command('term').description('Plan terms.');
  term
    .command('new')
    .description('Make a new term by copying another one to a new start date.')
    .argument('<id>', 'the new term id, like summer-2027')
    .requiredOption('--from <term>', 'the term to copy')
    .requiredOption('--starts <date>', 'first day of the new term, YYYY-MM-DD')
    .option('--title <text>', 'the new term title')
    .option('--library <dir>', 'the library folder', './courses')
    .action(async (id: string, options: TermNewOptions) => {
      process.exitCode = await runTermNew(id, options);
    });
}

async function runTermNew(id: string, options: TermNewOptions): Promise<number> {
  const { TermCopyError, describeCopy, planTermCopy } = await import('../../planning/copy-term.js');
  const root = path.resolve(options.library);
  try {
    const copy = await planTermCopy(root, {
      id,
      fromTermId: options.from,
      starts: options.starts,
      ...(options.title !== undefined && { title: options.title }),
    });
    const file = path.join(root, copy.file);
    if (await stat(file).catch(() => undefined)) {
      throw new TermCopyError(`${copy.file} already exists; choose another term id`);
    }
    await writeFileAtomic(file, copy.text);
    const lines = describeCopy(copy);
    process.stdout.write(
      [
        `wrote ${path.join(options.library, copy.file).split(path.sep).join('/')}: ${copy.title}, ${copy.starts} to ${copy.ends}, ${copy.runCount} runs, ${copy.sessionCount} sessions`,
        ...lines,
        lines.length === 0 ? 'no session fell on a public holiday' : '',
      ]
        .filter(Boolean)
        .join('\n') + '\n',
    );
    return 0;
  } catch (error) {
    if (!(error instanceof TermCopyError)) throw error;
    process.stderr.write(`tandem term new: ${error.message}\n`);
    return 1;
  }
}
