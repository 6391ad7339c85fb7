import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { ContentDatabase, ContentPendingEditsTable } from '../content-schema.js';
import { bumpContentVersion } from '../content-version.js';
import { findRevision } from '../items/item-repository.js';
import { publishInTransaction } from '../items/item-writer.js';
import { applyCopyToItem } from '../items/revision-writer.js';
import { copyFromRevision } from '../items/working-copy.js';
import { indexItem } from '../search/search-index.js';

/**
 * Makes the item's working state public, inside the caller's transaction. A first publication (or a
 * republication after a withdrawal) goes through publishInTransaction: published_at = now, index number,
 * search index. A pending edit of a published item replaces the public version; the item keeps its
 * original publication time and index number.
 */
export async function publishWorkingState(trx: Kysely<ContentDatabase>, core: Pick<CoreContext, 'dialect'>, itemId: string,
  pending: ContentPendingEditsTable | null, now: Date): Promise<void> {
  if (!pending) {
    await publishInTransaction(trx, core, itemId, now);
    return;
  }
  await foldPendingEdit(trx, itemId, pending, now.toISOString());
  await trx.updateTable('content_items').set({
    reviews_required: pending.reviews_required, reviews_passed: pending.reviews_passed,
    signed_by: pending.signed_by, signed_by_name: pending.signed_by_name, signed_at: pending.signed_at,
  }).where('id', '=', itemId).execute();
  await indexItem(trx, core.dialect, itemId);
  await bumpContentVersion(trx);
}

/** Writes the pending edit's revision into the item row and drops the pending state. */
export async function foldPendingEdit(trx: Kysely<ContentDatabase>, itemId: string, pending: ContentPendingEditsTable, at: string): Promise<void> {
  const revision = await findRevision(trx, itemId, Number(pending.revision));
  if (revision) await applyCopyToItem(trx, itemId, Number(pending.revision), copyFromRevision(revision), at);
  await trx.deleteFrom('content_pending_edits').where('item_id', '=', itemId).execute();
}
