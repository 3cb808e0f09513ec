/** `tandem status [library] [--json]`: where every course stands in sign-off. */
import type { Command } from 'commander';
import { styleText } from 'node:util';
import { formatStatus, type Style } from '../format-status.js';
import { printable } from '../printable.js';
import type { CourseStatus } from '../../signoff/types.js';
import { writeErr, writeJson, writeStyled } from '../output.js';

/** Registers `tandem status`. */
export function registerStatus(program: Command): void {
  program
    .command('status')
    .description('Show the sign-off status of every course.')
    .argument('[library]', 'library folder', 'courses')
    .option('--json', 'print the statuses as JSON')
    .action(async (dir: string, options: { json?: boolean }) => {
      try {
        const [{ openLibrary }, { getCourseStatus }] = await Promise.all([
          import('../../signoff/open-library.js'),
          import('../../signoff/course-status.js'),
        ]);
        const { library, problems } = await openLibrary(dir);
        const statuses: CourseStatus[] = [];
        const failures: { courseId: string; message: string }[] = [];
        for (const course of library.courses) {
          try {
            statuses.push(await getCourseStatus(library, course.id));
          } catch (error) {
            failures.push({ courseId: course.id, message: (error as Error).message }); // cast: thrown values here are Errors
          }
        }
        if (options.json) {
          writeJson({ courses: statuses, failures });
          return;
        }
        const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        const paint = (style: Style, text: string): string =>
          colour ? styleText(style, text) : text;
        const blocks = statuses.map((s) => formatStatus(s, paint));
        for (const failure of failures) {
          blocks.push(
            `${paint('bold', failure.courseId)}  ${paint('red', `status unknown: ${printable(failure.message)}`)}`,
          );
        }
        const counts = (['ready', 'awaiting', 'changed', 'draft'] as const)
          .map((state) => `${statuses.filter((s) => s.state === state).length} ${state}`)
          .join(', ');
        const errorCount = problems.filter((p) => p.severity === 'error').length;
        const errorNote = errorCount
          ? `\nThe library has ${errorCount} error(s); courses they stop loading are not shown.`
          : '';
        writeStyled(
          `${blocks.join('\n\n')}\n\n${library.courses.length} courses: ${counts}${errorNote}\n`,
        );
      } catch (error) {
        writeErr(`${(error as Error).message}\n`); // cast: thrown values here are Errors
        process.exitCode = 1;
      }
    });
}
