/** Wording shared by the app, the command line and the published pages. */

/** Joins words as people write lists: "a", "a and b", "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The two kinds of trainer of trainers.yml; every course is co-produced by both. */
export type TrainerRole = 'peer' | 'practitioner';

/** A role as written after a name: "peer trainer", "practitioner trainer". */
export function roleLabel(role: TrainerRole): string {
  return role === 'peer' ? 'peer trainer' : 'practitioner trainer';
}

/** A role as the heading of its people: "Peer trainers", "Practitioner trainers". */
export function roleHeading(role: TrainerRole): string {
  return role === 'peer' ? 'Peer trainers' : 'Practitioner trainers';
}

/** "Amira Hassan (peer trainer)". */
export function nameWithRole(name: string, role: TrainerRole): string {
  return `${name} (${roleLabel(role)})`;
}

/** What a course published with drafts but not yet signed off says, on its pages and PDFs. */
export const DRAFT_LABEL = 'Draft – not yet signed off';

/** "Co-produced and co-delivered by A (peer trainer) and B (practitioner trainer)". */
export function coProducedBy(people: readonly string[]): string {
  return `Co-produced and co-delivered by ${joinWithAnd(people)}`;
}

/** "Delivered by A (peer trainer) and B (practitioner trainer)": a run's own team. */
export function deliveredBy(people: readonly string[]): string {
  return `Delivered by ${joinWithAnd(people)}`;
}
