/**
 * Site build speed against Eleventy 3: generates libraries of 100, 1,000 and 3,000 courses,
 * writes the same content as Eleventy input (eleventy-input.ts), then times `tandem check`,
 * `tandem build --only site --draft` (every course published) and Eleventy's build, each as
 * its own process from a clean output folder, interleaved, best of several runs (the least
 * CPU time, which other work on the machine disturbs least); then rebuilds into the same
 * folder after one module edit, as new processes (the best of as many, each after its own edit)
 * and in a running `tandem build --watch` (timed in this process, the median of five). Costs
 * should grow linearly with the number of courses.
 *
 * Options: `--courses N[,N…]` (default 100,1000,3000), `--runs N` (default 3; libraries of more
 * than 1,000 courses get `--large-runs N`, default 2), `--keep`, and `--baseline DIR`: another
 * Tandem checkout (with its command line compiled) whose build is timed in the same rounds,
 * to compare two versions side by side on the same machine at the same time.
 */
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Bench } from './bench.js';
import { argValue, seconds } from './bench.js';
import { writeEleventyInput } from './eleventy-input.js';
import { defaultGenerateOptions, generateLibrary, generatedCourseId } from './generate-library.js';
import { runNode, type NodeRun } from './run-node.js';
import { BuildSession } from '../../main/publish/build.js';
import { siteOnlyOptions } from '../support/build-site.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tandem = path.join(repoRoot, 'bin', 'tandem.js');
const eleventy = path.join(repoRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

async function countFiles(dir: string, ext: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).length;
}

/** How many watched rebuilds are timed: the first after a build still compile code they run. */
const WATCHED_REBUILDS = 5;

/** The run with the least CPU time (the one least disturbed by other work on the machine). */
function best(runs: NodeRun[]): NodeRun {
  return runs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
}

function describeRun(r: NodeRun): string {
  return `${seconds(r.wallMs)} (CPU ${seconds(r.cpuMs)}, peak ${r.peakRssMb} MB)`;
}

export interface SiteSizeResult {
  courses: number;
  pages: number;
  eleventyPages: number;
  /** The first check, with no cache yet (a new computer, a new Tandem version). */
  firstCheck: NodeRun;
  check: NodeRun;
  build: NodeRun;
  eleventy: NodeRun;
  /** The same build by the `--baseline` checkout, when given. */
  baseline?: NodeRun;
  /** Rebuild into the same folder after one module edit. */
  rebuild: NodeRun;
  /** Rebuilds after one module edit in a running `tandem build --watch` (the median of a few). */
  watchRebuild: { wallMs: number; cpuMs: number; runs: number };
}

interface SizeOptions {
  runs: number;
  keep: boolean;
  /** bin/tandem.js of the `--baseline` checkout. */
  baseline?: string;
}

/** Measures one library size; the folder is removed afterwards unless `keep`. */
async function benchSize(
  courses: number,
  { runs, keep, baseline }: SizeOptions,
): Promise<SiteSizeResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-site-'));
  const library = path.join(dir, 'library');
  try {
    await generateLibrary(library, { ...defaultGenerateOptions, courses });
    await writeEleventyInput(library, path.join(dir, 'eleventy'));
    const checks: NodeRun[] = [];
    const builds: NodeRun[] = [];
    const peers: NodeRun[] = [];
    const baselines: NodeRun[] = [];
    const out = path.join(dir, 'out');
    const build = (bin: string) =>
      runNode([bin, 'build', library, '--only', 'site', '--draft', '--out', out], dir);
    const eleventyDir = path.join(dir, 'eleventy');
    let lastInOut = tandem;
    for (let i = 0; i < runs; i++) {
      checks.push(await runNode([tandem, 'check', library], dir));
      // This build and the baseline take turns going first: each build starts by removing the
      // last one's thousands of files, and the system's work for that can land in the next process.
      const pair: [string, NodeRun[]][] = baseline
        ? [
            [baseline, baselines],
            [tandem, builds],
          ]
        : [[tandem, builds]];
      for (const [bin, times] of i % 2 === 0 ? pair : [...pair].reverse()) {
        await rm(out, { recursive: true, force: true });
        times.push(await build(bin));
      }
      lastInOut = i % 2 === 0 || !baseline ? tandem : baseline;
      await rm(path.join(eleventyDir, 'output'), { recursive: true, force: true });
      peers.push(await runNode([eleventy, '--config=eleventy.config.mjs', '--quiet'], eleventyDir));
    }
    // The rebuild starts from this build's output (made again, untimed, if the baseline's is there).
    if (lastInOut !== tandem) {
      await rm(out, { recursive: true, force: true });
      await build(tandem);
    }
    // One module edited, then built again into the folder of the last build, `runs` times
    // (another module each time), each a new process like the builds above: the best is kept.
    const rebuilds: NodeRun[] = [];
    for (let i = 0; i < runs; i++) {
      const moduleFile = path.join(library, generatedCourseId(i + 1), 'modules', '01-session-1.md');
      await appendFile(moduleFile, '\nOne more sentence about resting well.\n');
      rebuilds.push(await build(tandem));
    }
    const rebuild = best(rebuilds);
    const watchRebuild = await timeWatchRebuilds(library, out, WATCHED_REBUILDS);
    return {
      courses,
      rebuild,
      watchRebuild,
      pages: await countFiles(path.join(out, 'site'), '.html'),
      eleventyPages: await countFiles(path.join(eleventyDir, 'output'), '.html'),
      // cast: `runs` is at least 1, so there is a first check.
      firstCheck: checks[0] as NodeRun,
      check: best(checks),
      build: best(builds),
      eleventy: best(peers),
      ...(baseline ? { baseline: best(baselines) } : {}),
    };
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
    else process.stderr.write(`  kept ${dir}\n`);
  }
}

/**
 * What `tandem build --watch` does after each save, in this process: one BuildSession builds
 * into the folder of the last build, then again after each of `runs` module edits, each timed
 * (wall and CPU, all threads, as process.cpuUsage counts them).
 */
async function timeWatchRebuilds(
  library: string,
  out: string,
  runs: number,
): Promise<SiteSizeResult['watchRebuild']> {
  const session = new BuildSession(library, siteOnlyOptions(out));
  const first = await session.build();
  if (!first.ok) throw new Error(`the watched build failed: ${first.errors.join('; ')}`);
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const moduleFile = path.join(library, generatedCourseId(i + 11), 'modules', '01-session-1.md');
    await appendFile(moduleFile, `\nA sentence saved while watching, number ${i + 1}.\n`);
    const start = performance.now();
    const startCpu = process.cpuUsage();
    const result = await session.build();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpus.push((used.user + used.system) / 1000);
    if (!result.ok) throw new Error(`the watched rebuild failed: ${result.errors.join('; ')}`);
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { wallMs: median(walls), cpuMs: median(cpus), runs };
}

/** `npm run bench -- site`. */
export const siteBench: Bench = {
  name: 'site',
  description: 'build the student site of generated libraries, side by side with Eleventy 3',
  async run(args) {
    const sizes = (argValue(args, '--courses') ?? '100,1000,3000').split(',').map(Number);
    const runs = Number(argValue(args, '--runs') ?? 3);
    const largeRuns = Number(argValue(args, '--large-runs') ?? Math.min(runs, 2));
    const keep = args.includes('--keep');
    const baselineDir = argValue(args, '--baseline');
    const baseline = baselineDir ? path.resolve(baselineDir, 'bin', 'tandem.js') : undefined;
    const started = performance.now();
    // The compiled command line is what people run; make sure it is current.
    await runNode(
      [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-cli.ts'],
      repoRoot,
    );
    // Each size is printed as soon as it is measured: the largest takes minutes.
    process.stdout.write(
      `site: best (least CPU) of ${runs} interleaved runs each (${largeRuns} above 1,000 courses), every run its own process, on ${cpus().length} cores\n`,
    );
    const results: SiteSizeResult[] = [];
    for (const courses of sizes) {
      process.stderr.write(`  ${courses} courses…\n`);
      const r = await benchSize(courses, {
        runs: courses > 1000 ? largeRuns : runs,
        keep,
        baseline,
      });
      results.push(r);
      process.stdout.write(`${describeSize(r, baselineDir)}\n`);
    }
    return [
      ...growth(results),
      `  whole bench: ${seconds(performance.now() - started)}; machine load average when finished: ${loadavg()[0]?.toFixed(1) ?? '?'} (other work slows wall-clock times; CPU times are steadier)`,
    ].join('\n');
  },
};

const ratio = (a: number, b: number) => (a / b).toFixed(2);

/** The lines of one library size: Tandem beside Eleventy (and the baseline), with ratios. */
function describeSize(r: SiteSizeResult, baselineDir: string | undefined): string {
  const peak = Math.max(r.build.peakRssMb, r.check.peakRssMb);
  const lines = [
    `  ${r.courses.toLocaleString('en-GB')} courses (${r.pages.toLocaleString('en-GB')} Tandem pages, ${r.eleventyPages.toLocaleString('en-GB')} Eleventy pages):`,
    `    tandem build --only site: ${describeRun(r.build)}`,
    `    Eleventy 3 build:         ${describeRun(r.eleventy)}`,
    `    ratio Tandem / Eleventy:  ${ratio(r.build.cpuMs, r.eleventy.cpuMs)} CPU, ${ratio(r.build.wallMs, r.eleventy.wallMs)} wall (target: at most 1); peak ${peak} MB (target: under 1,024 MB)`,
  ];
  if (r.baseline && baselineDir)
    lines.push(
      `    baseline build (${baselineDir}): ${describeRun(r.baseline)}; this build takes ${ratio(r.build.cpuMs, r.baseline.cpuMs)} of its CPU`,
    );
  lines.push(
    `    tandem check, first run:  ${describeRun(r.firstCheck)}, ${ratio(r.firstCheck.cpuMs, r.build.cpuMs)} of the build's CPU (no cache yet)`,
    `    tandem check:             ${describeRun(r.check)}, ${ratio(r.check.cpuMs, r.build.cpuMs)} of the build's CPU (best run, with the cache of the one before)`,
    `    rebuild after one module edit: ${describeRun(r.rebuild)}, best run: ${ratio(r.rebuild.cpuMs, r.build.cpuMs)} of the build's CPU, ${ratio(r.rebuild.wallMs, r.build.wallMs)} wall (target: at most 0.1)`,
    `    the same in a running tandem build --watch: ${seconds(r.watchRebuild.wallMs)} (CPU ${seconds(r.watchRebuild.cpuMs)}), median of ${r.watchRebuild.runs}: ${ratio(r.watchRebuild.cpuMs, r.build.cpuMs)} of the build's CPU, ${ratio(r.watchRebuild.wallMs, r.build.wallMs)} wall (target: at most 0.1)`,
  );
  return lines.join('\n');
}

/** CPU per course from the smallest library to each larger one: flat when growth is linear. */
function growth(results: SiteSizeResult[]): string[] {
  const [first] = results;
  if (!first || results.length < 2) return [];
  const perCourse = (r: SiteSizeResult, run: NodeRun) => `${(run.cpuMs / r.courses).toFixed(1)} ms`;
  return [
    '  CPU per course (flat when cost grows linearly):',
    ...results.map(
      (r) =>
        `    ${r.courses.toLocaleString('en-GB').padStart(6)} courses: Tandem ${perCourse(r, r.build)}, Eleventy ${perCourse(r, r.eleventy)}`,
    ),
  ];
}
