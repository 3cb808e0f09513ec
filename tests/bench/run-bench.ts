/**
 * `npm run bench [-- NAME... [options]]`: runs the named benchmarks (all when none are named)
 * one after another, printing each report. `npm run bench -- --list` lists them.
 */
import { benches } from './benches.js';

const args = process.argv.slice(2);
if (args.includes('--list')) {
  for (const bench of benches)
    process.stdout.write(`${bench.name.padEnd(12)}${bench.description}\n`);
  process.exit(0);
}
const known = new Set(benches.map((b) => b.name));
const names = args.filter((a) => known.has(a));
const unknown = args.filter(
  (a, i) => !a.startsWith('-') && !known.has(a) && !args[i - 1]?.startsWith('--'),
);
if (unknown.length > 0) {
  process.stderr.write(`Unknown bench: ${unknown.join(', ')}. Known: ${[...known].join(', ')}\n`);
  process.exit(2);
}
const selected = names.length > 0 ? benches.filter((b) => names.includes(b.name)) : benches;
let failed = false;
for (const bench of selected) {
  process.stderr.write(`Running ${bench.name}: ${bench.description}…\n`);
  try {
    process.stdout.write(`${await bench.run(args)}\n`);
  } catch (error) {
    failed = true;
    process.stderr.write(
      `${bench.name} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
}
process.exitCode = failed ? 1 : 0;
