/**
 * Canonical form of a block's content, used to tell whether a block was edited since it was
 * read. `origin` is left out at every depth: it records where a block came from, not what it says.
 */
import type { Node } from 'slate';

const withoutOrigin = (key: string, value: unknown): unknown =>
  key === 'origin' ? undefined : value;

/** Returns a string that is equal for two blocks exactly when their content is equal. */
export function fingerprint(node: Node): string {
  return JSON.stringify(node, withoutOrigin);
}
