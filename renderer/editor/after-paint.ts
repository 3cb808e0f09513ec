/**
 * Runs work just after the browser has painted the current frame, so that it never delays the
 * frame that shows a keystroke. A timer backs up the frame callback, which browsers pause in
 * hidden windows: the work still runs, only later.
 */

/** How long to wait for a frame before running the work anyway, in milliseconds. */
const FALLBACK_MS = 100;

/** Schedules `run` once, after the next paint; returns a function that cancels it. */
export function afterNextPaint(run: () => void): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const once = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
    run();
  };
  // A frame callback runs before the frame's layout and paint; a task queued from it runs after.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(once, 0);
  });
  const fallback = setTimeout(once, FALLBACK_MS);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}
