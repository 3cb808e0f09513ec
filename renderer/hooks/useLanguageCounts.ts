/** The number of writing suggestions per course, fetched again whenever the library changes. */
import { useEffect, useState } from 'react';
import type { LibraryOverview } from '../../main/api/contract.js';
import { tandem } from '../api.js';

/** Counts by course id; undefined until known (or when the check could not run). */
export function useLanguageCounts(
  library: LibraryOverview | null | undefined,
): Record<string, number> | undefined {
  const [counts, setCounts] = useState<Record<string, number> | undefined>(undefined);
  useEffect(() => {
    if (!library) return;
    let cancelled = false;
    tandem()
      .getLanguageCounts()
      .then(
        (found) => {
          if (!cancelled) setCounts(found);
        },
        () => {
          // Suggestions are optional help: without them the screens show no counts.
        },
      );
    return () => {
      cancelled = true;
    };
  }, [library]);
  return counts;
}

/** "1 writing suggestion", "3 writing suggestions". */
export function suggestionCount(n: number): string {
  return n === 1 ? '1 writing suggestion' : `${n} writing suggestions`;
}
