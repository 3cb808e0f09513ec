/** `tandem signoff COURSE --as ID`: sign off the current version of a course. */
import type { Command } from 'commander';
import { writeErr, writeOut } from '../output.js';

/** Registers `tandem signoff`. */
export function registerSignoff(program: Command): void {
  program
    .command('signoff')
    .description('Sign off the current version of a course as one of its authors.')
    .argument('<course>', 'course id (its folder name)')
    .requiredOption('--as <id>', 'your trainer id')
    .option('--comment <text>', 'a short note kept with your sign-off')
    .option('--library <dir>', 'library folder', 'courses')
    .action(
      async (courseId: string, options: { as: string; comment?: string; library: string }) => {
        try {
          const [{ openLibrary }, { signCourse }] = await Promise.all([
            import('../../signoff/open-library.js'),
            import('../../signoff/sign-course.js'),
          ]);
          const { library } = await openLibrary(options.library);
          const status = await signCourse(library, courseId, options.as, {
            comment: options.comment,
          });
          writeOut(
            `Signed off ${courseId} (version ${status.version.slice(0, 19)}…) as ${options.as}.\n` +
              `Status now: ${status.label}\n`,
          );
        } catch (error) {
          writeErr(`${(error as Error).message}\n`); // cast: thrown values here are Errors
          process.exitCode = 1;
        }
      },
    );
}
