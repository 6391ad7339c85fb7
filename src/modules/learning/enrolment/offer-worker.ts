import type { CoreContext } from '../../../core/context.js';
import { expireDueOffers } from './enrolment-changes.js';

export const OFFER_SWEEP_MS = 5_000;

/**
 * Expires overdue seat offers every few seconds and passes the seats on. Safe with several server processes (each
 * row moves by a conditional update); a sweep that fails is retried at the next tick.
 */
export function startOfferWorker(core: CoreContext, everyMs = OFFER_SWEEP_MS): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = expireDueOffers(core).catch(() => undefined).finally(() => { running = null; });
  }, everyMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
