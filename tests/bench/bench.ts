/** What a benchmark looks like to `npm run bench` (tests/bench/run-bench.ts). */
export interface Bench {
  /** Short name used on the command line: `npm run bench -- site`. */
  name: string;
  description: string;
  /** Runs the benchmark; `args` are the command-line arguments after the names. Returns the lines to print. */
  run(args: readonly string[]): Promise<string>;
}

/** Seconds with two decimals. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** The value following `flag` in `args`, if any. */
export function argValue(args: readonly string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}
