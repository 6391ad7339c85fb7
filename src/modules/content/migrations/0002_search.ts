import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';
import { dialectOf } from '../../../core/db/dialect.js';

/**
 * Site search: one row per searchable thing (a published item or a published job posting) with the filter
 * fields, and the full-text index over application-segmented text (words + character bigrams):
 * SQLite FTS5 tables keyed by the row's `doc_key`, PostgreSQL tsvector columns with GIN indexes.
 * `doc_key` grows with the publication time, so "newest first" is the index's own order.
 * Plus the admins' search dictionary and a version token that tells every process to reload it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const pg = dialectOf(db) === 'postgres';

  let docs = db.schema.createTable('content_search_docs')
    .addColumn('doc_key', pg ? 'bigint' : 'integer', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull().check(sql`entity_type in ('item','job')`))
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('article','official_document','job')`))
    .addColumn('category_id', 'text')
    .addColumn('category_path', 'text')
    .addColumn('doc_type', 'text')
    .addColumn('organ', 'text')
    .addColumn('year', 'integer')
    .addColumn('validity', 'text')
    .addColumn('published_at', t.timestamp, (c) => c.notNull())
    /** Job postings leave the results after this day (YYYY-MM-DD, China time); null for items. */
    .addColumn('valid_until', 'text')
    .addUniqueConstraint('content_search_docs_entity', ['entity_type', 'entity_id']);
  if (pg) docs = docs.addColumn('title_tsv', sql`tsvector`, (c) => c.notNull()).addColumn('doc_tsv', sql`tsvector`, (c) => c.notNull());
  await docs.execute();
  await db.schema.createIndex('content_search_docs_organ').on('content_search_docs').columns(['organ', 'year']).execute();
  await db.schema.createIndex('content_search_docs_year').on('content_search_docs').columns(['year']).execute();

  if (pg) {
    await sql`create index content_search_docs_title_gin on content_search_docs using gin (title_tsv)`.execute(db);
    await sql`create index content_search_docs_doc_gin on content_search_docs using gin (doc_tsv)`.execute(db);
  } else {
    // Contentless: the text lives in content_items / content_jobs; the index keeps only tokens and positions.
    // The title-only table is small, so "matches in the title" is cheap even for very common words.
    await sql`create virtual table content_search_title_fts using fts5(title, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    await sql`create virtual table content_search_body_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }

  await db.schema.createTable('content_search_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  // A random token, replaced on every dictionary change: processes compare it to reload their segmenter.
  await db.schema.createTable('content_search_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('dictionary_version', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('content_search_state').values({ id: 1, dictionary_version: crypto.randomUUID() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') {
    await sql`drop table content_search_body_fts`.execute(db);
    await sql`drop table content_search_title_fts`.execute(db);
  }
  for (const table of ['content_search_state', 'content_search_words', 'content_search_docs']) await db.schema.dropTable(table).execute();
}
