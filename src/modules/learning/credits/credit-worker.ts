import type { CoreContext } from '../../../core/context.js';
import { startPeriodicTask } from '../../../core/periodic-task.js';
import { syncCredits } from './sync-credits.js';

export const CREDIT_SYNC_MS = 5_000;

/**
 * Every few seconds: credit what was completed since (classes by the completion run, online courses by their last
 * lesson) and apply the conversion rules. Reading the completions instead of hooking into their code keeps those
 * parts unaware of credits; the ledger's key makes several processes running this at once harmless. A failed round
 * (a busy database) is simply retried on the next tick: nothing is lost, since the sync reads the completions again.
 */
export function startCreditWorker(core: CoreContext, everyMs = CREDIT_SYNC_MS): () => Promise<void> {
  return startPeriodicTask(() => syncCredits(core), everyMs);
}
