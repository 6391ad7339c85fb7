import type { Kysely } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { invalidField } from '../../../core/http/errors.js';
import { contentDb, type ContentDatabase } from '../content-schema.js';
import { auditContent } from '../content-audit.js';
import { bumpContentVersion } from '../content-version.js';
import { findCategory } from '../categories/category-repository.js';
import { authorize, loadVisibleItem, type LoadedItem } from '../items/item-loader.js';
import { unindexItem } from '../search/search-index.js';
import type { WorkflowAction } from './workflow-policy.js';
import { BACK_TO_DRAFT, saveWorkflowState } from './workflow-state.js';
import { recordStep } from './workflow-history.js';
import { foldPendingEdit, publishWorkingState } from './publication.js';

type Ctx = RequestContext & { actor: Actor };
type Trx = Kysely<ContentDatabase>;
interface StepDone { step: Parameters<typeof recordStep>[1]['step']; level?: number | null; after: Record<string, unknown> }

/**
 * The frame of every workflow step (STYLE.md practice 8): one transaction that locks the item, checks the
 * rule for this actor, changes the state, writes the history line and the audit entry.
 */
async function runStep(core: CoreContext, ctx: Ctx, id: string, action: WorkflowAction, comment: string | undefined,
  change: (trx: Trx, loaded: LoadedItem, now: Date) => Promise<StepDone>): Promise<void> {
  const now = core.clock.now();
  await contentDb(core).transaction().execute(async (trx) => {
    const loaded = await loadVisibleItem(trx, ctx.actor, id, true);
    authorize(ctx.actor, loaded, action);
    const done = await change(trx, loaded, now);
    await recordStep(trx, {
      itemId: id, revision: loaded.state.revision, step: done.step, level: done.level, actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName, comment, at: now.toISOString(),
    });
    await auditContent(trx, ctx, {
      action: `content.item.${done.step}`, targetType: 'content_item', targetId: id,
      before: { status: loaded.state.status, revision: loaded.state.revision }, after: done.after,
    }, now);
  });
}

/** 送审: reviews_required comes from the category now; with 0 levels the item waits for sign-off at once. */
export function submitItem(core: CoreContext, ctx: Ctx, id: string, comment?: string) {
  return runStep(core, ctx, id, 'submit', comment, async (trx, loaded, now) => {
    const category = await findCategory(trx, loaded.item.category_id);
    const levels = Number(category?.review_levels ?? 1);
    const status = levels > 0 ? 'in_review' as const : 'approved' as const;
    await saveWorkflowState(trx, id, loaded.state, { ...BACK_TO_DRAFT, status, reviews_required: levels }, now.toISOString());
    return { step: 'submit', after: { status, reviewsRequired: levels } };
  });
}

/** 审核: approves the next level; after the last one the item waits for sign-off. */
export function reviewItem(core: CoreContext, ctx: Ctx, id: string, comment?: string) {
  return runStep(core, ctx, id, 'review', comment, async (trx, loaded, now) => {
    const level = loaded.state.reviews_passed + 1;
    const status = level >= loaded.state.reviews_required ? 'approved' as const : 'in_review' as const;
    await saveWorkflowState(trx, id, loaded.state, { reviews_passed: level, status }, now.toISOString());
    return { step: 'review', level, after: { status, reviewsPassed: level } };
  });
}

/** 退回: back to draft with the reviewer's or signer's comment. */
export function rejectItem(core: CoreContext, ctx: Ctx, id: string, comment: string) {
  return runStep(core, ctx, id, 'reject', comment, async (trx, loaded, now) => {
    await saveWorkflowState(trx, id, loaded.state, BACK_TO_DRAFT, now.toISOString());
    return { step: 'reject', after: { status: 'draft', comment } };
  });
}

/** 签发: the signer's name and the time are recorded on the item. */
export function signItem(core: CoreContext, ctx: Ctx, id: string, comment?: string) {
  return runStep(core, ctx, id, 'sign', comment, async (trx, loaded, now) => {
    const at = now.toISOString();
    await saveWorkflowState(trx, id, loaded.state, { signed_by: ctx.actor.userId, signed_by_name: ctx.actor.displayName, signed_at: at }, at);
    return { step: 'sign', after: { signedBy: ctx.actor.displayName, signedAt: at } };
  });
}

/**
 * 发布: now, or at a future time (scheduled; the scheduler publishes it). A time in the past is refused:
 * publication times are the server's, never backdated.
 */
export function publishItem(core: CoreContext, ctx: Ctx, id: string, publishAt: string | undefined, comment?: string) {
  return runStep(core, ctx, id, 'publish', comment, async (trx, loaded, now) => {
    if (publishAt !== undefined) {
      const when = new Date(publishAt);
      if (!(when.getTime() > now.getTime())) throw invalidField('publishAt', 'content.workflow.publish_in_past', 'past');
      await saveWorkflowState(trx, id, loaded.state, { status: 'scheduled', publish_at: when.toISOString() }, now.toISOString());
      return { step: 'schedule', after: { status: 'scheduled', publishAt: when.toISOString() } };
    }
    await publishWorkingState(trx, core, id, loaded.pending, now);
    return { step: 'publish', after: { status: 'published', publishedAt: now.toISOString() } };
  });
}

/** 撤回: cancels a scheduled publication (back to approved), or takes a published item off the site. */
export function withdrawItem(core: CoreContext, ctx: Ctx, id: string, comment?: string) {
  return runStep(core, ctx, id, 'withdraw', comment, async (trx, loaded, now) => {
    const at = now.toISOString();
    if (loaded.state.status === 'scheduled') {
      await saveWorkflowState(trx, id, loaded.state, { status: 'approved', publish_at: null }, at);
      return { step: 'withdraw', after: { status: 'approved', publishAt: null } };
    }
    await takeOffline(trx, core, loaded, { status: 'withdrawn', withdrawn_at: at }, at);
    return { step: 'withdraw', after: { status: 'withdrawn' } };
  });
}

/** 归档: kept on record, off the public site. */
export function archiveItem(core: CoreContext, ctx: Ctx, id: string, comment?: string) {
  return runStep(core, ctx, id, 'archive', comment, async (trx, loaded, now) => {
    const at = now.toISOString();
    await takeOffline(trx, core, loaded, { status: 'archived', archived_at: at }, at);
    return { step: 'archive', after: { status: 'archived' } };
  });
}

/**
 * Off the site: a pending edit is folded into the item (nothing public to protect any more, and the editor's
 * work is kept as the item's draft text), the search index forgets it, page caches are invalidated.
 */
async function takeOffline(trx: Trx, core: CoreContext, loaded: LoadedItem,
  set: { status: 'withdrawn'; withdrawn_at: string } | { status: 'archived'; archived_at: string }, at: string) {
  const wasPublic = loaded.item.status === 'published';
  if (loaded.pending) await foldPendingEdit(trx, loaded.item.id, loaded.pending, at);
  await trx.updateTable('content_items').set({ ...set, publish_at: null, updated_at: at }).where('id', '=', loaded.item.id).execute();
  if (wasPublic) {
    await unindexItem(trx, core.dialect, loaded.item.id);
    await bumpContentVersion(trx);
  }
}
