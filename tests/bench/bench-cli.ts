/**
 * Command-line start-up: times `tandem --help` through bin/tandem.js (the compiled command
 * line) and, for comparison, compiling the TypeScript with tsx on every start as development
 * does. Reports the best and the median of several runs of each, interleaved.
 *
 * Options: `--runs N` (default 10).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Bench } from './bench.js';
import { argValue, seconds } from './bench.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');

async function timeOnce(args: string[]): Promise<number> {
  const start = performance.now();
  await run(process.execPath, args, { cwd: repoRoot });
  return performance.now() - start;
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `best ${seconds(sorted[0] ?? 0)}, median ${seconds(median)}`;
}

/** `npm run bench -- cli`. */
export const cliBench: Bench = {
  name: 'cli',
  description: 'start the tandem command line (tandem --help), compiled and with tsx',
  async run(args) {
    const runs = Number(argValue(args, '--runs') ?? 10);
    const compiled: number[] = [];
    const onTheFly: number[] = [];
    const bin = path.join(repoRoot, 'bin', 'tandem.js');
    const tsxMain = ['--import', 'tsx', path.join(repoRoot, 'main', 'cli', 'main.ts'), '--help'];
    for (let i = 0; i < runs; i++) {
      compiled.push(await timeOnce([bin, '--help']));
      onTheFly.push(await timeOnce(tsxMain));
    }
    const best = (t: number[]) => Math.min(...t);
    return [
      `cli: tandem --help, ${runs} runs each, interleaved`,
      `  compiled (bin/tandem.js → build/cli/): ${summary(compiled)} (target: under 0.30 s)`,
      `  compiled on every start with tsx: ${summary(onTheFly)}`,
      `  ratio compiled / tsx (best): ${(best(compiled) / best(onTheFly)).toFixed(2)}`,
    ].join('\n');
  },
};
