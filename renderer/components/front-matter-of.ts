/** The front matter of a whole Markdown file, as the conflict views compare it field by field. */
import { parse } from 'yaml';
import { splitFrontMatter } from '../../main/format/front-matter-fences.js';

/** The front matter of `file` as an object, or undefined when it cannot be read. */
export function frontMatterOf(file: string): Record<string, unknown> | undefined {
  const { frontMatter } = splitFrontMatter(file);
  if (frontMatter === undefined) return undefined;
  try {
    const value: unknown = parse(frontMatter);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>) // cast: a YAML mapping, checked just above
      : undefined;
  } catch {
    return undefined;
  }
}
