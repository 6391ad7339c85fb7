/**
 * Rendered anonymous pages kept as Buffers, bounded by total bytes (oldest-used out first), so that random
 * URLs (`/a/<guess>?x=1`) cannot grow it without limit. An entry is valid while its version stamp equals the
 * current one (the stamp joins everything the page was built from: navigation version, content version, …);
 * past `ttlMs` it is still returned but marked stale, so the caller can serve it while one refresh runs.
 */
export interface CachedPage { body: Buffer; at: number; stamp: string; stale: boolean }

export function pageCache(maxBytes: number, ttlMs: number) {
  const entries = new Map<string, CachedPage>();
  let bytes = 0;
  return {
    get(key: string, stamp: string, now: number): CachedPage | null {
      const hit = entries.get(key);
      if (!hit) return null;
      if (hit.stamp !== stamp) return null;
      // Map order is insertion order: move the entry to the end so eviction drops the least recently used.
      entries.delete(key);
      entries.set(key, hit);
      hit.stale = now - hit.at >= ttlMs;
      return hit;
    },
    set(key: string, stamp: string, body: Buffer, now: number) {
      const old = entries.get(key);
      if (old) {
        bytes -= old.body.length;
        entries.delete(key);
      }
      if (body.length > maxBytes) return;
      entries.set(key, { body, at: now, stamp, stale: false });
      bytes += body.length;
      for (const [k, v] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(k);
        bytes -= v.body.length;
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    get size() { return entries.size; },
    get bytes() { return bytes; },
  };
}
