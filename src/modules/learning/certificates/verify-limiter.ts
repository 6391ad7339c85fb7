import type { CoreContext } from '../../../core/context.js';

export const VERIFY_LIMIT_PER_MINUTE = 20;
const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 100_000;

interface Windowed { start: number; hits: Map<string, number> }
const perApp = new WeakMap<object, Windowed>();

/**
 * Certificate look-ups per address: at most 20 a minute (fixed one-minute windows). Kept in the process's memory,
 * so a look-up writes nothing to the database (a refused or unknown code leaves no trace); behind a load balancer
 * with N processes an address gets at most N × 20 a minute, still far too few to guess an 80-bit code.
 * Returns false when this look-up is over the limit.
 */
export function allowVerifyLookup(core: Pick<CoreContext, 'clock' | 'config'>, ip: string | null): boolean {
  const now = core.clock.now().getTime();
  const start = now - (now % WINDOW_MS);
  let state = perApp.get(core.config);
  // A new minute (or a flood of addresses): start counting afresh.
  if (!state || state.start !== start || state.hits.size >= MAX_ADDRESSES) perApp.set(core.config, state = { start, hits: new Map() });
  const key = ip ?? '';
  const hits = (state.hits.get(key) ?? 0) + 1;
  state.hits.set(key, hits);
  return hits <= VERIFY_LIMIT_PER_MINUTE;
}
