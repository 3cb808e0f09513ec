/**
 * Editor keystroke latency: bundles the harness page (tests/bench/editor-harness/), mounts the
 * module editor on a generated 20,000-word module in headless Chromium, types 200 characters
 * and reports keystroke-to-paint latency (median, p95), plus load and serialisation times. The
 * writing suggestions are on, checked in a worker as the app checks them in its back end; it
 * also counts how often they were drawn while typing (each time is a pass over the whole module,
 * so the editor keeps them for a pause in typing: the count should be 0).
 *
 * Keystroke to paint runs from the keydown event's timestamp (when the browser received the
 * key, so input delay counts) until the frame that shows the keystroke's last DOM change has been
 * painted: a requestAnimationFrame callback marks the start of the next frame (it runs after all
 * of the key's handlers, the browser's own text insertion and React's commit), and the first task
 * after it runs once that frame's style, layout, paint and commit to the compositor are done. If
 * the DOM changes again after that frame began, the keystroke is measured to the following frame
 * instead (counted as "late updates"; work deferred past the paint cannot hide).
 *
 * Chromium starts frames only on display refreshes (60 Hz here, even headless), so a keystroke
 * whose work is done waits up to 16.7 ms, by chance, for the next one; its p95 alone is about
 * 15 ms. So no editor can reach p95 < 16 ms from the key's timestamp to paint: the bench also
 * types into a plain contenteditable with no script (the floor of the method), and reports that
 * wait (from the end of the key's work to the frame's refresh time) and keystroke to paint less
 * it, which is what the editor controls and what the one-frame budget applies to.
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

/** Median, 95th percentile and maximum of some timings, in milliseconds. */
export interface Spread {
  median: number;
  p95: number;
  max: number;
}

/** What typing into one page measured. */
export interface TypingSummary {
  keystrokes: number;
  /** Key event's timestamp to the paint of the frame showing the keystroke. */
  toPaint: Spread;
  /** Of that, time the finished work sat waiting for the display's next refresh. */
  refreshWait: Spread;
  /** Keystroke to paint less that wait: what the page and the browser's editing cost. */
  toPaintLessWait: Spread;
  /** Keydown handler start to the end of the key's task (handlers, Slate, React commit). */
  work: Spread;
  /** The keystroke's frame: style, layout, paint and commit to the compositor. */
  frame: Spread;
  /** Keystrokes whose DOM changed after their first frame began (measured to the later frame). */
  lateUpdates: number;
  /** Times the writing suggestions were drawn while typing: each is a pass over the module. */
  suggestionPasses: number;
}

export interface EditorBenchResult {
  words: number;
  /** Typing into the module editor on a module of `words` words. */
  large: TypingSummary;
  /** The same typing into a 500-word module. */
  small: TypingSummary;
  /** The same typing into a plain contenteditable holding the same text: the method's floor. */
  bare: TypingSummary;
  loadMs: number;
  serialiseColdMs: number;
  serialiseWarmMs: number;
  /** True when the Markdown reported after typing contains the typed text. */
  savedTextMatches: boolean;
}

/** Bundles the harness into a temporary folder; returns the folder. */
export async function bundleHarness(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'tandem-editor-harness-'));
  // The writing checks' worker is bundled first and handed to the page as a string (a page
  // opened from a file cannot load a worker script from disk).
  const worker = await build({
    entryPoints: [path.join(here, 'editor-harness/language-worker.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: !process.env.TANDEM_BENCH_DEBUG,
    logLevel: 'error',
  });
  await build({
    entryPoints: [path.join(here, 'editor-harness/harness.tsx')],
    bundle: true,
    outdir: out,
    format: 'iife',
    jsx: 'automatic',
    minify: !process.env.TANDEM_BENCH_DEBUG,
    define: {
      'process.env.NODE_ENV': '"production"',
      LANGUAGE_WORKER: JSON.stringify(worker.outputFiles[0]?.text ?? ''),
    },
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

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

function summarise(run: TypingRun): TypingSummary {
  return {
    keystrokes: run.latencies.length,
    toPaint: spread(run.latencies),
    refreshWait: spread(run.refreshWaits),
    toPaintLessWait: spread(run.latencies.map((ms, i) => ms - (run.refreshWaits[i] ?? NaN))),
    work: spread(run.processing),
    frame: spread(run.frames),
    lateUpdates: run.lateUpdates,
    suggestionPasses: run.suggestionPasses,
  };
}

/** What one typing run in the harness measured. */
interface TypingRun {
  latencies: number[];
  processing: number[];
  refreshWaits: number[];
  frames: number[];
  lateUpdates: number;
  suggestionPasses: number;
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
    (window as unknown as { harness: { reset(): void } }).harness.reset();
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
      latencies: h.latencies,
      processing: h.processing,
      refreshWaits: h.refreshWaits,
      frames: h.frames,
      lateUpdates: h.lateUpdates,
      suggestionPasses: h.suggestionPasses,
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
export async function benchEditor(
  words = 20_000,
  profileTo?: string,
  language: 'on' | 'off' = 'on',
): Promise<EditorBenchResult> {
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
    // The editor as the app runs it: writing suggestions on (unless `--language off`).
    const data = await typeIntoModule(
      page,
      `${base}?doc=large&words=${words}&language=${language}`,
      profileTo,
    );
    const baseline = await typeIntoModule(page, `${base}?doc=large&words=500&language=${language}`);
    const bare = await typeIntoModule(page, `${base}?doc=large&words=${words}&editor=bare`);
    return {
      words,
      large: summarise(data),
      small: summarise(baseline),
      bare: summarise(bare),
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
  const line = (label: string, x: Spread) =>
    `${label}: median ${ms(x.median)}, p95 ${ms(x.p95)}, max ${ms(x.max)}`;
  const within = (x: Spread) => (x.p95 < 16 ? 'p95 within one 60 Hz frame' : 'p95 OVER one frame');
  const { large, small, bare } = r;
  const words = r.words.toLocaleString('en-GB');
  return [
    `editor: ${large.keystrokes} keystrokes into a ${words}-word module`,
    `  ${line('keystroke to paint', large.toPaint)} (target p95 < 16 ms)`,
    `    from the key event's timestamp to the paint of the frame showing its last DOM change`,
    `  ${line('  waiting for the display refresh', large.refreshWait)}`,
    `  ${line('keystroke to paint less that wait', large.toPaintLessWait)}: ${within(large.toPaintLessWait)}`,
    `  ${line('  page work (handlers, Slate, React)', large.work)}`,
    `  ${line('  frame (style, layout, paint, commit)', large.frame)}`,
    `  same typing into a 500-word module:`,
    `  ${line('  keystroke to paint', small.toPaint)}`,
    `  ${line('  less the refresh wait', small.toPaintLessWait)}: ${within(small.toPaintLessWait)}`,
    `  floor of the method: a plain contenteditable, no script, same ${words} words:`,
    `  ${line('  keystroke to paint', bare.toPaint)}`,
    `  ${line('  less the refresh wait', bare.toPaintLessWait)}`,
    `  late updates (DOM changed after a keystroke's frame began): ${large.lateUpdates + small.lateUpdates}`,
    `  writing suggestions drawn while typing (a pass over the whole module each): ${large.suggestionPasses}`,
    `  load ${ms(r.loadMs)}; serialise whole module: first ${ms(r.serialiseColdMs)}, cached ${ms(r.serialiseWarmMs)}`,
    `  typed text reached onChange: ${r.savedTextMatches ? 'yes' : 'NO'}`,
  ].join('\n');
}

/** `npm run bench -- editor [--words N] [--language off]`. */
export const editorBench: Bench = {
  name: 'editor',
  description: 'keystroke-to-paint latency typing into a 20,000-word module',
  async run(args) {
    const language = argValue(args, '--language') === 'off' ? 'off' : 'on';
    const result = await benchEditor(
      Number(argValue(args, '--words') ?? 20_000),
      undefined,
      language,
    );
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
