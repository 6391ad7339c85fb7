import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/** Categories, items and official-document fields, the editorial workflow, attachments, views, jobs, files. */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  // Uploaded files (core-style storage, owned here until another module needs files): bytes live on disk
  // under a random key, never in the web root; the row keeps the hash so backups can be verified.
  await db.schema.createTable('content_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('owner_path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema.createTable('content_categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('content_categories.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('item_kind', 'text', (c) => c.notNull().check(sql`item_kind in ('article','official_document')`))
    .addColumn('review_levels', 'integer', (c) => c.notNull().defaultTo(1).check(sql`review_levels between 0 and 3`))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('visible', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema.createTable('content_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category_id', 'text', (c) => c.notNull().references('content_categories.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('article','official_document')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subtitle', 'text')
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('author', 'text')
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_scope_type', 'text', (c) => c.notNull())
    .addColumn('owner_scope_id', 'text', (c) => c.notNull())
    .addColumn('owner_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','in_review','approved','scheduled','published','withdrawn','archived')`))
    .addColumn('reviews_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviews_passed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_by_name', 'text')
    .addColumn('signed_at', t.timestamp)
    .addColumn('publish_at', t.timestamp)
    .addColumn('published_at', t.timestamp)
    .addColumn('withdrawn_at', t.timestamp)
    .addColumn('archived_at', t.timestamp)
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('interpretation_of_id', 'text', (c) => c.references('content_items.id'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_items_category_published').on('content_items').columns(['category_id', 'status', 'published_at']).execute();
  await db.schema.createIndex('content_items_status_published').on('content_items').columns(['status', 'published_at']).execute();
  await db.schema.createIndex('content_items_views').on('content_items').columns(['status', 'view_count']).execute();
  await db.schema.createIndex('content_items_owner').on('content_items').columns(['owner_path']).execute();
  await db.schema.createIndex('content_items_schedule').on('content_items').columns(['status', 'publish_at']).execute();
  await db.schema.createIndex('content_items_interpretation').on('content_items').columns(['interpretation_of_id']).execute();

  await db.schema.createTable('content_official_documents')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('content_items.id').onDelete('cascade'))
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('issuing_organ', 'text', (c) => c.notNull())
    .addColumn('organ_code', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('doc_year', 'integer')
    .addColumn('signer', 'text')
    .addColumn('addressees', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('cc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('written_date', 'text')
    .addColumn('printing_organ', 'text')
    .addColumn('printing_date', 'text')
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('index_year', 'integer')
    .addColumn('index_serial', 'integer')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull().defaultTo('valid').check(sql`validity in ('valid','expired','repealed')`))
    .addColumn('repealed_by_id', 'text', (c) => c.references('content_items.id'))
    .addColumn('disclosure', 'text', (c) => c.notNull().defaultTo('proactive').check(sql`disclosure in ('proactive','on_request','not_public')`))
    .addColumn('attachment_notes', 'text')
    .execute();
  await db.schema.createIndex('content_official_documents_number').on('content_official_documents').columns(['doc_number']).unique().execute();
  await db.schema.createIndex('content_official_documents_listing').on('content_official_documents').columns(['issuing_organ', 'doc_year', 'doc_type']).execute();

  // Gap-free index numbers: one counter row per organ and year, advanced inside the publishing transaction.
  await db.schema.createTable('content_index_counters')
    .addColumn('organ_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_index_counters_pk', ['organ_code', 'year'])
    .execute();

  await db.schema.createTable('content_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('fields_json', t.json, (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('content_revisions_item_revision', ['item_id', 'revision'])
    .execute();

  await db.schema.createTable('content_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('submit','review','sign','publish','schedule','withdraw','archive','reject')`))
    .addColumn('level', 'integer')
    .addColumn('actor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_reviews_item').on('content_reviews').columns(['item_id', 'created_at']).execute();

  await db.schema.createTable('content_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('file_id', 'text', (c) => c.notNull().references('content_files.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('attachment','original','image')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('content_attachments_item').on('content_attachments').columns(['item_id', 'sort']).execute();

  // One row per item, visitor and day: the honest view count (a visitor is a salted hash, never an address).
  await db.schema.createTable('content_views')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('visitor', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_views_pk', ['item_id', 'visitor', 'day'])
    .execute();
  await db.schema.createIndex('content_views_day').on('content_views').columns(['day']).execute();

  await db.schema.createTable('content_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('employer_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('region_id', 'varchar(12)', (c) => c.notNull().references('regions.id'))
    .addColumn('salary_min', 'integer')
    .addColumn('salary_max', 'integer')
    .addColumn('requirements_html', 'text', (c) => c.notNull())
    .addColumn('requirements_text', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('training_link', 'text')
    .addColumn('owner_scope_type', 'text', (c) => c.notNull())
    .addColumn('owner_scope_id', 'text', (c) => c.notNull())
    .addColumn('owner_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','published','withdrawn')`))
    .addColumn('published_at', t.timestamp)
    .addColumn('view_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_jobs_listing').on('content_jobs').columns(['status', 'valid_until', 'published_at']).execute();
  await db.schema.createIndex('content_jobs_owner').on('content_jobs').columns(['owner_path']).execute();

  // Bumped in the same transaction as every change that public pages show: page caches compare it.
  await db.schema.createTable('content_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('content_state').values({ id: 1, version: 1 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['content_state', 'content_jobs', 'content_views', 'content_attachments', 'content_reviews', 'content_revisions',
    'content_index_counters', 'content_official_documents', 'content_items', 'content_categories', 'content_files']) {
    await db.schema.dropTable(table).execute();
  }
}
