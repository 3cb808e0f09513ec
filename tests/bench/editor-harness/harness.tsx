/**
 * Benchmark and screenshot page: mounts ModuleEditor with a generated long module
 * (`?doc=large&words=N`) or the realistic sample (`?doc=sample`), and exposes the latest
 * Markdown and keystroke-to-paint timings on `window` for the bench script and tests.
 */
import { createRoot } from 'react-dom/client';
import { ModuleEditor } from '../../../renderer/editor/index.js';
import { markdownToSlate } from '../../../renderer/editor/markdown-to-slate.js';
import { slateToMarkdown } from '../../../renderer/editor/slate-to-markdown.js';
import type { LanguageBlock, LanguageReport } from '../../../main/api/contract.js';
import { generateModule, SAMPLE_MODULE } from './generate-module.js';

interface HarnessWindow {
  harness: {
    /** The Markdown the editor last reported, after asking it to report pending edits. */
    readonly markdown: string;
    /** The Markdown the editor last reported by itself (without asking). */
    readonly reported: string;
    /** How many times the editor has called onChange. */
    readonly reports: number;
    /** Unmounts the editor (as leaving the screen does). */
    unmount(): void;
    /**
     * Holds back frame callbacks and timers set from now on, so that tests can see what happens
     * before the page paints; `releaseTimers()` lets them run.
     */
    holdTimers(): void;
    releaseTimers(): void;
    /** Keystroke to paint, per keystroke since `reset()` (see below). */
    readonly latencies: number[];
    /** Keydown handler start to the end of the key's task: the page's work for the keystroke. */
    readonly processing: number[];
    /**
     * Time each keystroke's finished work waited for the display's next refresh to start a
     * frame (frames start only on refreshes): the part of keystroke to paint no page controls.
     */
    readonly refreshWaits: number[];
    /** Frame start to frame painted: style, layout, paint and commit of the keystroke's frame. */
    readonly frames: number[];
    /** Keystrokes whose DOM changed again after their first frame (their frame was re-measured). */
    readonly lateUpdates: number;
    /** Times writing suggestions were drawn (a pass over the whole module) since the first key. */
    readonly suggestionPasses: number;
    loadMs: number;
    reset(): void;
    timeSerialise(): { coldMs: number; warmMs: number };
  };
  harnessImages?: Record<string, string>;
}
// The harness's own globals, set here and read by the bench script through page.evaluate.
const w = window as unknown as Window & HarnessWindow;

const params = new URLSearchParams(location.search);
const words = Number(params.get('words') ?? '20000');
const markdown = params.get('doc') === 'sample' ? SAMPLE_MODULE : generateModule(words);
const images = Object.keys(w.harnessImages ?? {});
// `?language=on` runs the writing checks as the app does: off the page's thread (a worker here,
// the back end in the app), answering the editor's requests asynchronously.
declare const LANGUAGE_WORKER: string; // the worker's bundled code, defined by bundleHarness
const checkLanguage =
  params.get('language') === 'on' ? languageWorkerCheck(LANGUAGE_WORKER) : undefined;

function languageWorkerCheck(code: string) {
  const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
  const waiting = new Map<number, (report: LanguageReport) => void>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<{ id: number; report: LanguageReport }>) => {
    waiting.get(event.data.id)?.(event.data.report);
    waiting.delete(event.data.id);
  };
  return (blocks: LanguageBlock[]) =>
    new Promise<LanguageReport>((resolve) => {
      const id = ++next;
      waiting.set(id, resolve);
      worker.postMessage({ id, blocks });
    });
}
let reported = markdown;
let release = () => {};
let reports = 0;

/**
 * One keystroke's timings, all on the page's clock (`performance.now()` and `event.timeStamp`
 * share the same origin).
 */
interface Keystroke {
  /** When the browser received the key (the keydown event's timestamp). */
  received: number;
  /** When the page started handling it. */
  handled: number;
  /** When the key's task (its handlers, the browser's editing and all microtasks) had ended. */
  inputDone?: number;
  /** When the frame showing it started (its animation-frame callback). */
  frameStart?: number;
  /** That frame's own time (the display refresh it belongs to, given to the callback). */
  frameTime?: number;
  /** When that frame had been painted (the first task after the frame). */
  painted?: number;
  /** A frame has been requested and has not yet been painted. */
  waiting: boolean;
  /** The DOM changed after the frame was requested. */
  changedSinceFrame: boolean;
  late: boolean;
}
let keystrokes: Keystroke[] = [];

let current: Keystroke | undefined;

/**
 * Keystroke to paint is measured from the key event's timestamp until the browser has painted
 * the frame that shows the keystroke's last DOM change:
 * - a frame is requested (requestAnimationFrame) when the key arrives; its callback runs at the
 *   start of the next frame, after every event handler and microtask of the key (keydown,
 *   beforeinput, the browser's own text insertion, input, and React's commit);
 * - a task queued from that callback runs only after the frame's style, layout and paint have
 *   been done and handed to the compositor: that is when the frame is "painted";
 * - if the DOM changes again after the frame has begun (work deferred to a later task), the
 *   keystroke is measured to the paint of the frame after that change instead.
 */
function requestFrame(key: Keystroke): void {
  if (key.waiting) return;
  key.waiting = true;
  key.changedSinceFrame = false;
  requestAnimationFrame((frameTime) => {
    key.frameStart = performance.now();
    key.frameTime = frameTime;
    firstTaskAfter(() => {
      key.painted = performance.now();
      key.waiting = false;
      if (key.changedSinceFrame) requestFrame(key);
    });
  });
}

/** Runs `then` in the first task after the current one, ahead of ordinary tasks and timers. */
function firstTaskAfter(then: () => void): void {
  const scheduler = (
    window as unknown as {
      scheduler?: { postTask(task: () => void, options: { priority: string }): unknown };
    }
  ).scheduler;
  if (scheduler) {
    void scheduler.postTask(then, { priority: 'user-blocking' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = then;
  channel.port2.postMessage(null);
}

document.addEventListener(
  'keydown',
  (event) => {
    current = {
      received: event.timeStamp,
      handled: performance.now(),
      waiting: false,
      changedSinceFrame: false,
      late: false,
    };
    keystrokes.push(current);
    requestFrame(current);
  },
  true,
);
// The input event ends a typed key's handling; React commits in microtasks queued behind it
// (a chain a few deep: Slate's onChange, then React's render), so a longer chain queued from
// the last listener to run ends after them. (A task would come too late: after a key press,
// Chromium holds ordinary tasks back until the next frame has been drawn.)
window.addEventListener('input', () => {
  const key = current;
  if (!key) return;
  let depth = 0;
  const step = () => {
    depth += 1;
    if (depth < 20) queueMicrotask(step);
    else key.inputDone = performance.now();
  };
  queueMicrotask(step);
});
new MutationObserver(() => {
  const key = current;
  if (!key || key.frameStart === undefined) return; // before its frame: that frame shows it
  // A change after the keystroke's frame began: measure to the frame that shows it.
  key.late = true;
  key.changedSinceFrame = true;
  requestFrame(key);
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });

// Each batch of mutations that adds underlines is one decoration pass of the editor.
let suggestionPasses = 0;
const underline = '[data-language-key]';
new MutationObserver((records) => {
  if (keystrokes.length === 0) return;
  const drawn = records.some((record) =>
    [...record.addedNodes].some(
      (node) =>
        node instanceof Element && (node.matches(underline) || node.querySelector(underline)),
    ),
  );
  if (drawn) suggestionPasses += 1;
}).observe(document, { subtree: true, childList: true });

/** The key's work ended when its task did, or when its frame began if that came first. */
const inputEnd = (k: Keystroke) => Math.min(k.inputDone ?? Infinity, k.frameStart ?? NaN);
const measured = () => keystrokes.filter((k) => k.painted !== undefined && !k.waiting);
w.harness = {
  get markdown() {
    return reported;
  },
  get reported() {
    return reported;
  },
  get reports() {
    return reports;
  },
  unmount() {},
  holdTimers() {
    const { requestAnimationFrame: frame, setTimeout: timer } = window;
    const held: (() => void)[] = [];
    // Same signatures as the originals; the callbacks are kept and scheduled on release.
    window.requestAnimationFrame = (callback) => (held.push(() => frame(callback)), 0);
    window.setTimeout = ((callback: () => void, ms?: number) => (
      held.push(() => timer(callback, ms)),
      0
    )) as typeof setTimeout;
    release = () => {
      window.requestAnimationFrame = frame;
      window.setTimeout = timer;
      for (const schedule of held) schedule();
    };
  },
  releaseTimers() {
    release();
  },
  get latencies() {
    return measured().map((k) => (k.painted ?? NaN) - k.received);
  },
  get processing() {
    return measured().map((k) => inputEnd(k) - k.handled);
  },
  get refreshWaits() {
    // The frame's refresh time came after the work had finished: the page sat idle until it.
    return measured().map((k) => Math.max(0, (k.frameTime ?? NaN) - inputEnd(k)));
  },
  get frames() {
    return measured().map((k) => (k.painted ?? NaN) - (k.frameStart ?? NaN));
  },
  get lateUpdates() {
    return keystrokes.filter((k) => k.late).length;
  },
  get suggestionPasses() {
    return suggestionPasses;
  },
  loadMs: 0,
  reset() {
    keystrokes = [];
    current = undefined;
    suggestionPasses = 0;
  },
  timeSerialise() {
    const value = markdownToSlate(markdown);
    let start = performance.now();
    slateToMarkdown(value);
    const coldMs = performance.now() - start;
    start = performance.now();
    slateToMarkdown(value);
    return { coldMs, warmMs: performance.now() - start };
  },
};

const loadImage = async (path: string): Promise<string> => {
  const url = w.harnessImages?.[path];
  if (!url) throw new Error(`No image ${path}`);
  return url;
};

const started = performance.now();
// (markdownToSlate runs inside the first render, so it is part of the load time.)
const root = document.getElementById('root');
if (root && params.get('editor') === 'bare') {
  // The floor of the measurement: the same text in a plain contenteditable with no script, so
  // every keystroke costs only the browser's own editing and one frame.
  const bare = document.createElement('div');
  bare.contentEditable = 'true';
  bare.dataset.testid = 'module-editor-content';
  for (const paragraph of markdown.split(/\n{2,}/)) {
    const p = document.createElement('p');
    p.textContent = paragraph;
    bare.append(p);
  }
  root.append(bare);
  w.harness.loadMs = performance.now() - started;
} else if (root) {
  const reactRoot = createRoot(root);
  w.harness.unmount = () => reactRoot.unmount();
  reactRoot.render(
    <ModuleEditor
      markdown={markdown}
      onChange={(next) => {
        reported = next;
        reports += 1;
      }}
      images={images}
      loadImage={loadImage}
      ariaLabel="Module text"
      checkLanguage={checkLanguage}
    />,
  );
  // Loaded once the editor's content is in the page and a frame has been painted.
  const waitForContent = () => {
    if (document.querySelector('[data-testid="module-editor-content"] [data-slate-node]')) {
      w.harness.loadMs = performance.now() - started;
    } else requestAnimationFrame(waitForContent);
  };
  requestAnimationFrame(waitForContent);
}
