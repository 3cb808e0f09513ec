/**
 * Site build speed: generates a 1,000-course library, then times loading it and building the
 * student site (`--only site --draft`, so every course is published). Reports pages per second.
 *
 * Options: `--courses N` (default 1000), `--keep` (leave the library and site in the temp folder).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadLibrary } from '../../main/library/load-library.js';
import { buildFromLoaded } from '../../main/publish/build.js';
import type { Bench } from './bench.js';
import { argValue, seconds } from './bench.js';
import { defaultGenerateOptions, generateLibrary } from './generate-library.js';

export interface SiteBenchResult {
  courses: number;
  libraryFiles: number;
  generateMs: number;
  loadMs: number;
  /** From the end of loading to the last site file written (sign-off gate, render, write). */
  siteMs: number;
  totalMs: number;
  /** CPU time this process used (user + system), which other load on the machine does not inflate. */
  loadCpuMs: number;
  siteCpuMs: number;
  pages: number;
  siteFiles: number;
  peakRssMb: number;
}

/** Generates the library, builds the site and measures; cleans up unless `keep`. */
export async function benchSite(
  courses: number,
  keep = false,
): Promise<SiteBenchResult & { dir: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-site-'));
  const libraryRoot = path.join(dir, 'library');
  try {
    let t = performance.now();
    const { files } = await generateLibrary(libraryRoot, { ...defaultGenerateOptions, courses });
    const generateMs = performance.now() - t;

    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 50);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const loaded = await loadLibrary(libraryRoot);
    const loadMs = performance.now() - start;
    const cpuLoaded = process.cpuUsage(cpuStart);
    if (loaded.problems.some((p) => p.severity === 'error')) {
      throw new Error(
        `the generated library has problems: ${loaded.problems
          .slice(0, 3)
          .map((p) => `${p.file}:${p.line}: ${p.message}`)
          .join('; ')}`,
      );
    }
    t = performance.now();
    const result = await buildFromLoaded(loaded, {
      outDir: path.join(dir, 'out'),
      only: 'site',
      paper: 'A4',
      largePrint: false,
      booklet: false,
      facilitatorPacks: false,
      draft: true,
    });
    const siteMs = performance.now() - t;
    const totalMs = performance.now() - start;
    const cpuTotal = process.cpuUsage(cpuStart);
    const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
    clearInterval(sampler);
    if (!result.ok || !result.siteDir)
      throw new Error(`the site build failed: ${result.errors.join('; ')}`);
    const siteFiles = (
      await readdir(result.siteDir, { recursive: true, withFileTypes: true })
    ).filter((e) => e.isFile());
    return {
      dir,
      courses,
      libraryFiles: files,
      generateMs,
      loadMs,
      siteMs,
      totalMs,
      loadCpuMs: cpuMs(cpuLoaded),
      siteCpuMs: cpuMs(cpuTotal) - cpuMs(cpuLoaded),
      pages: siteFiles.filter((e) => e.name.endsWith('.html')).length,
      siteFiles: siteFiles.length,
      peakRssMb: Math.round(peakRss / 1024 / 1024),
    };
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

/** `npm run bench -- site`. */
export const siteBench: Bench = {
  name: 'site',
  description: 'build the student site of a generated 1,000-course library',
  async run(args) {
    const courses = Number(argValue(args, '--courses') ?? defaultGenerateOptions.courses);
    const keep = args.includes('--keep');
    const r = await benchSite(courses, keep);
    return [
      `site: ${r.courses.toLocaleString('en-GB')} courses (${r.libraryFiles.toLocaleString('en-GB')} library files, generated in ${seconds(r.generateMs)}) on ${cpus().length} cores`,
      `  load and check the library: ${seconds(r.loadMs)} (CPU ${seconds(r.loadCpuMs)})`,
      `  sign-off gate, render and write the site: ${seconds(r.siteMs)} (CPU ${seconds(r.siteCpuMs)}) → ${r.pages.toLocaleString('en-GB')} pages (${r.siteFiles.toLocaleString('en-GB')} files)`,
      `  site pages per second: ${Math.round(r.pages / (r.siteMs / 1000)).toLocaleString('en-GB')}`,
      `  total, library folder to finished site: ${seconds(r.totalMs)} (target: well under 60 s)`,
      `  machine load average when finished: ${loadavg()[0]?.toFixed(1) ?? '?'} (other work slows the wall-clock times above)`,
      `  peak memory: ${r.peakRssMb} MB`,
      ...(keep ? [`  kept in ${r.dir}`] : []),
    ].join('\n');
  },
};
