/**
 * Clashes between sessions: a trainer booked in two places at once, or a room booked twice.
 * Sessions that only touch (one ends at 12:00, the next starts at 12:00) do not clash, and an
 * online venue holds any number of sessions at once.
 */

/** One session with what it books, and where it is written (term, run and session index). */
export interface SessionSlot {
  termId: string;
  run: number;
  session: number;
  course: string;
  venue: string;
  facilitators: readonly string[];
  date: string;
  start: string;
  end: string;
}

export interface Clash {
  kind: 'trainer' | 'venue';
  /** The trainer or venue id booked twice. */
  id: string;
  /** The earlier-listed session of the pair. */
  first: SessionSlot;
  second: SessionSlot;
}

/** True when the two sessions share some time on the same day (touching is not overlapping). */
export function overlaps(a: SessionSlot, b: SessionSlot): boolean {
  return a.date === b.date && a.start < b.end && b.start < a.end;
}

/** Every clash among `slots`, one per pair and trainer or venue, in the order of `slots`. */
export function findClashes(
  slots: readonly SessionSlot[],
  onlineVenues: ReadonlySet<string>,
): Clash[] {
  const byDate = new Map<string, SessionSlot[]>();
  for (const slot of slots) byDate.set(slot.date, [...(byDate.get(slot.date) ?? []), slot]);
  const clashes: Clash[] = [];
  // Only sessions on the same day can clash, so each day is compared on its own.
  for (const day of byDate.values()) {
    for (let i = 0; i < day.length; i++) {
      for (let j = i + 1; j < day.length; j++) {
        const first = day[i];
        const second = day[j];
        if (!first || !second || !overlaps(first, second)) continue;
        const shared = new Set(first.facilitators);
        for (const id of new Set(second.facilitators)) {
          if (shared.has(id)) clashes.push({ kind: 'trainer', id, first, second });
        }
        if (first.venue === second.venue && !onlineVenues.has(first.venue)) {
          clashes.push({ kind: 'venue', id: first.venue, first, second });
        }
      }
    }
  }
  const order = new Map(slots.map((slot, index) => [slot, index]));
  return clashes.sort((a, b) => (order.get(a.first) ?? 0) - (order.get(b.first) ?? 0));
}
