/** Bounded concurrency for file work: enough to keep the disk busy, few enough for any OS's file limit. */

/** Runs `task` over `items` with at most `limit` in flight; results keep the order of `items`. */
export async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T); // cast: index < items.length
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
