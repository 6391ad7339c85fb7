import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import { AppError } from '../../../../core/http/errors.js';
import { contentDb } from '../../content-schema.js';
import { auditContent } from '../../content-audit.js';
import { applyItemInput } from '../item-input.js';
import { authorize, loadVisibleItem } from '../item-loader.js';
import { findOfficial, latestRevisionNumber } from '../item-repository.js';
import { applyCopyToItem, writeRevision } from '../revision-writer.js';
import { copyFromRevision, copyFromRow } from '../working-copy.js';
import type { UpdateItemInput } from '../item-schemas.js';

/**
 * A save: always a new revision. A draft (or a withdrawn item, which becomes a draft again) is updated in
 * place. A published item stays as the public sees it: the save opens (or continues) a pending edit that
 * goes through review, sign-off and publication before it replaces the public version.
 */
export async function saveItem(core: CoreContext, ctx: RequestContext & { actor: Actor }, id: string, input: UpdateItemInput): Promise<number> {
  const now = core.clock.now();
  const at = now.toISOString();
  return contentDb(core).transaction().execute(async (trx) => {
    const loaded = await loadVisibleItem(trx, ctx.actor, id, true);
    authorize(ctx.actor, loaded, 'edit');
    const latest = await latestRevisionNumber(trx, id);
    if (input.baseRevision !== undefined && input.baseRevision !== latest) {
      throw new AppError(409, 'content.item.revision_conflict', { current: latest });
    }
    const base = loaded.pending && loaded.revision ? copyFromRevision(loaded.revision) : copyFromRow(loaded.item, await findOfficial(trx, id));
    const { copy } = await applyItemInput(trx, core, ctx.actor, id, base, input);
    const revision = latest + 1;
    await writeRevision(trx, id, revision, copy, { id: ctx.actor.userId, name: ctx.actor.displayName }, input.note ?? null, at);

    if (loaded.pending) {
      await trx.updateTable('content_pending_edits').set({ revision, updated_at: at }).where('item_id', '=', id).execute();
    } else if (loaded.item.status === 'published') {
      await trx.insertInto('content_pending_edits').values({
        item_id: id, revision, status: 'draft', reviews_required: 0, reviews_passed: 0, signed_by: null, signed_by_name: null,
        signed_at: null, publish_at: null, created_at: at, updated_at: at,
      }).execute();
    } else {
      await applyCopyToItem(trx, id, revision, copy, at);
      await trx.updateTable('content_items').set({
        status: 'draft', reviews_required: 0, reviews_passed: 0, signed_by: null, signed_by_name: null, signed_at: null, publish_at: null,
      }).where('id', '=', id).execute();
    }
    await auditContent(trx, ctx, {
      action: 'content.item.update', targetType: 'content_item', targetId: id,
      before: { revision: latest, title: base.title }, after: { revision, title: copy.title, pendingEdit: loaded.item.status === 'published' },
    }, now);
    return revision;
  });
}
