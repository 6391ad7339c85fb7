import type { CoreContext } from '../../../core/context.js';
import { contentDb, type ContentCategoriesTable, type ContentItemsTable, type ContentOfficialDocumentsTable } from '../content-schema.js';

/**
 * The read queries of the public pages. Visitors see published items only; a draft, scheduled, withdrawn or
 * archived item is "not found" here, whatever its id.
 */

export type Category = Pick<ContentCategoriesTable, 'id' | 'parent_id' | 'slug' | 'path' | 'name_zh' | 'name_en' | 'description' | 'item_kind' | 'sort'>;

export interface ListedItem { id: string; title: string; published_at: string; source: string; category_id: string; summary: string | null }

const LISTED = ['id', 'title', 'published_at', 'source', 'category_id', 'summary'] as const;

/** Visible categories in tree order (sort, then name). */
export async function visibleCategories(core: Pick<CoreContext, 'db'>): Promise<Category[]> {
  return contentDb(core).selectFrom('content_categories')
    .select(['id', 'parent_id', 'slug', 'path', 'name_zh', 'name_en', 'description', 'item_kind', 'sort'])
    .where('visible', '=', 1).orderBy('sort').orderBy('id').execute();
}

export async function countPublishedIn(core: Pick<CoreContext, 'db'>, categoryIds: string[]): Promise<number> {
  if (categoryIds.length === 0) return 0;
  const row = await contentDb(core).selectFrom('content_items').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'published').where('category_id', 'in', categoryIds).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first; ties (same second) by id so that every page has a stable content. */
export async function listPublishedIn(core: Pick<CoreContext, 'db'>, categoryIds: string[], offset: number, limit: number): Promise<ListedItem[]> {
  if (categoryIds.length === 0) return [];
  return asListed(await contentDb(core).selectFrom('content_items').select([...LISTED])
    .where('status', '=', 'published').where('category_id', 'in', categoryIds)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute());
}

/** Most read first, by the honest view count. */
export async function popularItems(core: Pick<CoreContext, 'db'>, limit: number): Promise<ListedItem[]> {
  return asListed(await contentDb(core).selectFrom('content_items').select([...LISTED])
    .where('status', '=', 'published').where('view_count', '>', 0)
    .orderBy('view_count', 'desc').orderBy('published_at', 'desc').limit(limit).execute());
}

export type PublishedItem = ContentItemsTable;

export async function publishedItem(core: Pick<CoreContext, 'db'>, id: string): Promise<PublishedItem | null> {
  return (await contentDb(core).selectFrom('content_items').selectAll()
    .where('id', '=', id).where('status', '=', 'published').executeTakeFirst()) ?? null;
}

export async function officialFields(core: Pick<CoreContext, 'db'>, itemId: string): Promise<ContentOfficialDocumentsTable | null> {
  return (await contentDb(core).selectFrom('content_official_documents').selectAll().where('item_id', '=', itemId).executeTakeFirst()) ?? null;
}

export interface Attachment { id: string; file_id: string; title: string; size: number; mime: string }

/** Attachments a visitor may download (the original Word file of an import is kept as the record, not listed). */
export async function attachmentsOf(core: Pick<CoreContext, 'db'>, itemId: string): Promise<Attachment[]> {
  return (await contentDb(core).selectFrom('content_attachments as a').innerJoin('content_files as f', 'f.id', 'a.file_id')
    .select(['a.id', 'a.file_id', 'a.title', 'f.size', 'f.mime'])
    .where('a.item_id', '=', itemId).where('a.role', '=', 'attachment').orderBy('a.sort').orderBy('a.id').execute())
    .map((a) => ({ ...a, size: Number(a.size) }));
}

/** The published items just before and after this one in its category's newest-first order. */
export async function neighbours(core: Pick<CoreContext, 'db'>, item: Pick<ContentItemsTable, 'id' | 'category_id' | 'published_at'>) {
  const db = contentDb(core);
  const at = item.published_at ?? '';
  const base = () => db.selectFrom('content_items').select(['id', 'title'])
    .where('status', '=', 'published').where('category_id', '=', item.category_id).where('id', '!=', item.id);
  // "previous" is the older one (listed after this), "next" the newer one.
  const [older, newer] = await Promise.all([
    base().where((eb) => eb.or([eb('published_at', '<', at), eb.and([eb('published_at', '=', at), eb('id', '<', item.id)])]))
      .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst(),
    base().where((eb) => eb.or([eb('published_at', '>', at), eb.and([eb('published_at', '=', at), eb('id', '>', item.id)])]))
      .orderBy('published_at', 'asc').orderBy('id', 'asc').limit(1).executeTakeFirst(),
  ]);
  return { previous: older ?? null, next: newer ?? null };
}

/** Titles of published items, for links (repealed by, interpretation of). */
export async function publishedTitles(core: Pick<CoreContext, 'db'>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await contentDb(core).selectFrom('content_items').select(['id', 'title'])
    .where('id', 'in', ids).where('status', '=', 'published').execute();
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** Published interpretations (政策解读) of a policy document. */
export async function interpretationsOf(core: Pick<CoreContext, 'db'>, itemId: string) {
  return contentDb(core).selectFrom('content_items').select(['id', 'title'])
    .where('interpretation_of_id', '=', itemId).where('status', '=', 'published')
    .orderBy('published_at', 'desc').execute();
}

/** Job postings that are published and still valid on `today` (YYYY-MM-DD, China time), newest first. */
export async function currentJobs(core: Pick<CoreContext, 'db'>, today: string, limit: number) {
  return contentDb(core).selectFrom('content_jobs')
    .select(['id', 'position', 'employer_name', 'headcount', 'valid_until', 'published_at', 'salary_min', 'salary_max'])
    .where('status', '=', 'published').where('valid_until', '>=', today)
    .orderBy('published_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Plain-text bodies of some items (feeds summarise them). */
export async function bodyTexts(core: Pick<CoreContext, 'db'>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await contentDb(core).selectFrom('content_items').select(['id', 'body_text']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.body_text]));
}

/** Every published item's id and last change, for the sitemap, in a stable order. */
export async function publishedForSitemap(core: Pick<CoreContext, 'db'>) {
  return contentDb(core).selectFrom('content_items').select(['id', 'updated_at', 'published_at'])
    .where('status', '=', 'published').orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
}

/** Job postings still listed today, for the sitemap (expired ones keep their page but leave the lists). */
export async function currentJobIds(core: Pick<CoreContext, 'db'>, today: string) {
  return contentDb(core).selectFrom('content_jobs').select(['id', 'updated_at'])
    .where('status', '=', 'published').where('valid_until', '>=', today).orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
}

function asListed(rows: { id: string; title: string; published_at: string | null; source: string; category_id: string; summary: string | null }[]): ListedItem[] {
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? '' }));
}
