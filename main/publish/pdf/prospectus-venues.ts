/** The prospectus's venues: where the term's courses meet. */
import type { PublishContext } from '../types.js';
import { anchors } from './prospectus-anchors.js';
import type { VenueView } from './prospectus-views.js';

/** The venues this term's runs use, in college.yml's order. */
export function venueViews(ctx: PublishContext): VenueView[] {
  return usedVenues(ctx).map((v) => ({
    anchor: anchors.venue(v.id),
    name: v.name,
    address: v.address,
    accessibility: v.accessibility,
    online: v.online,
  }));
}

function usedVenues(ctx: PublishContext) {
  const used = new Set(ctx.runs.map((r) => r.venue));
  const venues = ctx.library.college.venues;
  // With no runs yet, list every venue so students still know where the college meets.
  return used.size === 0 ? venues : venues.filter((v) => used.has(v.id));
}
