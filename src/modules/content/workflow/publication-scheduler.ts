import type { RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { contentDb } from '../content-schema.js';
import { auditContent } from '../content-audit.js';
import { publishWorkingState } from './publication.js';
import { recordStep } from './workflow-history.js';

export const SCHEDULER_INTERVAL_MS = 30_000;
const SCHEDULER_CONTEXT: RequestContext = { actor: null, ip: null, requestId: 'publication-scheduler' };

/**
 * Publishes what is due: scheduled items and scheduled edits of published items whose publish_at has come.
 * Each publication is its own transaction that first claims the row with a conditional write
 * (`status = 'scheduled' and publish_at <= now`), so when two processes tick together only one publishes.
 * Returns the ids it published.
 */
export async function publishDueItems(core: CoreContext): Promise<string[]> {
  const db = contentDb(core);
  const now = core.clock.now();
  const nowIso = now.toISOString();
  const dueItems = await db.selectFrom('content_items').select('id')
    .where('status', '=', 'scheduled').where('publish_at', '<=', nowIso).orderBy('publish_at').execute();
  const dueEdits = await db.selectFrom('content_pending_edits').select('item_id')
    .where('status', '=', 'scheduled').where('publish_at', '<=', nowIso).orderBy('publish_at').execute();
  const published: string[] = [];

  for (const { id } of dueItems) {
    const done = await db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('content_items').set({ status: 'published', updated_at: nowIso })
        .where('id', '=', id).where('status', '=', 'scheduled').where('publish_at', '<=', nowIso).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const revision = await trx.selectFrom('content_items').select('revision').where('id', '=', id).executeTakeFirstOrThrow();
      await publishWorkingState(trx, core, id, null, now);
      await recordScheduledPublication(trx, id, Number(revision.revision), now);
      return true;
    });
    if (done) published.push(id);
  }

  for (const { item_id: id } of dueEdits) {
    const done = await db.transaction().execute(async (trx) => {
      // The claim: only the process whose conditional update moved the row out of 'scheduled' goes on.
      const claimed = await trx.updateTable('content_pending_edits').set({ status: 'approved', updated_at: nowIso })
        .where('item_id', '=', id).where('status', '=', 'scheduled').where('publish_at', '<=', nowIso).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const pending = await trx.selectFrom('content_pending_edits').selectAll().where('item_id', '=', id).executeTakeFirstOrThrow();
      await publishWorkingState(trx, core, id, pending, now);
      await recordScheduledPublication(trx, id, Number(pending.revision), now);
      return true;
    });
    if (done) published.push(id);
  }
  return published;
}

/** History and audit of a publication nobody clicked: credited to whoever scheduled it. */
async function recordScheduledPublication(trx: Parameters<typeof recordStep>[0], itemId: string, revision: number, now: Date) {
  const scheduledBy = await trx.selectFrom('content_reviews').select(['actor_id', 'actor_name'])
    .where('item_id', '=', itemId).where('step', '=', 'schedule').orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  if (scheduledBy) {
    await recordStep(trx, {
      itemId, revision, step: 'publish', actorId: scheduledBy.actor_id, actorName: scheduledBy.actor_name,
      comment: '定时发布', at: now.toISOString(),
    });
  }
  await auditContent(trx, SCHEDULER_CONTEXT, {
    action: 'content.item.publish', targetType: 'content_item', targetId: itemId,
    after: { status: 'published', publishedAt: now.toISOString(), scheduled: true },
    actorOverride: { id: null, name: 'publication-scheduler' },
  }, now);
}

/**
 * The background job: a tick at start (publications that fell due while the server was down are made at
 * once) and then every `intervalMs`. Ticks never overlap; an error is logged and the next tick tries again.
 */
export function startPublicationScheduler(core: CoreContext, intervalMs = SCHEDULER_INTERVAL_MS): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = publishDueItems(core)
      .catch((error: unknown) => { console.error('publication scheduler:', error); })
      .finally(() => { running = null; });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
