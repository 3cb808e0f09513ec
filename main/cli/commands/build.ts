/**
 * `tandem build [library]`: publishes the term's student site and prospectus PDFs, then says
 * where they are, which courses were left out and why, and any problems as
 * `path:line:column: message`. Exits with 1 when the library is invalid or an output failed.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option } from 'commander';
import type { Command } from 'commander';
import { formatProblem } from '../../format/problems.js';
import type { BuildOptions, BuildProgress, BuildResult, PaperSize } from '../../publish/types.js';
import { printable } from '../printable.js';
import { writeErr, writeOut } from '../output.js';

interface BuildFlags {
  term?: string;
  out: string;
  only?: 'site' | 'pdf';
  paper: PaperSize;
  largePrint?: boolean;
  booklet?: boolean;
  facilitatorPacks: boolean;
  draft?: boolean;
  watch?: boolean;
}

/** Registers `tandem build` on the program. */
export function registerBuild(program: Command): void {
  program
    .command('build')
    .description("Publish a term's student website and prospectus PDFs from a course library.")
    .argument('[library]', 'the library folder', './courses')
    .option('--term <id>', "the term to publish (default: college.yml's currentTerm)")
    .option('--out <dir>', 'the output folder', './dist')
    .addOption(
      new Option('--only <output>', 'build only the site or only the PDFs').choices([
        'site',
        'pdf',
      ]),
    )
    .addOption(
      new Option('--paper <size>', 'paper size of the prospectus')
        .choices(['A4', 'A5'])
        .default('A4'),
    )
    .option('--large-print', 'make the prospectus in large print')
    .option('--booklet', 'also make an A5 booklet imposed for printing and folding')
    .option('--no-facilitator-packs', 'do not make facilitator packs')
    .option('--draft', 'include courses not yet signed off, clearly marked as drafts')
    .option('--watch', 'build again whenever a library file changes, until stopped (Ctrl+C)')
    .action(async (library: string, flags: BuildFlags) => {
      process.exitCode = await runBuild(library, flags);
    });
}

/** A progress reporter: one updating line on a terminal, plain lines (one per stage) otherwise. */
function progressReporter(stream: NodeJS.WriteStream): {
  report: (p: BuildProgress) => void;
  finish: () => void;
} {
  if (stream.isTTY) {
    let shown = false;
    return {
      report(p) {
        if (p.phase === 'done') return;
        const width = Math.max(20, (stream.columns || 80) - 1);
        const count = p.total > 1 ? ` (${p.done}/${p.total})` : '';
        stream.write(`\r\x1b[2K${printable(`${p.message}${count}`).slice(0, width)}`);
        shown = true;
      },
      finish() {
        if (shown) stream.write('\r\x1b[2K');
      },
    };
  }
  const phaseLines: Record<BuildProgress['phase'], string> = {
    load: 'Reading the library…',
    site: 'Making the website…',
    pdf: 'Making the PDFs…',
    'facilitator-packs': 'Making the facilitator packs…',
    done: '',
  };
  let lastPhase = '';
  return {
    report(p) {
      if (p.phase === lastPhase || p.phase === 'done') return;
      lastPhase = p.phase;
      stream.write(`${phaseLines[p.phase]}\n`);
    },
    finish() {},
  };
}

/** Runs a build and prints the report; returns the exit code. */
export async function runBuild(library: string, flags: BuildFlags): Promise<number> {
  const root = path.resolve(library);
  const isFolder = await stat(root).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isFolder) {
    writeErr(`tandem build: there is no library folder at ${library}\n`);
    return 1;
  }
  const options: BuildOptions = {
    ...(flags.term !== undefined ? { termId: flags.term } : {}),
    outDir: path.resolve(flags.out),
    ...(flags.only ? { only: flags.only } : {}),
    paper: flags.paper,
    largePrint: flags.largePrint ?? false,
    booklet: flags.booklet ?? false,
    facilitatorPacks: flags.facilitatorPacks,
    draft: flags.draft ?? false,
  };
  const { BuildSession } = await import('../../publish/build.js');
  const session = new BuildSession(root, options, { rebuilds: flags.watch === true });
  const progress = progressReporter(process.stderr);
  let summary = '';
  const result = await session.build((p) => {
    if (p.phase === 'done') summary = p.message;
    progress.report(p);
  });
  progress.finish();
  writeOut(buildReport(result, root, summary));
  if (!flags.watch) return result.ok ? 0 : 1;
  const { watchBuilds } = await import('./build-watch.js');
  return watchBuilds(session, { root, label: library, outDir: options.outDir });
}

/** The text printed after a build. */
export function buildReport(result: BuildResult, root: string, summary: string): string {
  const lines: string[] = [];
  if (summary) lines.push(summary, '');
  const label = (name: string): string => `${name}:`.padEnd(20);
  if (result.siteDir) {
    lines.push(`${label('Website')}${result.siteDir}`);
    lines.push(
      `${label('Open in a browser')}${pathToFileURL(path.join(result.siteDir, 'index.html')).href}`,
    );
  }
  if (result.prospectusPdf) lines.push(`${label('Prospectus')}${result.prospectusPdf}`);
  if (result.bookletPdf) lines.push(`${label('Booklet')}${result.bookletPdf}`);
  if (result.facilitatorPacks.length > 0) {
    lines.push(
      `${label('Facilitator packs')}${result.facilitatorPacks.length} in ${path.dirname(result.facilitatorPacks[0] ?? '')}`,
    );
  }
  lines.push(...findingLines(result, root));
  return `${lines.join('\n')}\n`;
}

/**
 * What a build left out, the problems it found and what stopped it, as lines of its report;
 * `watching`: the build runs again by itself after the next save (`--watch`).
 */
export function findingLines(result: BuildResult, root: string, watching = false): string[] {
  const lines: string[] = [];
  if (result.excluded.length > 0) {
    lines.push('', `Left out (${result.excluded.length}), not yet ready to publish:`);
    for (const e of result.excluded) lines.push(`  - ${e.title} (${e.courseId}): ${e.reason}`);
    if (result.excluded.some((e) => e.cause === 'sign-off')) {
      lines.push('  Use --draft to preview those awaiting sign-off, clearly marked as drafts.');
    }
  }
  for (const severity of ['error', 'warning'] as const) {
    const problems = result.problems.filter((p) => p.severity === severity);
    if (problems.length === 0) continue;
    lines.push('', severity === 'error' ? 'Errors:' : 'Warnings:');
    for (const problem of problems) {
      // Relative to the current folder, so terminals and editors turn each line into a link.
      const where = path
        .relative(process.cwd(), path.join(root, problem.file))
        .split(path.sep)
        .join('/');
      lines.push(formatProblem(problem, where));
    }
  }
  if (result.errors.length > 0) {
    lines.push('', 'Could not finish:');
    for (const error of result.errors) lines.push(`  - ${error}`);
  }
  if (!result.ok && result.problems.some((p) => p.severity === 'error')) {
    lines.push(
      '',
      watching
        ? 'Nothing was published this time: fix the errors above and save, and it builds again.'
        : 'Nothing was published: fix the errors above, then build again.',
    );
  }
  return lines;
}
