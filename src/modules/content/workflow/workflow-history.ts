import type { Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import type { ContentDatabase, WorkflowStep } from '../content-schema.js';

/** One line of an item's workflow history (拟稿 → 审核 → 签发 → 发布 …), shown to editors and reviewers. */
export async function recordStep(trx: Kysely<ContentDatabase>, entry: {
  itemId: string; revision: number; step: WorkflowStep; level?: number | null; actorId: string; actorName: string; comment?: string | null; at: string;
}): Promise<void> {
  await trx.insertInto('content_reviews').values({
    id: newId(), item_id: entry.itemId, revision: entry.revision, step: entry.step, level: entry.level ?? null,
    actor_id: entry.actorId, actor_name: entry.actorName, comment: entry.comment?.trim() || null, created_at: entry.at,
  }).execute();
}
