/**
 * Promises held in this instance's memory for `ttlMs` (0: nothing is held), one per key. A load
 * that fails is not kept, so the next caller asks again; `clear` drops everything at once (a
 * change this instance made).
 */
export class LocalMemo<V> {
  private readonly held = new Map<string, { until: number; value: Promise<V> }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const entry = this.held.get(key);
    if (entry && entry.until > now) return entry.value;
    const value = load();
    if (this.ttlMs > 0) {
      this.held.set(key, { until: now + this.ttlMs, value });
      value.catch(() => this.held.delete(key));
    }
    return value;
  }

  clear(): void {
    this.held.clear();
  }
}
