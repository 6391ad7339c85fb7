import type { CoreContext } from '../context.js';
import { startPeriodicTask } from '../periodic-task.js';
import { purgeRules, type PiInventory } from './inventory.js';

/** Hourly: the shortest finite retention (sessions, login tickets) is minutes, and nothing reads the expired rows meanwhile. */
export const RETENTION_SWEEP_MS = 60 * 60_000;

/**
 * Runs every purge rule of the inventories once, at the injected clock's now (PIPL 19, 47; SECURITY.md P8), and
 * says how many rows each table lost. One failing rule does not stop the others; the first error is thrown after.
 */
export async function runRetentionOnce(core: CoreContext, inventories: ReadonlyArray<PiInventory>): Promise<Record<string, number>> {
  const now = core.clock.now();
  const purged: Record<string, number> = {};
  let failure: unknown = null;
  for (const { table, purge } of purgeRules(inventories)) {
    try {
      purged[table] = await purge(core, now);
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure) throw failure;
  return purged;
}

/** The periodic retention job (started by app.ts with the other background work); the stop waits for a running round. */
export function startRetentionWorker(core: CoreContext, inventories: ReadonlyArray<PiInventory>, everyMs = RETENTION_SWEEP_MS,
  onError: (error: unknown) => void = () => {}): () => Promise<void> {
  return startPeriodicTask(() => runRetentionOnce(core, inventories), everyMs, onError);
}
