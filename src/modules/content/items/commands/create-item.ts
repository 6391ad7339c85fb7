import type { Actor, RequestContext } from '../../../../core/access/actor.js';
import type { CoreContext } from '../../../../core/context.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../../../core/db/schema.js';
import { scopeNames } from '../../../../core/regions/region-repository.js';
import { contentDb } from '../../content-schema.js';
import { auditContent } from '../../content-audit.js';
import { applyItemInput } from '../item-input.js';
import { insertItem } from '../item-writer.js';
import type { CreateItemInput } from '../item-schemas.js';

/** 拟稿: a new draft (revision 1) in the caller's scope. */
export async function createItem(core: CoreContext, ctx: RequestContext & { actor: Actor }, input: CreateItemInput): Promise<string> {
  const now = core.clock.now();
  const at = now.toISOString();
  return contentDb(core).transaction().execute(async (trx) => {
    const { copy, category } = await applyItemInput(trx, core, ctx.actor, null, null, input);
    const scopeName = (await scopeNames(trx as unknown as Kysely<Database>, [copy.item.owner_scope_id])).get(copy.item.owner_scope_id);
    const id = await insertItem(trx, {
      ...copy.item, kind: category.item_kind, title: copy.title, summary: copy.summary, body_html: copy.body_html,
      // 来源 defaults to the owner unit's name, as on the pages such portals publish.
      source: copy.item.source || scopeName || '', status: 'draft', created_by: ctx.actor.userId, created_at: at,
      revision_note: input.note ?? null,
    }, copy.official ?? undefined);
    await auditContent(trx, ctx, {
      action: 'content.item.create', targetType: 'content_item', targetId: id,
      after: { title: copy.title, categoryId: category.id, kind: category.item_kind, ownerPath: copy.item.owner_path },
    }, now);
    return id;
  });
}
