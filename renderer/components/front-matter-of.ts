/** The front matter of a whole Markdown file, as the conflict views compare it field by field. */
import { parse } from 'yaml';

/** The front matter of `file` as an object, or undefined when it cannot be read. */
export function frontMatterOf(file: string): Record<string, unknown> | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(file);
  if (!match) return undefined;
  try {
    const value: unknown = parse(match[1] ?? '');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>) // cast: a YAML mapping, checked just above
      : undefined;
  } catch {
    return undefined;
  }
}
