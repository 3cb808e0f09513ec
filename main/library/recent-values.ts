/**
 * Values worked out lately, by key, kept in two generations: when the newer one is full it
 * becomes the older and the oldest is dropped, so what a run of builds keeps asking for stays
 * and what it stops asking for is let go. The weight of an entry (a text's length, say) is
 * what fills a generation.
 */
export class RecentValues<K, V> {
  #current = new Map<K, V>();
  #previous = new Map<K, V>();
  #weight = 0;

  /** `limit`: the weight one generation may hold. */
  constructor(private readonly limit: number) {}

  /** The value kept for `key`, if any (kept again, in the newer generation). */
  get(key: K, weight = 1): V | undefined {
    const value = this.#current.get(key);
    if (value !== undefined) return value;
    const earlier = this.#previous.get(key);
    if (earlier !== undefined) this.set(key, earlier, weight);
    return earlier;
  }

  set(key: K, value: V, weight = 1): void {
    if (this.#weight + weight > this.limit) {
      this.#previous = this.#current;
      this.#current = new Map();
      this.#weight = 0;
    }
    this.#current.set(key, value);
    this.#weight += weight;
  }
}
