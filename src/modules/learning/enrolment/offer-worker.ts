import type { CoreContext } from '../../../core/context.js';
import { startPeriodicTask } from '../../../core/periodic-task.js';
import { expireDueOffers } from './enrolment-changes.js';

export const OFFER_SWEEP_MS = 5_000;

/**
 * Expires overdue seat offers every few seconds and passes the seats on. Safe with several server processes (each
 * row moves by a conditional update); a sweep that fails is retried at the next tick.
 */
export function startOfferWorker(core: CoreContext, everyMs = OFFER_SWEEP_MS): () => Promise<void> {
  return startPeriodicTask(() => expireDueOffers(core), everyMs);
}
