/**
 * The inline accept marker: `<!-- accept: patients -->` anywhere in a paragraph, heading or list
 * item tells Tandem that the phrase (or a rule id such as `passive-voice`) is deliberate there,
 * so it is not reported again. It is an HTML comment, so it is never published.
 */

const marker = /<!--\s*accept:\s*([\s\S]*?)\s*-->/gi;

/** The phrases or rule ids accepted by the markers in `text` (commas separate several). */
export function acceptedIn(text: string): string[] {
  const accepted: string[] = [];
  for (const match of text.matchAll(marker)) {
    for (const value of (match[1] ?? '').split(',')) {
      if (value.trim() !== '') accepted.push(value.trim());
    }
  }
  return accepted;
}

/** The marker that accepts `phrase`, as written into the text. */
export function acceptMarker(phrase: string): string {
  return `<!-- accept: ${phrase.replace(/--+>?/g, ' ').replace(/,/g, ' ').trim()} -->`;
}
