/**
 * The live preview after a save: in one long-running back end (as the app and `tandem serve`
 * are), a module file is changed on disk and its student page is asked for, until the page
 * shows the change. Measured on the sample college and on generated libraries.
 *
 * Options: `--preview-courses N[,N…]` (default 100,1000), `--runs N` (default 5).
 */
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApiHandlers } from '../../main/api/handlers/create-api-handlers.js';
import type { PreviewPage } from '../../main/api/contract.js';
import type { Bench } from './bench.js';
import { argValue, seconds } from './bench.js';
import { defaultGenerateOptions, generateLibrary } from './generate-library.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Times `runs` edits of `moduleFile`, each followed by a preview of its page (after a warm-up). */
async function timePreviews(root: string, page: PreviewPage, moduleFile: string, runs: number) {
  const api = createApiHandlers({ root }).handlers;
  await api.previewPage(page); // the first one loads the pipeline's code
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const sentence = `Preview check number ${i + 1}.`;
    await appendFile(path.join(root, moduleFile), `\n${sentence}\n`);
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const preview = await api.previewPage(page);
    times.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    if (!preview.ok || !preview.html.includes(sentence)) {
      throw new Error(`the preview of ${moduleFile} did not show the edit`);
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { best: Math.min(...times), median: median(times), cpu: median(cpu) };
}

/** `npm run bench -- preview`. */
export const previewBench: Bench = {
  name: 'preview',
  description: 'live preview of a session page after a save, in a running back end',
  async run(args) {
    const sizes = (argValue(args, '--preview-courses') ?? '100,1000').split(',').map(Number);
    const runs = Number(argValue(args, '--runs') ?? 5);
    const lines = [
      `preview: ${runs} saves each, then the page (target: at most 0.5 s; CPU time is steadier on a busy machine)`,
    ];
    const report = (label: string, r: { best: number; median: number; cpu: number }) => {
      lines.push(
        `  ${label}: median ${seconds(r.median)} (CPU ${seconds(r.cpu)}), best ${seconds(r.best)}`,
      );
      process.stdout.write(`${lines.at(-1)}\n`);
    };
    const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-preview-'));
    try {
      const sample = path.join(dir, 'sample');
      await cp(path.join(repoRoot, 'courses'), sample, { recursive: true });
      report(
        'sample college',
        await timePreviews(
          sample,
          { page: 'module', courseId: 'understanding-anxiety', file: '01-what-is-anxiety.md' },
          'understanding-anxiety/modules/01-what-is-anxiety.md',
          runs,
        ),
      );
      for (const courses of sizes) {
        const library = path.join(dir, `library-${courses}`);
        await generateLibrary(library, { ...defaultGenerateOptions, courses });
        report(
          `${courses.toLocaleString('en-GB')} courses`,
          await timePreviews(
            library,
            { page: 'module', courseId: 'course-0001', file: '01-session-1.md' },
            'course-0001/modules/01-session-1.md',
            runs,
          ),
        );
        await rm(library, { recursive: true, force: true });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return '';
  },
};
