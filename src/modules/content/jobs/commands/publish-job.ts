import type { CoreContext } from '../../../../core/context.js';
import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import { conflict, invalidField } from '../../../../core/http/errors.js';
import { contentDb } from '../../content-schema.js';
import { bumpContentVersion } from '../../content-version.js';
import { indexJob } from '../../search/search-index.js';
import { isExpired } from '../job-fields.js';
import { loadManageableJob } from './load-job.js';

/**
 * Puts a draft or withdrawn posting on the portal. The publication time is the server's (never backdated), so
 * a republished posting moves to the top of the list; a posting whose closing date has passed cannot go up.
 */
export async function publishJob(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string): Promise<void> {
  const now = core.clock.now();
  await contentDb(core).transaction().execute(async (trx) => {
    const job = await loadManageableJob(trx, ctx.actor, id);
    if (job.status === 'published') throw conflict('content.job.already_published');
    if (isExpired(job.valid_until, now)) throw invalidField('validUntil', 'content.job.valid_until_past', 'past');
    await trx.updateTable('content_jobs').set({ status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() })
      .where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'content.job.publish', targetType: 'content_job', targetId: id,
      before: { status: job.status }, after: { status: 'published' } }, now);
    await indexJob(trx, core.dialect, id);
    await bumpContentVersion(trx);
  });
}
