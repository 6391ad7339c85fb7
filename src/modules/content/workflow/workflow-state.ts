import type { Kysely } from 'kysely';
import type { ContentDatabase, ContentItemsTable, ContentPendingEditsTable, ItemStatus } from '../content-schema.js';

/**
 * What the workflow steps act on. An item that was never published (or was withdrawn) carries its own
 * state; a published item being edited keeps its public state, and the edit carries a state of its own in
 * content_pending_edits until it is published in turn. Steps read and write through this one shape.
 */
export interface WorkflowState {
  source: 'item' | 'pending';
  status: ItemStatus;
  revision: number;
  reviews_required: number;
  reviews_passed: number;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_at: string | null;
  publish_at: string | null;
}

export type WorkflowPatch = Partial<Pick<WorkflowState, 'status' | 'reviews_required' | 'reviews_passed' | 'signed_by' | 'signed_by_name' | 'signed_at' | 'publish_at'>>;

export function workflowState(item: ContentItemsTable, pending: ContentPendingEditsTable | null | undefined): WorkflowState {
  const from = pending ?? item;
  return {
    source: pending ? 'pending' : 'item', status: from.status, revision: Number(from.revision),
    reviews_required: Number(from.reviews_required), reviews_passed: Number(from.reviews_passed),
    signed_by: from.signed_by, signed_by_name: from.signed_by_name, signed_at: from.signed_at, publish_at: from.publish_at,
  };
}

export async function saveWorkflowState(trx: Kysely<ContentDatabase>, itemId: string, state: WorkflowState, patch: WorkflowPatch, at: string) {
  if (state.source === 'pending') {
    const { status, ...rest } = patch;
    await trx.updateTable('content_pending_edits')
      .set({ ...rest, ...(status ? { status: status as ContentPendingEditsTable['status'] } : {}), updated_at: at })
      .where('item_id', '=', itemId).execute();
  } else {
    await trx.updateTable('content_items').set({ ...patch, updated_at: at }).where('id', '=', itemId).execute();
  }
}

/** The state after a reviewer or signer sends the draft back: a draft again, reviews and signature cleared. */
export const BACK_TO_DRAFT: WorkflowPatch = {
  status: 'draft', reviews_passed: 0, signed_by: null, signed_by_name: null, signed_at: null, publish_at: null,
};
