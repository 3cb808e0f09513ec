/** Values kept in two generations: what is still asked for stays, what is not is let go. */
import { describe, expect, it } from 'vitest';
import { RecentValues } from '../../main/library/recent-values.js';

describe('RecentValues', () => {
  it('keeps what is asked for again and lets go of what is not', () => {
    // Each generation holds a weight of 4.
    const recent = new RecentValues<string, number>(4);
    recent.set('a', 1, 2);
    recent.set('b', 2, 2);
    // Full: `c` starts a new generation; `a` and `b` are still found in the older one.
    recent.set('c', 3, 2);
    expect(recent.get('a', 2)).toBe(1);
    // Asking for `a` kept it in the newer generation, which is now full; `b` was not asked for.
    recent.set('d', 4, 2);
    expect(recent.get('a', 2)).toBe(1);
    expect(recent.get('c', 2)).toBe(3);
    expect(recent.get('b', 2)).toBeUndefined();
  });

  it('holds nothing it was not given', () => {
    const recent = new RecentValues<string, string>(100);
    expect(recent.get('missing')).toBeUndefined();
    recent.set('key', 'value');
    expect(recent.get('key')).toBe('value');
    expect(recent.get('Key')).toBeUndefined();
  });
});
