import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { dialectOf } from '../../../core/db/dialect.js';
import { isInScope } from '../../../core/access/scope.js';
import { AppError, notFound } from '../../../core/http/errors.js';
import type { ContentDatabase } from '../content-schema.js';
import { WORKFLOW_RULES, type PolicySubject, type WorkflowAction } from '../workflow/workflow-policy.js';
import { workflowState } from '../workflow/workflow-state.js';
import { findItem, findPendingEdit, findRevision, listHistory } from './item-repository.js';

/**
 * One item the actor may read (content.item.read over its owner path) with its workflow state; anything
 * else is a 404, so an item outside the scope looks the same as a missing one. Inside a transaction on
 * PostgreSQL the item row is locked, so two steps on one item run one after the other.
 */
export async function loadVisibleItem(db: Kysely<ContentDatabase>, actor: Actor, id: string, lock = false) {
  // SQLite has no FOR UPDATE: its single writer already serialises the steps.
  const item = lock && dialectOf(db) === 'postgres'
    ? await db.selectFrom('content_items').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    : await findItem(db, id);
  if (!item || !isInScope(actor, 'content.item.read', item.owner_path)) throw notFound('content.item.not_found');
  const pending = await findPendingEdit(db, id);
  const state = workflowState(item, pending);
  const revision = await findRevision(db, id, state.revision);
  const history = await listHistory(db, id);
  const subject: PolicySubject = { item, state, revisionAuthorId: revision?.author_id ?? item.created_by, history };
  return { item, pending: pending ?? null, state, revision, history, subject };
}

export type LoadedItem = Awaited<ReturnType<typeof loadVisibleItem>>;

/** Throws the rule's reason when the actor may not take this step now. */
export function authorize(actor: Actor, loaded: LoadedItem, action: WorkflowAction): void {
  const verdict = WORKFLOW_RULES[action](actor, loaded.subject);
  if (verdict) throw new AppError(verdict.status, verdict.messageId, { status: loaded.state.status });
}
