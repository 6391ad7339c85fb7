import type { Kysely } from 'kysely';
import type { CoreContext } from '../../core/context.js';
import { contentDb, type ContentDatabase } from './content-schema.js';

/**
 * One number that changes whenever something public changes (an item published, edited, withdrawn; a job
 * posted; a category renamed). Page caches key on it, so an edit shows at once in this process and within
 * `maxAgeMs` in the others (PostgreSQL deployments run several processes).
 */
export async function bumpContentVersion(trx: Kysely<ContentDatabase>): Promise<void> {
  await trx.updateTable('content_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
  localBumps += 1;
}

let localBumps = 0;
const readers = new WeakMap<object, { value: number; readAt: number; localBumps: number }>();

/** The current version; re-read from the database at most every `maxAgeMs` unless this process changed it. */
export async function contentVersion(core: Pick<CoreContext, 'db'>, maxAgeMs = 1000): Promise<number> {
  const cached = readers.get(core.db);
  const now = Date.now();
  if (cached && cached.localBumps === localBumps && now - cached.readAt < maxAgeMs) return cached.value;
  const row = await contentDb(core).selectFrom('content_state').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
  readers.set(core.db, { value: Number(row.version), readAt: now, localBumps });
  return Number(row.version);
}
