import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Spreadsheet imports of the network (institutions, people, partners): one row per upload, holding its state,
 * progress, the row errors found, and the validated rows waiting for the commit, so any server process can answer
 * for a job. Validated rows carry ID numbers and phones of people only as field-crypto ciphertext + look-up hash.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('network_import_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('institutions','people','partners')`))
    .addColumn('status', 'text', (c) => c.notNull()
      .check(sql`status in ('validating','ready','invalid','committing','committed','failed')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('errors_json', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('rows_json', t.json)
    .addColumn('committed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema.createIndex('network_import_jobs_creator_idx').on('network_import_jobs').columns(['created_by', 'created_at']).execute();
  await db.schema.createIndex('network_import_jobs_created_idx').on('network_import_jobs').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_import_jobs').execute();
}
