import type { CoreContext } from '../../../../core/context.js';
import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import { appendAudit } from '../../../../core/audit/audit-log.js';
import { conflict } from '../../../../core/http/errors.js';
import { contentDb } from '../../content-schema.js';
import { bumpContentVersion } from '../../content-version.js';
import { unindexJob } from '../../search/search-index.js';
import { loadManageableJob } from './load-job.js';

/** Takes a published posting off the portal: its list entry, its page and its search entry go together. */
export async function withdrawJob(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string): Promise<void> {
  const now = core.clock.now();
  await contentDb(core).transaction().execute(async (trx) => {
    const job = await loadManageableJob(trx, ctx.actor, id);
    if (job.status !== 'published') throw conflict('content.job.not_published');
    await trx.updateTable('content_jobs').set({ status: 'withdrawn', updated_at: now.toISOString() }).where('id', '=', id).execute();
    await appendAudit(trx, ctx, { action: 'content.job.withdraw', targetType: 'content_job', targetId: id,
      before: { status: 'published' }, after: { status: 'withdrawn' } }, now);
    await unindexJob(trx, core.dialect, id);
    await bumpContentVersion(trx);
  });
}
