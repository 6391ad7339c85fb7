import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { RequestContext } from '../../../core/access/actor.js';
import { AppError, invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { contentDb, type ContentDatabase } from '../content-schema.js';
import { bumpContentVersion } from '../content-version.js';
import { auditContent } from '../content-audit.js';
import { countChildren, countItemsIn, findCategory, findCategoryBySlug, subtree, type CategoryRow } from './category-repository.js';
import { isSelfOrDescendant, slugError } from './category-rules.js';
import type { CreateCategoryInput, UpdateCategoryInput } from './category-schemas.js';

type Trx = Kysely<ContentDatabase>;
const BLANK_NAME: FieldError = { field: 'nameZh', code: 'required', messageId: 'field.required' };

async function resolveParent(trx: Trx, parentId: string | null | undefined, errors: FieldError[]): Promise<CategoryRow | null> {
  if (!parentId) return null;
  const parent = await findCategory(trx, parentId);
  if (!parent) errors.push({ field: 'parentId', code: 'not_found', messageId: 'content.category.parent_not_found' });
  return parent ?? null;
}

async function checkSlugFree(trx: Trx, slug: string, selfId: string | null, errors: FieldError[]) {
  const format = slugError(slug);
  if (format) { errors.push(format); return; }
  const holder = await findCategoryBySlug(trx, slug);
  if (holder && holder.id !== selfId) errors.push({ field: 'slug', code: 'taken', messageId: 'content.category.slug_taken', params: { slug } });
}

function audit(trx: Trx, ctx: RequestContext, action: string, id: string, before: object | null, after: object | null, now: Date) {
  return auditContent(trx, ctx, {
    action, targetType: 'content_category', targetId: id,
    before: before as Record<string, unknown> | null, after: after as Record<string, unknown> | null,
  }, now);
}

export async function createCategory(core: CoreContext, ctx: RequestContext, input: CreateCategoryInput): Promise<string> {
  const now = core.clock.now();
  const at = now.toISOString();
  return contentDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const parent = await resolveParent(trx, input.parentId, errors);
    await checkSlugFree(trx, input.slug, null, errors);
    if (!input.nameZh.trim()) errors.push(BLANK_NAME);
    if (errors.length > 0) throw invalid(errors);
    const id = newId();
    const row: CategoryRow = {
      id, parent_id: parent?.id ?? null, slug: input.slug, path: `${parent?.path ?? '/'}${id}/`,
      name_zh: input.nameZh.trim(), name_en: (input.nameEn ?? '').trim(), description: input.description ?? '',
      item_kind: input.itemKind, review_levels: input.reviewLevels ?? 1, sort: input.sort ?? 0,
      visible: input.visible === false ? 0 : 1, created_at: at, updated_at: at,
    };
    await trx.insertInto('content_categories').values(row).execute();
    await audit(trx, ctx, 'content.category.create', id, null, row, now);
    await bumpContentVersion(trx);
    return id;
  });
}

export async function updateCategory(core: CoreContext, ctx: RequestContext, id: string, input: UpdateCategoryInput): Promise<void> {
  const now = core.clock.now();
  await contentDb(core).transaction().execute(async (trx) => {
    const current = await findCategory(trx, id);
    if (!current) throw notFound('content.category.not_found');
    const errors: FieldError[] = [];
    const changes: Partial<CategoryRow> = {};
    if (input.slug !== undefined && input.slug !== current.slug) {
      await checkSlugFree(trx, input.slug, id, errors);
      changes.slug = input.slug;
    }
    let newPath: string | null = null;
    if (input.parentId !== undefined && input.parentId !== current.parent_id) {
      const parent = await resolveParent(trx, input.parentId, errors);
      if (parent && isSelfOrDescendant(current.path, parent.path)) {
        errors.push({ field: 'parentId', code: 'loop', messageId: 'content.category.parent_loop' });
      } else if (input.parentId === null || parent) {
        changes.parent_id = parent?.id ?? null;
        newPath = `${parent?.path ?? '/'}${id}/`;
      }
    }
    if (input.itemKind !== undefined && input.itemKind !== current.item_kind && await countItemsIn(trx, id) > 0) {
      errors.push({ field: 'itemKind', code: 'has_items', messageId: 'content.category.kind_has_items' });
    }
    if (input.nameZh !== undefined && !input.nameZh.trim()) errors.push(BLANK_NAME);
    if (errors.length > 0) throw invalid(errors);
    if (input.nameZh !== undefined) changes.name_zh = input.nameZh.trim();
    if (input.nameEn !== undefined) changes.name_en = input.nameEn.trim();
    if (input.description !== undefined) changes.description = input.description;
    if (input.itemKind !== undefined) changes.item_kind = input.itemKind;
    if (input.reviewLevels !== undefined) changes.review_levels = input.reviewLevels;
    if (input.sort !== undefined) changes.sort = input.sort;
    if (input.visible !== undefined) changes.visible = input.visible ? 1 : 0;
    if (Object.keys(changes).length === 0) return;
    if (newPath) {
      // The subtree moves with it: each descendant's path gets the new prefix. Paths end in the node's own
      // id, so no new path can equal another node's old one and the unique index holds at every step.
      for (const node of await subtree(trx, current.path)) {
        if (node.id === id) continue;
        await trx.updateTable('content_categories').set({ path: newPath + node.path.slice(current.path.length) }).where('id', '=', node.id).execute();
      }
      changes.path = newPath;
    }
    await trx.updateTable('content_categories').set({ ...changes, updated_at: now.toISOString() }).where('id', '=', id).execute();
    await audit(trx, ctx, 'content.category.update', id, pick(current, Object.keys(changes)), changes, now);
    await bumpContentVersion(trx);
  });
}

export async function deleteCategory(core: CoreContext, ctx: RequestContext, id: string): Promise<void> {
  const now = core.clock.now();
  await contentDb(core).transaction().execute(async (trx) => {
    const current = await findCategory(trx, id);
    if (!current) throw notFound('content.category.not_found');
    const items = await countItemsIn(trx, id);
    if (items > 0) throw new AppError(409, 'content.category.has_items', { count: items });
    const children = await countChildren(trx, id);
    if (children > 0) throw new AppError(409, 'content.category.has_children', { count: children });
    await trx.deleteFrom('content_categories').where('id', '=', id).execute();
    await audit(trx, ctx, 'content.category.delete', id, current, null, now);
    await bumpContentVersion(trx);
  });
}

function pick(row: CategoryRow, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (row as unknown as Record<string, unknown>)[k]]));
}
