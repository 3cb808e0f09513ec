/**
 * Site build speed against Eleventy 3: generates libraries of 100, 1,000 and 3,000 courses,
 * writes the same content as Eleventy input (eleventy-input.ts), then times `tandem check`,
 * `tandem build --only site --draft` (every course published) and Eleventy's build, each as
 * its own process from a clean output folder, interleaved, best of several runs; then a
 * rebuild into the same folder after one module edit.
 *
 * Options: `--courses N[,N…]` (default 100,1000,3000), `--runs N` (default 3), `--keep`.
 */
import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Bench } from './bench.js';
import { argValue, seconds } from './bench.js';
import { writeEleventyInput } from './eleventy-input.js';
import { defaultGenerateOptions, generateLibrary } from './generate-library.js';
import { runNode, type NodeRun } from './run-node.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const tandem = path.join(repoRoot, 'bin', 'tandem.js');
const eleventy = path.join(repoRoot, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');

async function countFiles(dir: string, ext: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).length;
}

/** The run with the least wall time (the one least disturbed by other work on the machine). */
function best(runs: NodeRun[]): NodeRun {
  return runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}

function describeRun(r: NodeRun): string {
  return `${seconds(r.wallMs)} (CPU ${seconds(r.cpuMs)}, peak ${r.peakRssMb} MB)`;
}

export interface SiteSizeResult {
  courses: number;
  pages: number;
  eleventyPages: number;
  check: NodeRun;
  build: NodeRun;
  eleventy: NodeRun;
  /** Rebuild into the same folder after one module edit. */
  rebuild: NodeRun;
}

/** Measures one library size; the folder is removed afterwards unless `keep`. */
async function benchSize(courses: number, runs: number, keep: boolean): Promise<SiteSizeResult> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-site-'));
  const library = path.join(dir, 'library');
  try {
    await generateLibrary(library, { ...defaultGenerateOptions, courses });
    await writeEleventyInput(library, path.join(dir, 'eleventy'));
    const checks: NodeRun[] = [];
    const builds: NodeRun[] = [];
    const peers: NodeRun[] = [];
    const out = path.join(dir, 'out');
    const eleventyDir = path.join(dir, 'eleventy');
    for (let i = 0; i < runs; i++) {
      checks.push(await runNode([tandem, 'check', library], dir));
      await rm(out, { recursive: true, force: true });
      builds.push(
        await runNode([tandem, 'build', library, '--only', 'site', '--draft', '--out', out], dir),
      );
      await rm(path.join(eleventyDir, 'output'), { recursive: true, force: true });
      peers.push(await runNode([eleventy, '--config=eleventy.config.mjs', '--quiet'], eleventyDir));
    }
    // One module edited, then built again into the folder of the last full build.
    const moduleFile = path.join(library, 'course-0001', 'modules', '01-session-1.md');
    await appendFile(moduleFile, '\nOne more sentence about resting well.\n');
    const rebuild = await runNode(
      [tandem, 'build', library, '--only', 'site', '--draft', '--out', out],
      dir,
    );
    return {
      courses,
      rebuild,
      pages: await countFiles(path.join(out, 'site'), '.html'),
      eleventyPages: await countFiles(path.join(eleventyDir, 'output'), '.html'),
      check: best(checks),
      build: best(builds),
      eleventy: best(peers),
    };
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
    else process.stderr.write(`  kept ${dir}\n`);
  }
}

/** `npm run bench -- site`. */
export const siteBench: Bench = {
  name: 'site',
  description: 'build the student site of generated libraries, side by side with Eleventy 3',
  async run(args) {
    const sizes = (argValue(args, '--courses') ?? '100,1000,3000').split(',').map(Number);
    const runs = Number(argValue(args, '--runs') ?? 3);
    const keep = args.includes('--keep');
    // The compiled command line is what people run; make sure it is current.
    await runNode(
      [path.join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-cli.ts'],
      repoRoot,
    );
    // Each size is printed as soon as it is measured: the largest takes minutes.
    process.stdout.write(
      `site: best of ${runs} interleaved runs each, every run its own process, on ${cpus().length} cores\n`,
    );
    for (const courses of sizes) {
      process.stderr.write(`  ${courses} courses…\n`);
      const r = await benchSize(courses, runs, keep);
      const ratio = (a: number, b: number) => (a / b).toFixed(2);
      const lines = [
        `  ${r.courses.toLocaleString('en-GB')} courses (${r.pages.toLocaleString('en-GB')} Tandem pages, ${r.eleventyPages.toLocaleString('en-GB')} Eleventy pages):`,
        `    tandem build --only site: ${describeRun(r.build)}`,
        `    Eleventy 3 build:         ${describeRun(r.eleventy)}`,
        `    ratio Tandem / Eleventy:  ${ratio(r.build.wallMs, r.eleventy.wallMs)} wall, ${ratio(r.build.cpuMs, r.eleventy.cpuMs)} CPU (target: at most 1)`,
        `    tandem check:             ${describeRun(r.check)}, ${ratio(r.check.wallMs, r.build.wallMs)} of the build`,
        `    rebuild after one module edit: ${describeRun(r.rebuild)}, ${ratio(r.rebuild.wallMs, r.build.wallMs)} of the build wall, ${ratio(r.rebuild.cpuMs, r.build.cpuMs)} CPU (target: at most 0.1)`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return `  machine load average when finished: ${loadavg()[0]?.toFixed(1) ?? '?'} (other work slows wall-clock times; CPU times are steadier)`;
  },
};
