/**
 * Editor keystroke latency: bundles the harness page (tests/bench/editor-harness/), mounts the
 * module editor on a generated 20,000-word module in headless Chromium, types 200 characters
 * and reports keystroke-to-paint latency (median, p95), plus load and serialisation times.
 *
 * Run: `npm run bench -- editor [--words N]`, or for screenshots and profiles
 * `npx tsx tests/bench/bench-editor.ts [--words N] [--screenshot out.png]
 * [--profile out.cpuprofile]` (a CPU profile of the typing, for Chrome DevTools)
 * (`--screenshot` saves light and dark views of the realistic sample module instead).
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser } from '../support/chromium.js';
import { argValue, type Bench } from './bench.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

export interface EditorBenchResult {
  words: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The editor's own work per key (event handling, Slate, serialising, React commit). */
  processingMedianMs: number;
  processingP95Ms: number;
  /** The same typing into a 500-word module, in the same browser. */
  baselineMedianMs: number;
  baselineP95Ms: number;
  loadMs: number;
  serialiseColdMs: number;
  serialiseWarmMs: number;
  /** True when the Markdown reported after typing contains the typed text. */
  savedTextMatches: boolean;
}

/** Bundles the harness into a temporary folder; returns the folder. */
export async function bundleHarness(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'tandem-editor-harness-'));
  await build({
    entryPoints: [path.join(here, 'editor-harness/harness.tsx')],
    bundle: true,
    outdir: out,
    format: 'iife',
    jsx: 'automatic',
    minify: !process.env.TANDEM_BENCH_DEBUG,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await copyFile(path.join(here, 'editor-harness/index.html'), path.join(out, 'index.html'));
  return out;
}

/** Sample images the harness can show, as data: URLs keyed by course-relative path. */
export async function sampleImages(): Promise<Record<string, string>> {
  const file = path.join(repo, 'courses/understanding-anxiety/images/calm-lake.svg');
  const svg = await readFile(file, 'utf8').catch(() => undefined);
  return svg
    ? { 'images/calm-lake.svg': `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
    : {};
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** What one typing run in the harness measured. */
interface TypingRun {
  latencies: number[];
  processing: number[];
  loadMs: number;
  markdown: string;
  serialise: { coldMs: number; warmMs: number };
}

/** 200 characters of ordinary prose, typed one key at a time. */
const TYPED = (
  ' Small steps build confidence when we plan them together, and each person finds their own way' +
  ' at their own pace. We notice how our mood changes through the day; hope grows when we feel' +
  ' heard and valued.'
).slice(0, 200);

/** Opens the harness with a module of `words` words and types TYPED into its middle. */
async function typeIntoModule(page: Page, url: string, profileTo?: string): Promise<TypingRun> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('[data-testid="module-editor-content"] p');
  await page.waitForFunction(
    () => (window as unknown as { harness: { loadMs: number } }).harness.loadMs > 0,
  );
  // Type at the end of a paragraph in the middle of the document.
  const box = await page.evaluate(() => {
    const paragraphs = document.querySelectorAll('[data-testid="module-editor-content"] p');
    const target = paragraphs[Math.floor(paragraphs.length / 2)];
    target?.scrollIntoView({ block: 'center' });
    const rect = target?.getBoundingClientRect();
    return rect ? { x: rect.right - 4, y: rect.bottom - 8 } : undefined;
  });
  if (!box) throw new Error('No paragraph to type into');
  await page.mouse.click(box.x, box.y);
  await page.keyboard.press('End');
  // Warm up (the first keystrokes compile code paths), then clear the samples.
  await page.keyboard.type(' warm', { delay: 40 });
  await page.evaluate(() => {
    const h = (window as unknown as { harness: { latencies: number[]; processing: number[] } })
      .harness;
    h.latencies.length = 0;
    h.processing.length = 0;
  });
  const cdp = profileTo ? await page.createCDPSession() : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await page.keyboard.type(TYPED, { delay: 35 });
  if (cdp && profileTo) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(profileTo, JSON.stringify(profile));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  return page.evaluate(() => {
    const h = (
      window as unknown as {
        harness: TypingRun & { timeSerialise(): { coldMs: number; warmMs: number } };
      }
    ).harness;
    return {
      latencies: [...h.latencies],
      processing: [...h.processing],
      loadMs: h.loadMs,
      markdown: h.markdown,
      serialise: h.timeSerialise(),
    };
  });
}

/**
 * Runs the benchmark on a module of `words` words, and the same typing on a 500-word module
 * as a baseline (on a shared, busy machine the baseline shows how much is the document's size).
 */
export async function benchEditor(words = 20_000, profileTo?: string): Promise<EditorBenchResult> {
  const dir = await bundleHarness();
  const browser = await launchTestBrowser();
  try {
    const page = await browser.browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    const images = await sampleImages();
    await page.evaluateOnNewDocument((imgs) => {
      (window as unknown as { harnessImages: Record<string, string> }).harnessImages = imgs;
    }, images);
    const base = pathToFileURL(path.join(dir, 'index.html')).href;
    const data = await typeIntoModule(page, `${base}?doc=large&words=${words}`, profileTo);
    const baseline = await typeIntoModule(page, `${base}?doc=large&words=500`);
    const sorted = [...data.latencies].sort((a, b) => a - b);
    const processing = [...data.processing].sort((a, b) => a - b);
    const baselineSorted = [...baseline.latencies].sort((a, b) => a - b);
    return {
      words,
      keystrokes: sorted.length,
      medianMs: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      maxMs: sorted[sorted.length - 1] ?? NaN,
      processingMedianMs: percentile(processing, 50),
      processingP95Ms: percentile(processing, 95),
      baselineMedianMs: percentile(baselineSorted, 50),
      baselineP95Ms: percentile(baselineSorted, 95),
      loadMs: data.loadMs,
      serialiseColdMs: data.serialise.coldMs,
      serialiseWarmMs: data.serialise.warmMs,
      savedTextMatches: data.markdown.includes(`warm${TYPED}`),
    };
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Saves light and dark screenshots of the sample module (`<out>` and `<out>-dark.png`). */
export async function screenshotEditor(out: string): Promise<string[]> {
  const dir = await bundleHarness();
  const browser = await launchTestBrowser();
  try {
    const page = await browser.browser.newPage();
    await page.setViewport({ width: 1100, height: 1500 });
    page.on('pageerror', (error) => console.error(`page error: ${String(error)}`));
    const images = await sampleImages();
    await page.evaluateOnNewDocument((imgs) => {
      (window as unknown as { harnessImages: Record<string, string> }).harnessImages = imgs;
    }, images);
    const files: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      await page.goto(pathToFileURL(path.join(dir, 'index.html')).href + '?doc=sample', {
        waitUntil: 'load',
      });
      await page.waitForSelector('.te-image img');
      const file = scheme === 'light' ? out : out.replace(/\.png$/, '') + '-dark.png';
      await page.screenshot({ path: file as `${string}.png`, fullPage: true });
      files.push(file);
    }
    return files;
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Formats the result as the lines the bench runner prints. */
export function formatEditorBench(r: EditorBenchResult): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return [
    `editor: ${r.keystrokes} keystrokes into a ${r.words.toLocaleString('en-GB')}-word module`,
    `  keystroke to paint: median ${ms(r.medianMs)}, p95 ${ms(r.p95Ms)}, max ${ms(r.maxMs)} (target p95 < 16 ms)`,
    `  editor work per key: median ${ms(r.processingMedianMs)}, p95 ${ms(r.processingP95Ms)}`,
    `  same typing in a 500-word module: median ${ms(r.baselineMedianMs)}, p95 ${ms(r.baselineP95Ms)}`,
    `  load ${ms(r.loadMs)}; serialise whole module: first ${ms(r.serialiseColdMs)}, cached ${ms(r.serialiseWarmMs)}`,
    `  typed text reached onChange: ${r.savedTextMatches ? 'yes' : 'NO'}`,
  ].join('\n');
}

/** `npm run bench -- editor [--words N]`. */
export const editorBench: Bench = {
  name: 'editor',
  description: 'keystroke-to-paint latency typing into a 20,000-word module',
  async run(args) {
    const result = await benchEditor(Number(argValue(args, '--words') ?? 20_000));
    if (!result.savedTextMatches) throw new Error('The typed text did not reach onChange');
    return formatEditorBench(result);
  },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const shot = args.indexOf('--screenshot');
  if (shot >= 0) {
    const files = await screenshotEditor(path.resolve(args[shot + 1] ?? 'editor.png'));
    console.log(files.join('\n'));
  } else {
    const wordsAt = args.indexOf('--words');
    const profileAt = args.indexOf('--profile');
    const result = await benchEditor(
      wordsAt >= 0 ? Number(args[wordsAt + 1]) : 20_000,
      profileAt >= 0 ? path.resolve(args[profileAt + 1] ?? 'editor.cpuprofile') : undefined,
    );
    console.log(formatEditorBench(result));
    if (!result.savedTextMatches) process.exitCode = 1;
  }
}
