/**
 * PDF timings: the prospectus of the sample library (also with booklet and facilitator packs)
 * and of a generated 1,000-course library, printed with the real browser search and Chromium.
 *
 * Run: `npm run bench -- pdf [--courses N]` (default 1000), or
 * `npx tsx tests/bench/bench-pdf.ts [--courses N]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFile } from 'node:fs/promises';
import { loadLibrary } from '../../main/library/load-library.js';
import { assemblePublishContext, pickTerm } from '../../main/publish/assemble-context.js';
import { buildPdfOutputs } from '../../main/publish/pdf/build-pdf-outputs.js';
import type { BuildOptions } from '../../main/publish/types.js';
import type { Bench } from './bench.js';
import { argValue } from './bench.js';
import { defaultGenerateOptions, generateLibrary } from './generate-library.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface PdfBenchResult {
  library: string;
  courses: number;
  what: string;
  pages: number;
  seconds: number;
}

async function pageCount(file: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 })
    .promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

async function timeBuild(
  label: string,
  root: string,
  outDir: string,
  what: string,
  options: Partial<BuildOptions>,
): Promise<PdfBenchResult> {
  const { library, problems } = await loadLibrary(root);
  if (!library)
    throw new Error(`${label} did not load: ${problems[0]?.message ?? 'unknown problem'}`);
  const picked = pickTerm(library, undefined);
  if ('error' in picked) throw new Error(picked.error);
  const ctx = assemblePublishContext({
    library,
    term: picked.term,
    courses: library.courses,
    statuses: new Map(),
    builtAt: new Date(),
    options: {
      outDir,
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: false,
      ...options,
    },
  });
  const started = performance.now();
  const outputs = await buildPdfOutputs(ctx);
  const seconds = (performance.now() - started) / 1000;
  if (outputs.errors.length > 0) throw new Error(outputs.errors.join('\n'));
  return {
    library: label,
    courses: library.courses.length,
    what,
    pages: await pageCount(outputs.prospectusPdf ?? ''),
    seconds: Math.round(seconds * 100) / 100,
  };
}

/** Runs every PDF measurement and returns the results. */
export async function benchPdf(
  courses = defaultGenerateOptions.courses,
): Promise<PdfBenchResult[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'tandem-bench-pdf-'));
  try {
    const results: PdfBenchResult[] = [];
    const sample = path.join(repo, 'courses');
    results.push(await timeBuild('sample', sample, path.join(work, 'sample'), 'prospectus', {}));
    results.push(
      await timeBuild(
        'sample',
        sample,
        path.join(work, 'sample-all'),
        'prospectus + A5 booklet + packs',
        {
          booklet: true,
          facilitatorPacks: true,
        },
      ),
    );
    const generated = path.join(work, 'generated');
    await generateLibrary(generated, { ...defaultGenerateOptions, courses });
    results.push(
      await timeBuild('generated', generated, path.join(work, 'generated-out'), 'prospectus', {}),
    );
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Formats the results as one line per measurement. */
export function formatPdfBench(results: PdfBenchResult[]): string {
  return results
    .map(
      (r) =>
        `${r.library} (${r.courses} courses), ${r.what}: ${r.seconds.toFixed(2)} s, ` +
        `${r.pages} prospectus pages (${((r.seconds * 1000) / r.pages).toFixed(0)} ms a page)`,
    )
    .join('\n');
}

export const pdfBench: Bench = {
  name: 'pdf',
  description: 'prospectus PDF time for the sample library and a generated 1,000-course library',
  async run(args) {
    const courses = Number(argValue(args, '--courses') ?? defaultGenerateOptions.courses);
    return formatPdfBench(await benchPdf(courses));
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const courses = Number(argValue(process.argv, '--courses') ?? defaultGenerateOptions.courses);
  console.log(formatPdfBench(await benchPdf(courses)));
}
