/** The in-memory cache a long-running back end carries from one run to the next. */
import { describe, expect, it } from 'vitest';
import { RenderCache } from '../../../main/publish/markdown/render-cache.js';

/** `derived` for `inputs`, noting whether the text had to be made. */
function ask(cache: RenderCache, inputs: unknown, made: string[]): string {
  return cache.derived(inputs, () => {
    made.push(String(inputs));
    return `text of ${String(inputs)}`;
  });
}

describe('RenderCache.following', () => {
  it('starts with what the run before used, and keeps only that', () => {
    const made: string[] = [];
    const first = RenderCache.unsaved('stamp');
    ask(first, 'a', made);
    ask(first, 'b', made);
    const second = RenderCache.following(first);
    // Only `a` is asked for again: `b` is not carried into the third run.
    expect(ask(second, 'a', made)).toBe('text of a');
    ask(second, 'c', made);
    const third = RenderCache.following(second);
    ask(third, 'a', made);
    ask(third, 'b', made);
    ask(third, 'c', made);
    expect(made).toEqual(['a', 'b', 'c', 'b']);
    expect([third.hits, third.misses]).toEqual([2, 1]);
    expect(third.stamp).toBe('stamp');
  });

  it('never serves a text for inputs that differ, however little', () => {
    const made: string[] = [];
    const first = RenderCache.unsaved('stamp');
    ask(first, ['yaml', 'title: Hope'], made);
    const next = RenderCache.following(first);
    ask(next, ['yaml', 'title: Hope '], made);
    expect(made).toEqual(['yaml,title: Hope', 'yaml,title: Hope ']);
  });
});
