import { sql, type Kysely } from 'kysely';
import { startsWith } from '../../../core/db/text-match.js';
import type { ContentCategoriesTable, ContentDatabase } from '../content-schema.js';

export type CategoryRow = ContentCategoriesTable;

/** Every category with how many items and children it has, in tree order (path, then sort). */
export async function listCategoriesWithCounts(db: Kysely<ContentDatabase>) {
  return db.selectFrom('content_categories as c')
    .selectAll('c')
    .select((eb) => [
      eb.selectFrom('content_items as i').select(eb.fn.countAll<number>().as('n')).whereRef('i.category_id', '=', 'c.id').as('item_count'),
      eb.selectFrom('content_categories as k').select(eb.fn.countAll<number>().as('n')).whereRef('k.parent_id', '=', 'c.id').as('child_count'),
    ])
    .orderBy('c.sort').orderBy('c.id')
    .execute();
}

export async function findCategory(db: Kysely<ContentDatabase>, id: string) {
  return db.selectFrom('content_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategoryBySlug(db: Kysely<ContentDatabase>, slug: string) {
  return db.selectFrom('content_categories').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function countItemsIn(db: Kysely<ContentDatabase>, categoryId: string): Promise<number> {
  const row = await db.selectFrom('content_items').select((eb) => eb.fn.countAll<number>().as('n')).where('category_id', '=', categoryId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countChildren(db: Kysely<ContentDatabase>, categoryId: string): Promise<number> {
  const row = await db.selectFrom('content_categories').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', categoryId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The category and everything under it (its path is a prefix of theirs). */
export async function subtree(db: Kysely<ContentDatabase>, path: string) {
  return db.selectFrom('content_categories').select(['id', 'path']).where(startsWith(sql.ref('path'), path)).execute();
}
