/**
 * A SHA-256 of JSON-like data, without building it as one JSON text: the keys of a build's
 * caches and pages cover megabytes of Markdown and HTML, and building and escaping that JSON
 * cost more than hashing it. Small pieces are gathered into one string and hashed together
 * (each call into the hash has its own cost); a long string goes as its own remembered hash.
 * Every piece carries its type and length, so two different values never feed the same bytes;
 * undefined, NaN, the infinities and -0 are told apart from null and 0, which JSON would blur.
 */
import { createHash, type Hash } from 'node:crypto';
import { RecentValues } from '../../library/recent-values.js';

/**
 * What `hashPlainData` does with an object that is not plain data: the text that stands for
 * it, or undefined to refuse it (an Error is thrown).
 */
export type StandIn = (value: object) => string | undefined;

/**
 * Strings at least this long are fed as their own SHA-256, remembered (textDigests): a build
 * keys the same bodies of Markdown several times over (its check, its render, its search
 * words, its course's job), and a rebuild keys every unchanged body again.
 */
const LONG = 512;

/**
 * The SHA-256 of long well-formed texts keyed lately, up to 64 M characters a generation (held,
 * not copied). A Map finds a string by its characters (V8 keeps a string's hash with it), many
 * times faster than hashing its UTF-8 again. It holds only well-formed texts.
 */
const textDigests = new RecentValues<string, string>(64 * 1024 * 1024);

/** Node 20 has it; ES2023's types do not. */
const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

class Feeder {
  readonly #hash: Hash = createHash('sha256');
  /** Pieces not yet hashed: ASCII markers and well-formed strings, so one well-formed text. */
  #pending = '';

  constructor(private readonly standIn: StandIn | undefined) {}

  /**
   * A string, after its length, or a long one as its SHA-256. UTF-8 would turn every lone
   * surrogate into the same replacement character, so a text holding one is fed as its JSON
   * instead, which escapes them.
   */
  string(text: string): void {
    const known = text.length >= LONG ? textDigests.get(text, text.length) : undefined;
    if (known !== undefined) {
      this.#pending += `h${known}`;
    } else if (!isWellFormed(text)) {
      this.#pending += 'j';
      this.string(JSON.stringify(text));
    } else if (text.length < LONG) {
      this.#pending += `s${text.length}:${text}`;
    } else {
      const digest = sha256Hex(text);
      textDigests.set(text, digest, text.length);
      this.#pending += `h${digest}`;
    }
  }

  value(value: unknown): void {
    switch (typeof value) {
      case 'string':
        this.string(value);
        return;
      case 'number':
        this.#pending += `n${Object.is(value, -0) ? '-0' : String(value)};`;
        return;
      case 'boolean':
        this.#pending += value ? 't' : 'f';
        return;
      case 'undefined':
        this.#pending += 'u';
        return;
      case 'object':
        break;
      default:
        throw new Error(`cannot key a ${typeof value}`);
    }
    if (value === null) {
      this.#pending += 'z';
      return;
    }
    if (Array.isArray(value)) {
      this.#pending += `a${value.length}[`;
      for (const item of value) this.value(item);
      this.#pending += ']';
      return;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      const text = this.standIn?.(value);
      if (text === undefined) throw new Error('cannot key something other than plain data');
      this.#pending += 'x';
      this.string(text);
      return;
    }
    const keys = Object.keys(value);
    this.#pending += `o${keys.length}{`;
    for (const key of keys) {
      this.string(key);
      this.value((value as Record<string, unknown>)[key]);
    }
    this.#pending += '}';
  }

  digest(): string {
    return this.#hash.update(this.#pending).digest('hex');
  }
}

/** The SHA-256 (hex) of a text or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The SHA-256 (hex) of `value`: strings, numbers, booleans, null, undefined, arrays and plain
 * objects (keys in their own order); any other object through `standIn`, else refused.
 */
export function hashPlainData(value: unknown, standIn?: StandIn): string {
  const feeder = new Feeder(standIn);
  feeder.value(value);
  return feeder.digest();
}
