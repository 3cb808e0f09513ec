/**
 * The shapes of the library format's names: ids (course folders, trainers, terms, pages), module
 * file names and content versions. Pure, so the UI, the loader, sign-off and the API's argument
 * checks all hold names to the same rules.
 */

/** Ids: lower-case words of a-z and 0-9 joined by single hyphens, like `managing-anxiety`. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A content version: `sha256:` and 64 lower-case hex digits. */
export const VERSION_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** Module files in modules/: a two-digit number, a hyphen and a slug, like `01-welcome.md`. */
export const MODULE_FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

/** A recovered text's id: `2026-12-01T20-15-03Z-9f3a61c2` (when it was kept, 32 random bits). */
export const RECOVERED_ID_PATTERN = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ-[0-9a-f]{8}$/;

/** The root folder archived courses are kept in: `archive/<course-id>/` (out of terms and publishing). */
export const ARCHIVE_FOLDER = 'archive';

/** The highest module number a two-digit file name can carry. */
export const MAX_MODULE_NUMBER = 99;

/** True for a lower-case kebab-case id. */
export function isKebabCase(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Number and slug of a module file name, or undefined when it is not `NN-slug.md`. */
export function parseModuleFileName(file: string): { number: number; slug: string } | undefined {
  const match = MODULE_FILE_PATTERN.exec(file);
  if (!match?.[1] || !match[2]) return undefined;
  return { number: Number(match[1]), slug: match[2] };
}

/** `NN-slug.md`; a number outside 0…99 has no module file name, so it is refused. */
export function moduleFileName(number: number, slug: string): string {
  if (!Number.isInteger(number) || number < 0 || number > MAX_MODULE_NUMBER) {
    throw new RangeError(`module number ${number} does not fit a two-digit module file name`);
  }
  return `${String(number).padStart(2, '0')}-${slug}.md`;
}
