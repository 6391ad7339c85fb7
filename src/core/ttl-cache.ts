/** A value recomputed at most once per ttl; public, non-personal data only (navigation, network counts). */
export function ttlCache<T>(ttlMs: number, load: () => Promise<T>, now: () => number = Date.now) {
  let value: T | undefined;
  let loadedAt = -Infinity;
  let pending: Promise<T> | null = null;
  return {
    async get(): Promise<T> {
      if (value !== undefined && now() - loadedAt < ttlMs) return value;
      pending ??= load().then((v) => { value = v; loadedAt = now(); return v; }).finally(() => { pending = null; });
      return pending;
    },
    invalidate() {
      value = undefined;
    },
  };
}
