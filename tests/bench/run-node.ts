/** Runs a Node program as a child process and measures it: wall time, CPU time, peak memory. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NodeRun {
  wallMs: number;
  /** User + system CPU time of the child. */
  cpuMs: number;
  peakRssMb: number;
  stdout: string;
}

// Preloaded into the child: reports its own resource use as it exits.
const REPORT_USAGE = `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssKb: u.maxRSS }));
});`;

/** Runs `node <args>` in `cwd`; rejects when it exits with an error. */
export async function runNode(args: string[], cwd: string): Promise<NodeRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-usage-'));
  const usageFile = path.join(dir, 'usage.json');
  try {
    const start = performance.now();
    const { stdout } = await run(
      process.execPath,
      [`--import=data:text/javascript,${encodeURIComponent(REPORT_USAGE)}`, ...args],
      { cwd, env: { ...process.env, BENCH_USAGE_FILE: usageFile }, maxBuffer: 64 * 1024 * 1024 },
    );
    const wallMs = performance.now() - start;
    // cast: written by REPORT_USAGE above.
    const usage = JSON.parse(await readFile(usageFile, 'utf8')) as {
      cpuMs: number;
      maxRssKb: number;
    };
    return { wallMs, cpuMs: usage.cpuMs, peakRssMb: Math.round(usage.maxRssKb / 1024), stdout };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
