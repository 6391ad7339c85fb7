import { sql, type Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { DialectName } from '../../../core/db/dialect.js';
import type { ContentDatabase } from '../content-schema.js';
import { shanghaiYear } from '../items/shanghai-date.js';
import { segmenterIn } from './search-dictionary.js';
import type { Segmenter } from './segmenter.js';
import { tsvectorLiteral } from './search-expression.js';
import { asSearchDb, type ContentSearchDocsTable, type SearchDatabase } from './search-schema.js';

/**
 * Writes the search index inside the caller's transaction, so a publication, an edit, a withdrawal and the
 * index commit or roll back together. Only published items and published job postings are indexed; a
 * posting past its last day stays in the index but the query leaves it out (expiry is not an event).
 */
export interface SearchEntry {
  entityType: 'item' | 'job';
  entityId: string;
  kind: ContentSearchDocsTable['kind'];
  /** Searched with the title weight (document number included, so 青教发〔2023〕12号 finds its document first). */
  title: string;
  body: string;
  categoryId: string | null;
  categoryPath: string | null;
  docType: string | null;
  organ: string | null;
  year: number | null;
  validity: string | null;
  publishedAt: string;
  validUntil: string | null;
}

/** Room for 1024 entries published in the same millisecond. */
const KEY_SLOTS = 1024;

export async function indexItem(trx: Kysely<ContentDatabase>, dialect: DialectName, itemId: string): Promise<void> {
  const entry = await loadItemEntry(trx, itemId);
  if (!entry) return unindexItem(trx, dialect, itemId);
  await writeEntry(asSearchDb(trx), dialect, await segmenterIn(asSearchDb(trx)), entry);
}

export async function unindexItem(trx: Kysely<ContentDatabase>, dialect: DialectName, itemId: string): Promise<void> {
  await removeEntry(asSearchDb(trx), dialect, 'item', itemId);
}

export async function indexJob(trx: Kysely<ContentDatabase>, dialect: DialectName, jobId: string): Promise<void> {
  const entry = await loadJobEntry(trx, jobId);
  if (!entry) return unindexJob(trx, dialect, jobId);
  await writeEntry(asSearchDb(trx), dialect, await segmenterIn(asSearchDb(trx)), entry);
}

export async function unindexJob(trx: Kysely<ContentDatabase>, dialect: DialectName, jobId: string): Promise<void> {
  await removeEntry(asSearchDb(trx), dialect, 'job', jobId);
}

async function loadItemEntry(db: Kysely<ContentDatabase>, itemId: string): Promise<SearchEntry | null> {
  const row = await db.selectFrom('content_items as i')
    .innerJoin('content_categories as c', 'c.id', 'i.category_id')
    .leftJoin('content_official_documents as o', 'o.item_id', 'i.id')
    .select(['i.id', 'i.kind', 'i.title', 'i.subtitle', 'i.summary', 'i.body_text', 'i.keywords', 'i.source', 'i.status', 'i.published_at',
      'c.id as category_id', 'c.path as category_path', 'o.doc_type', 'o.issuing_organ', 'o.doc_number', 'o.doc_year', 'o.validity', 'o.topic'])
    .where('i.id', '=', itemId).executeTakeFirst();
  if (!row || row.status !== 'published' || !row.published_at) return null;
  const publishedAt = new Date(row.published_at).toISOString();
  return {
    entityType: 'item', entityId: row.id, kind: row.kind,
    title: [row.title, row.subtitle, row.doc_number].filter(Boolean).join(' '),
    body: [row.summary, row.body_text, row.keywords, row.issuing_organ, row.topic, row.source].filter(Boolean).join('\n'),
    categoryId: row.category_id, categoryPath: row.category_path, docType: row.doc_type ?? null, organ: row.issuing_organ ?? null,
    year: row.doc_year ?? shanghaiYear(new Date(publishedAt)), validity: row.validity ?? null, publishedAt, validUntil: null,
  };
}

async function loadJobEntry(db: Kysely<ContentDatabase>, jobId: string): Promise<SearchEntry | null> {
  const row = await db.selectFrom('content_jobs as j')
    .innerJoin('regions as r', 'r.id', 'j.region_id')
    .select(['j.id', 'j.position', 'j.employer_name', 'j.requirements_text', 'j.status', 'j.published_at', 'j.valid_until', 'r.name as region_name'])
    .where('j.id', '=', jobId).executeTakeFirst();
  if (!row || row.status !== 'published' || !row.published_at) return null;
  const publishedAt = new Date(row.published_at).toISOString();
  return {
    entityType: 'job', entityId: row.id, kind: 'job',
    title: `${row.position} ${row.employer_name}`,
    body: [row.requirements_text, row.region_name].join('\n'),
    categoryId: null, categoryPath: null, docType: null, organ: null,
    year: shanghaiYear(new Date(publishedAt)), validity: null, publishedAt, validUntil: row.valid_until,
  };
}

/** The key of an entry: newer publication → larger key, so "newest first" is the FTS rowid order. */
async function allocateKey(db: Kysely<SearchDatabase>, publishedAt: string): Promise<number> {
  const base = Date.parse(publishedAt) * KEY_SLOTS;
  const top = await db.selectFrom('content_search_docs').select((eb) => eb.fn.max('doc_key').as('k'))
    .where('doc_key', '>=', base).where('doc_key', '<', base + KEY_SLOTS).executeTakeFirst();
  return top?.k == null ? base : Number(top.k) + 1;
}

export async function writeEntry(db: Kysely<SearchDatabase>, dialect: DialectName, segmenter: Segmenter, entry: SearchEntry): Promise<void> {
  const existing = await db.selectFrom('content_search_docs').select(['doc_key', 'published_at'])
    .where('entity_type', '=', entry.entityType).where('entity_id', '=', entry.entityId).executeTakeFirst();
  const sameTime = existing && new Date(existing.published_at).toISOString() === entry.publishedAt;
  if (existing && !sameTime) await removeEntry(db, dialect, entry.entityType, entry.entityId);
  const key = sameTime ? Number(existing!.doc_key) : await allocateKey(db, entry.publishedAt);
  const titleTokens = segmenter.indexTokens(entry.title);
  const bodyTokens = segmenter.indexTokens(entry.body);
  const fields = {
    entity_type: entry.entityType, entity_id: entry.entityId, kind: entry.kind, category_id: entry.categoryId,
    category_path: entry.categoryPath, doc_type: entry.docType, organ: entry.organ, year: entry.year, validity: entry.validity,
    published_at: entry.publishedAt, valid_until: entry.validUntil,
  };
  if (dialect === 'postgres') {
    const titleTsv = sql`${tsvectorLiteral([{ tokens: titleTokens, weight: 'A' }])}::tsvector`;
    const docTsv = sql`${tsvectorLiteral([{ tokens: titleTokens, weight: 'A' }, { tokens: bodyTokens, weight: 'D' }])}::tsvector`;
    const values = { ...fields, title_tsv: titleTsv, doc_tsv: docTsv } as never;
    if (sameTime) await db.updateTable('content_search_docs').set(values).where('doc_key', '=', key).execute();
    else await db.insertInto('content_search_docs').values({ doc_key: key, ...(values as object) } as never).execute();
    return;
  }
  if (sameTime) {
    await db.updateTable('content_search_docs').set(fields).where('doc_key', '=', key).execute();
    await sql`delete from content_search_title_fts where rowid = ${key}`.execute(db);
    await sql`delete from content_search_body_fts where rowid = ${key}`.execute(db);
  } else {
    await db.insertInto('content_search_docs').values({ doc_key: key, ...fields }).execute();
  }
  const title = titleTokens.join(' ');
  await sql`insert into content_search_title_fts (rowid, title) values (${key}, ${title})`.execute(db);
  await sql`insert into content_search_body_fts (rowid, title, body) values (${key}, ${title}, ${bodyTokens.join(' ')})`.execute(db);
}

async function removeEntry(db: Kysely<SearchDatabase>, dialect: DialectName, entityType: 'item' | 'job', entityId: string): Promise<void> {
  const existing = await db.selectFrom('content_search_docs').select('doc_key')
    .where('entity_type', '=', entityType).where('entity_id', '=', entityId).executeTakeFirst();
  if (!existing) return;
  const key = Number(existing.doc_key);
  if (dialect === 'sqlite') {
    await sql`delete from content_search_title_fts where rowid = ${key}`.execute(db);
    await sql`delete from content_search_body_fts where rowid = ${key}`.execute(db);
  }
  await db.deleteFrom('content_search_docs').where('doc_key', '=', key).execute();
}

/**
 * Rebuilds the whole index (after dictionary changes, or from the CLI): every published item and job
 * posting is cut again with the current dictionary. Batches of BATCH entries, one transaction each.
 */
export async function reindexAll(core: Pick<CoreContext, 'db' | 'dialect'>, onProgress?: (done: number) => void): Promise<{ items: number; jobs: number }> {
  const BATCH = 500;
  const db = asSearchDb(core.db as unknown as Kysely<ContentDatabase>);
  await db.transaction().execute(async (trx) => {
    if (core.dialect === 'sqlite') {
      await sql`delete from content_search_title_fts`.execute(trx);
      await sql`delete from content_search_body_fts`.execute(trx);
    }
    await trx.deleteFrom('content_search_docs').execute();
  });
  const counts = { items: 0, jobs: 0 };
  for (const [table, type] of [['content_items', 'item'], ['content_jobs', 'job']] as const) {
    let after = '';
    for (;;) {
      const ids = (await db.selectFrom(table).select('id').where('status', '=', 'published').where('id', '>', after)
        .orderBy('id').limit(BATCH).execute()).map((r) => r.id);
      if (ids.length === 0) break;
      await db.transaction().execute(async (trx) => {
        for (const id of ids) {
          const t = trx as unknown as Kysely<ContentDatabase>;
          if (type === 'item') await indexItem(t, core.dialect, id);
          else await indexJob(t, core.dialect, id);
        }
      });
      counts[type === 'item' ? 'items' : 'jobs'] += ids.length;
      after = ids[ids.length - 1];
      onProgress?.(counts.items + counts.jobs);
    }
  }
  return counts;
}
