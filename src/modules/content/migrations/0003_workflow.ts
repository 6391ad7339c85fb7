import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Edits of a published item wait here until they are reviewed, signed and published: the item row keeps the
 * version the public reads, the edit's text is its latest revision (content_revisions), and this row holds
 * the edit's own workflow state.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('content_pending_edits')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('content_items.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft','in_review','approved','scheduled')`))
    .addColumn('reviews_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviews_passed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signed_by', 'text', (c) => c.references('users.id'))
    .addColumn('signed_by_name', 'text')
    .addColumn('signed_at', t.timestamp)
    .addColumn('publish_at', t.timestamp)
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_pending_edits_schedule').on('content_pending_edits').columns(['status', 'publish_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('content_pending_edits').execute();
}
