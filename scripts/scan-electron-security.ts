/**
 * `npm run lint:security`: runs Electronegativity (Doyensec's Electron security scanner) over
 * the desktop app's main-process code and the UI's HTML page, and fails on any finding above
 * informational whose check id is not explained in docs/security.md ("Scanner findings").
 *
 * The scanner's own CLI cannot read its options with current dependencies, so its runner
 * module is called directly.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { withCspMeta } from '../main/server/renderer-bundle.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
  severity: { value: number; name: string };
  confidence: { name: string };
  manualReview: boolean;
}

interface ScanResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: Finding[];
}

type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<ScanResult>;

/** Check ids explained in the "Scanner findings" section of docs/security.md. */
export function explainedIds(securityDoc: string): Set<string> {
  const section = /^## Scanner findings[^\n]*\n([\s\S]*?)(?=^## |$(?![\s\S]))/m.exec(securityDoc);
  const ids = new Set<string>();
  for (const match of (section?.[1] ?? '').matchAll(/`([A-Z0-9_]+_CHECK)`/g)) {
    if (match[1]) ids.add(match[1]);
  }
  return ids;
}

async function main(): Promise<number> {
  // What is scanned: the main-process and preload sources, and the UI page as built.
  const scanDir = await mkdtemp(path.join(tmpdir(), 'tandem-scan-'));
  try {
    await cp(path.join(projectRoot, 'main', 'electron'), path.join(scanDir, 'main', 'electron'), {
      recursive: true,
    });
    const page = await readFile(path.join(projectRoot, 'renderer', 'index.html'), 'utf8');
    await writeFile(path.join(scanDir, 'index.html'), withCspMeta(page));
    const electronVersion = (
      JSON.parse(
        await readFile(path.join(projectRoot, 'node_modules', 'electron', 'package.json'), 'utf8'),
      ) as { version: string }
    ).version; // cast: a package.json has a version

    // The runner looks up newer translations and Electron releases online; offline it says so
    // on the console and carries on. Those lines are noise here.
    const log = console.log;
    console.log = () => undefined;
    let result: ScanResult;
    try {
      const runner = require('@doyensec/electronegativity/dist/runner.js') as Runner; // cast: CommonJS module without types
      result = await runner(
        { input: scanDir, electronVersionOverride: electronVersion, isRelative: true },
        false,
      );
    } finally {
      console.log = log;
    }

    const explained = explainedIds(
      await readFile(path.join(projectRoot, 'docs', 'security.md'), 'utf8'),
    );
    const blocking = result.issues.filter((i) => i.severity.value > 0 && !explained.has(i.id));
    const accepted = result.issues.filter((i) => i.severity.value > 0 && explained.has(i.id));
    const parseErrors = result.errors.filter((e) => !e.tolerable);
    const where = (i: Finding): string =>
      `${path.relative(scanDir, path.resolve(scanDir, i.file)) || i.file}:${i.location.line}:${i.location.column}`;

    process.stdout.write(
      `Electronegativity ${result.atomicChecks + result.globalChecks} checks over ${(await readdir(path.join(scanDir, 'main', 'electron'))).length} files of main/electron and the UI page (Electron ${electronVersion}).\n`,
    );
    for (const issue of accepted) {
      process.stdout.write(
        `  explained in docs/security.md: ${issue.id} (${issue.severity.name}) at ${where(issue)}\n`,
      );
    }
    for (const error of parseErrors) {
      process.stderr.write(
        `${error.file}: the scanner could not parse this file: ${error.message}\n`,
      );
    }
    for (const issue of blocking) {
      process.stderr.write(
        `${where(issue)}: ${issue.id} (${issue.severity.name}, ${issue.confidence.name}): ${issue.description}\n`,
      );
    }
    if (blocking.length > 0 || parseErrors.length > 0) {
      process.stderr.write(
        `\n${blocking.length} security finding(s) not explained in docs/security.md. Fix them, or ` +
          'explain why they do not apply under "## Scanner findings" (by check id).\n',
      );
      return 1;
    }
    process.stdout.write('No unexplained security findings.\n');
    return 0;
  } finally {
    await rm(scanDir, { recursive: true, force: true });
  }
}

process.exitCode = await main();
