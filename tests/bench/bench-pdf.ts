/**
 * PDF timings: the prospectus of the sample library (also with booklet and facilitator packs)
 * and of a generated 1,000-course library, printed with the real browser search and Chromium.
 * Each prospectus is set against its peer: one plain Chromium print of the same final HTML
 * (same browser switches, same paper, tagged with bookmarks like the prospectus), from starting
 * the browser to closing it, as the prospectus is timed. Each run prints into an empty output
 * folder (so the measuring print is always made), then reprints the unchanged prospectus into
 * that folder, which needs no measuring print (known-anchor-pages.ts). Best of `--runs`
 * (default 2), run in turns so a busy machine slows all alike.
 *
 * Run: `npm run bench -- pdf [--courses N] [--runs N]` (default 1000 courses), or
 * `npx tsx tests/bench/bench-pdf.ts [--courses N] [--runs N]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readdir, readFile } from 'node:fs/promises';
import { loadLibrary } from '../../main/library/load-library.js';
import { assemblePublishContext, pickTerm } from '../../main/publish/assemble-context.js';
import {
  buildPdfOutputs,
  prospectusDocument,
  prospectusPrintOptions,
} from '../../main/publish/pdf/build-pdf-outputs.js';
import { findBrowser } from '../../main/publish/pdf/find-browser.js';
import type { PdfRenderer } from '../../main/publish/pdf/pdf-renderer.js';
import { libraryVersion } from '../../main/publish/pdf/library-version.js';
import { launchPuppeteerRenderer } from '../../main/publish/pdf/puppeteer-pdf-renderer.js';
import { readAnchorPages } from '../../main/publish/pdf/resolve-page-numbers.js';
import { systemBrowserSearch } from '../../main/publish/pdf/system-browser-search.js';
import type { BuildOptions, PublishContext } from '../../main/publish/types.js';
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
  /** CPU seconds of Tandem and the browser together. */
  cpuSeconds: number;
  /** One plain print of the same final HTML, when measured. */
  plain?: Timing;
  /** The same outputs again into the same folder, content unchanged, when measured. */
  reprint?: Timing;
}

async function pageCount(file: string): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 })
    .promise;
  const n = doc.numPages;
  await doc.destroy();
  return n;
}

async function loadContext(
  label: string,
  root: string,
  outDir: string,
  options: Partial<BuildOptions>,
): Promise<PublishContext> {
  const { library, problems } = await loadLibrary(root);
  if (!library)
    throw new Error(`${label} did not load: ${problems[0]?.message ?? 'unknown problem'}`);
  const picked = pickTerm(library, undefined);
  if ('error' in picked) throw new Error(picked.error);
  return assemblePublishContext({
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
}

/** Wall and CPU seconds of one measurement, with two decimals. */
interface Timing {
  seconds: number;
  cpuSeconds: number;
}

/** CPU seconds used so far by each live descendant of this process (Chromium's processes). */
async function descendantCpu(): Promise<Map<number, number>> {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length < 13) continue;
    parents.set(Number(entry), Number(fields[1]));
    cpu.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / 100);
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at))
      if (at === process.pid) return true;
    return false;
  };
  return new Map([...cpu].filter(([pid]) => isDescendant(pid)));
}

/**
 * Measures `work` in wall time and in CPU time (this process and the browser's processes),
 * calling `sample` just before the browser closes. On a machine shared with other work the CPU
 * time is the steadier of the two.
 */
async function timed(work: (sample: () => Promise<void>) => Promise<void>): Promise<Timing> {
  const before = await descendantCpu();
  const started = performance.now();
  const nodeStart = process.cpuUsage();
  let browserCpu = 0;
  await work(async () => {
    for (const [pid, used] of await descendantCpu()) browserCpu += used - (before.get(pid) ?? 0);
  });
  const node = process.cpuUsage(nodeStart);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    seconds: round((performance.now() - started) / 1000),
    cpuSeconds: round((node.user + node.system) / 1e6 + browserCpu),
  };
}

/** Wraps a renderer so `sample` runs just before it closes its browser. */
function sampledBeforeClose(renderer: PdfRenderer, sample: () => Promise<void>): PdfRenderer {
  return {
    ...renderer,
    async close() {
      await sample();
      await renderer.close();
    },
  };
}

/** Times the PDF outputs of `ctx`; returns the timing and the prospectus file. */
async function timeOutputs(
  ctx: PublishContext,
  browser: string,
): Promise<Timing & { file: string }> {
  let file = '';
  const timing = await timed(async (sample) => {
    const outputs = await buildPdfOutputs(ctx, {
      openRenderer: async () => sampledBeforeClose(await launchPuppeteerRenderer(browser), sample),
    });
    if (outputs.errors.length > 0) throw new Error(outputs.errors.join('\n'));
    file = outputs.prospectusPdf ?? '';
  });
  return { ...timing, file };
}

/**
 * The peer: the final HTML of the prospectus in `file` (its numbers read back from the PDF),
 * printed once by a browser started for it, as the prospectus's is.
 */
async function timePlainPrint(ctx: PublishContext, file: string, browser: string): Promise<Timing> {
  const { pages } = await readAnchorPages(new Uint8Array(await readFile(file)));
  const version = await libraryVersion(ctx.library.root, [ctx.options.outDir]);
  const html = prospectusDocument(ctx, version, ctx.options.paper).html(pages);
  return timed(async (sample) => {
    const renderer = sampledBeforeClose(await launchPuppeteerRenderer(browser), sample);
    try {
      await renderer.renderPdf(html, prospectusPrintOptions(ctx, ctx.options.paper));
    } finally {
      await renderer.close();
    }
  });
}

/** The browser the default search finds, launched the same way for the prospectus and its peer. */
async function benchBrowser(): Promise<string> {
  const choice = await findBrowser(systemBrowserSearch(false));
  if (choice.kind !== 'executable') throw new Error('The PDF bench needs an installed browser.');
  return choice.path;
}

/** Best of `runs` turns of the outputs and, when `withPeer`, the plain print after each. */
async function measure(
  label: string,
  root: string,
  outDir: string,
  what: string,
  options: Partial<BuildOptions>,
  runs: number,
  withPeer: boolean,
): Promise<PdfBenchResult> {
  const ctx = await loadContext(label, root, outDir, options);
  const browser = await benchBrowser();
  const best = { seconds: Infinity, cpuSeconds: Infinity };
  const plain = { seconds: Infinity, cpuSeconds: Infinity };
  const keepBest = (into: Timing, timing: Timing) => {
    into.seconds = Math.min(into.seconds, timing.seconds);
    into.cpuSeconds = Math.min(into.cpuSeconds, timing.cpuSeconds);
  };
  const reprint = { seconds: Infinity, cpuSeconds: Infinity };
  let file = '';
  for (let run = 0; run < runs; run += 1) {
    // A folder of its own, so nothing is known from an earlier print.
    const runCtx = { ...ctx, options: { ...ctx.options, outDir: `${outDir}-${run + 1}` } };
    const outputs = await timeOutputs(runCtx, browser);
    keepBest(best, outputs);
    file = outputs.file;
    if (withPeer) {
      keepBest(plain, await timePlainPrint(runCtx, file, browser));
      keepBest(reprint, await timeOutputs(runCtx, browser));
    }
  }
  return {
    library: label,
    courses: ctx.library.courses.length,
    what,
    pages: await pageCount(file),
    ...best,
    ...(withPeer ? { plain, reprint } : {}),
  };
}

/** Runs every PDF measurement and returns the results. */
export async function benchPdf(
  courses = defaultGenerateOptions.courses,
  runs = 2,
): Promise<PdfBenchResult[]> {
  const work = await mkdtemp(path.join(tmpdir(), 'tandem-bench-pdf-'));
  try {
    const results: PdfBenchResult[] = [];
    const sample = path.join(repo, 'courses');
    results.push(
      await measure('sample', sample, path.join(work, 'sample'), 'prospectus', {}, runs, true),
    );
    results.push(
      await measure(
        'sample',
        sample,
        path.join(work, 'sample-all'),
        'prospectus + A5 booklet + packs',
        { booklet: true, facilitatorPacks: true },
        runs,
        false,
      ),
    );
    const generated = path.join(work, 'generated');
    await generateLibrary(generated, { ...defaultGenerateOptions, courses });
    results.push(
      await measure(
        'generated',
        generated,
        path.join(work, 'generated-out'),
        'prospectus',
        {},
        runs,
        true,
      ),
    );
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Formats the results as one line per measurement, with the peer and ratios where measured. */
export function formatPdfBench(results: PdfBenchResult[]): string {
  return results
    .map((r) => {
      const line =
        `${r.library} (${r.courses} courses), ${r.what}: ${r.seconds.toFixed(2)} s ` +
        `(CPU ${r.cpuSeconds.toFixed(2)} s), ${r.pages} prospectus pages ` +
        `(${((r.seconds * 1000) / r.pages).toFixed(0)} ms a page)`;
      if (!r.plain) return line;
      const wall = r.seconds / r.plain.seconds;
      const cpu = r.cpuSeconds / r.plain.cpuSeconds;
      const plain =
        `${line}\n  one plain print of its final HTML: ${r.plain.seconds.toFixed(2)} s ` +
        `(CPU ${r.plain.cpuSeconds.toFixed(2)} s); prospectus / plain print ${wall.toFixed(2)}× ` +
        `(CPU ${cpu.toFixed(2)}×)`;
      if (!r.reprint) return plain;
      return (
        `${plain}\n  reprint, unchanged, into the same folder: ${r.reprint.seconds.toFixed(2)} s ` +
        `(CPU ${r.reprint.cpuSeconds.toFixed(2)} s); reprint / plain print ` +
        `${(r.reprint.seconds / r.plain.seconds).toFixed(2)}× ` +
        `(CPU ${(r.reprint.cpuSeconds / r.plain.cpuSeconds).toFixed(2)}×)`
      );
    })
    .join('\n');
}

export const pdfBench: Bench = {
  name: 'pdf',
  description:
    'prospectus PDF time for the sample library and a generated 1,000-course library, against one plain print',
  async run(args) {
    const courses = Number(argValue(args, '--courses') ?? defaultGenerateOptions.courses);
    return formatPdfBench(await benchPdf(courses, Number(argValue(args, '--runs') ?? 2)));
  },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const courses = Number(argValue(process.argv, '--courses') ?? defaultGenerateOptions.courses);
  const runs = Number(argValue(process.argv, '--runs') ?? 2);
  console.log(formatPdfBench(await benchPdf(courses, runs)));
}
