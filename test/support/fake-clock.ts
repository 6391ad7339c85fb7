import type { Clock } from '../../src/core/time.js';

export interface FakeClock extends Clock { advance(ms: number): void; set(iso: string): void }

export function fakeClock(startIso = '2026-03-02T01:00:00.000Z'): FakeClock {
  let current = Date.parse(startIso);
  return {
    now: () => new Date(current),
    advance: (ms) => { current += ms; },
    set: (iso) => { current = Date.parse(iso); },
  };
}
