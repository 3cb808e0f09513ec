/**
 * A SHA-256 of JSON-like data, fed to the hash piece by piece instead of as one JSON text: the
 * keys of a build's caches and pages hash megabytes of Markdown and HTML, and building and
 * escaping that JSON cost more than hashing it. Every piece carries its type and length, so
 * two different values never feed the same bytes; undefined, NaN, the infinities and -0 are
 * told apart from null and 0, which JSON would blur.
 */
import { createHash, type Hash } from 'node:crypto';

/**
 * What `hashPlainData` does with an object that is not plain data: the text that stands for
 * it, or undefined to refuse it (an Error is thrown).
 */
export type StandIn = (value: object) => string | undefined;

/** Node 20 has it; ES2023's types do not. */
const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

/**
 * A string as its UTF-8 byte length and bytes. UTF-8 would turn every lone surrogate into the
 * same replacement character, so a text holding one is fed as its JSON instead, which escapes them.
 */
function feedString(hash: Hash, text: string): void {
  if (isWellFormed(text)) hash.update(`s${Buffer.byteLength(text)}:`).update(text);
  else feedString(hash.update('j'), JSON.stringify(text));
}

function feed(hash: Hash, value: unknown, standIn: StandIn | undefined): void {
  switch (typeof value) {
    case 'string':
      feedString(hash, value);
      return;
    case 'number':
      hash.update(`n${Object.is(value, -0) ? '-0' : String(value)};`);
      return;
    case 'boolean':
      hash.update(value ? 't' : 'f');
      return;
    case 'undefined':
      hash.update('u');
      return;
    case 'object':
      break;
    default:
      throw new Error(`cannot key a ${typeof value}`);
  }
  if (value === null) {
    hash.update('z');
    return;
  }
  if (Array.isArray(value)) {
    hash.update(`a${value.length}[`);
    for (const item of value) feed(hash, item, standIn);
    hash.update(']');
    return;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    const text = standIn?.(value);
    if (text === undefined) throw new Error('cannot key something other than plain data');
    feedString(hash.update('x'), text);
    return;
  }
  const keys = Object.keys(value);
  hash.update(`o${keys.length}{`);
  for (const key of keys) {
    feedString(hash, key);
    feed(hash, (value as Record<string, unknown>)[key], standIn);
  }
  hash.update('}');
}

/**
 * The SHA-256 (hex) of `value`: strings, numbers, booleans, null, undefined, arrays and plain
 * objects (keys in their own order); any other object through `standIn`, else refused.
 */
export function hashPlainData(value: unknown, standIn?: StandIn): string {
  const hash = createHash('sha256');
  feed(hash, value, standIn);
  return hash.digest('hex');
}
