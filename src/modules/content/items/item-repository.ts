import { sql, type Kysely } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { containsText } from '../../../core/db/text-match.js';
import type { PageParams } from '../../../core/http/pagination.js';
import type { ContentDatabase, ItemKind, ItemStatus } from '../content-schema.js';

type Db = Kysely<ContentDatabase>;

export async function findItem(db: Db, id: string) {
  return db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOfficial(db: Db, itemId: string) {
  return db.selectFrom('content_official_documents').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function findPendingEdit(db: Db, itemId: string) {
  return db.selectFrom('content_pending_edits').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function findRevision(db: Db, itemId: string, revision: number) {
  return db.selectFrom('content_revisions').selectAll().where('item_id', '=', itemId).where('revision', '=', revision).executeTakeFirst();
}

export async function listRevisions(db: Db, itemId: string) {
  return db.selectFrom('content_revisions').select(['revision', 'title', 'author_id', 'author_name', 'note', 'created_at'])
    .where('item_id', '=', itemId).orderBy('revision', 'desc').execute();
}

export async function latestRevisionNumber(db: Db, itemId: string): Promise<number> {
  const row = await db.selectFrom('content_revisions').select((eb) => eb.fn.max('revision').as('n')).where('item_id', '=', itemId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function listHistory(db: Db, itemId: string) {
  return db.selectFrom('content_reviews').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
}

export async function listAttachments(db: Db, itemId: string) {
  return db.selectFrom('content_attachments as a').innerJoin('content_files as f', 'f.id', 'a.file_id')
    .select(['a.id', 'a.file_id', 'a.role', 'a.title', 'a.sort', 'f.original_name', 'f.mime', 'f.size'])
    .where('a.item_id', '=', itemId).orderBy('a.sort').orderBy('a.id').execute();
}

/** Items linked both ways with this one: what it interprets, and the interpretations of it. */
export async function findLinks(db: Db, item: { id: string; interpretation_of_id: string | null }) {
  const interpretationOf = item.interpretation_of_id
    ? await db.selectFrom('content_items').select(['id', 'title', 'status']).where('id', '=', item.interpretation_of_id).executeTakeFirst()
    : undefined;
  const interpretations = await db.selectFrom('content_items').select(['id', 'title', 'status'])
    .where('interpretation_of_id', '=', item.id).orderBy('created_at').execute();
  return { interpretationOf: interpretationOf ?? null, interpretations };
}

export interface ItemListFilter {
  scopePaths: string[];
  q?: string;
  categoryId?: string;
  status?: ItemStatus;
  kind?: ItemKind;
}

/** Items under the caller's scope paths, newest change first; the filter runs in SQL. */
export async function listItems(db: Db, filter: ItemListFilter, page: PageParams & { offset: number }) {
  const base = db.selectFrom('content_items as i')
    .leftJoin('content_official_documents as o', 'o.item_id', 'i.id')
    .where(pathUnder(sql.ref('i.owner_path'), filter.scopePaths))
    .$if(Boolean(filter.categoryId), (q) => q.where('i.category_id', '=', filter.categoryId!))
    .$if(Boolean(filter.status), (q) => q.where('i.status', '=', filter.status!))
    .$if(Boolean(filter.kind), (q) => q.where('i.kind', '=', filter.kind!))
    .$if(Boolean(filter.q?.trim()), (q) => q.where((eb) => eb.or([
      containsText(sql.ref('i.title'), filter.q!.trim()), containsText(sql.ref('o.doc_number'), filter.q!.trim()),
    ])));
  const [rows, count] = await Promise.all([
    base.innerJoin('content_categories as c', 'c.id', 'i.category_id')
      .leftJoin('content_pending_edits as p', 'p.item_id', 'i.id')
      .leftJoin('users as u', 'u.id', 'i.created_by')
      .select(['i.id', 'i.category_id', 'c.name_zh as category_name', 'i.kind', 'i.title', 'i.status', 'p.status as pending_status',
        'i.owner_scope_type', 'i.owner_scope_id', 'i.revision', 'o.doc_number', 'o.index_number', 'i.publish_at', 'i.published_at',
        'u.display_name as created_by_name', 'i.updated_at', 'p.revision as pending_revision'])
      .orderBy('i.updated_at', 'desc').orderBy('i.id', 'desc')
      .limit(page.pageSize).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
