/**
 * A small seeded generator (mulberry32) so the demo content is the same on every install and every test run:
 * the same titles, numbers, dates and ids, whatever the machine.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** `count` distinct elements in random order. */
  sample<T>(list: readonly T[], count: number): T[];
  chance(probability: number): boolean;
  /** A deterministic UUID v7 for a moment: time-ordered like the server's own ids. */
  uuidAt(at: Date): string;
}

export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (digits: number) => Array.from({ length: digits }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    pick: (list) => list[Math.floor(next() * list.length)],
    sample(list, count) {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, count);
    },
    chance: (p) => next() < p,
    uuidAt(at) {
      const ms = at.getTime().toString(16).padStart(12, '0');
      const variant = (8 + int(0, 3)).toString(16);
      return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
  };
}

/** Fills `{name}` slots; a slot without a value stays visible so a template mistake shows in tests. */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
