/**
 * Keeps each key's answer for `ttlMs`, and lets concurrent callers of a key share one load: a public
 * aggregate read by thousands costs one query per interval. A failed load is not kept. `ttlMs` 0: no cache.
 */
export class SingleFlightCache<K, V> {
  private readonly entries = new Map<K, { loadedAt: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.loadedAt < this.ttlMs) return entry.value;
    const value = load();
    this.entries.set(key, { loadedAt: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
