/**
 * Benchmark and screenshot page: mounts ModuleEditor with a generated long module
 * (`?doc=large&words=N`) or the realistic sample (`?doc=sample`), and exposes the latest
 * Markdown and keystroke-to-paint timings on `window` for the bench script.
 */
import { createRoot } from 'react-dom/client';
import { ModuleEditor } from '../../../renderer/editor/index.js';
import { markdownToSlate } from '../../../renderer/editor/markdown-to-slate.js';
import { slateToMarkdown } from '../../../renderer/editor/slate-to-markdown.js';
import { generateModule, SAMPLE_MODULE } from './generate-module.js';

interface HarnessWindow {
  harness: {
    markdown: string;
    latencies: number[];
    processing: number[];
    loadMs: number;
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

w.harness = {
  markdown,
  latencies: [],
  processing: [],
  loadMs: 0,
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

// Keystroke to paint: from the key event's timestamp to the first task after the next frame.
// Processing: from when the page starts handling the key to the first task after it
// (keydown, beforeinput, input and React's commit run in one task), i.e. the editor's work.
document.addEventListener(
  'keydown',
  (event) => {
    const start = event.timeStamp;
    const handled = performance.now();
    const processed = new MessageChannel();
    processed.port1.onmessage = () => w.harness.processing.push(performance.now() - handled);
    processed.port2.postMessage(null);
    requestAnimationFrame(() => {
      const painted = new MessageChannel();
      painted.port1.onmessage = () => w.harness.latencies.push(performance.now() - start);
      painted.port2.postMessage(null);
    });
  },
  true,
);

const loadImage = async (path: string): Promise<string> => {
  const url = w.harnessImages?.[path];
  if (!url) throw new Error(`No image ${path}`);
  return url;
};

const started = performance.now();
// (markdownToSlate runs inside the first render, so it is part of the load time.)
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ModuleEditor
      markdown={markdown}
      onChange={(next) => {
        w.harness.markdown = next;
      }}
      images={images}
      loadImage={loadImage}
      ariaLabel="Module text"
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
