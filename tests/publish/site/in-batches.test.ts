import { describe, expect, it } from 'vitest';
import { inBatches } from '../../../main/publish/site/in-batches.js';

describe('inBatches', () => {
  it.each([
    [0, 4],
    [1, 4],
    [10, 3],
    [10, 32],
  ])(
    '%i items, limit %i: results in order, never more than the limit at once',
    async (count, limit) => {
      let running = 0;
      let most = 0;
      const items = Array.from({ length: count }, (_, i) => i);
      const results = await inBatches(items, limit, async (i) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, (count - i) % 3));
        running--;
        return i * 2;
      });
      expect(results).toEqual(items.map((i) => i * 2));
      expect(most).toBeLessThanOrEqual(limit);
    },
  );
});
