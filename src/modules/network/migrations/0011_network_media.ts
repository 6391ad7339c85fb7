import type { Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Files of network institutions, stored through the content module's file service (`content_files` keeps the
 * bytes' key, hash, type and name): the photos shown on the public learning-place page, and the evidence files
 * that indicator values point at. These tables only say which institution a file belongs to and why, so an
 * evidence id recorded for one institution can be checked to be that institution's.
 * Towns already carry `regions.population` (core), which the dashboard's staff-per-1,000 figure reads.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('network_institution_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('file_id', 'text', (c) => c.notNull().unique().references('content_files.id'))
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_institution_photos_institution')
    .on('network_institution_photos').columns(['institution_id', 'sort']).execute();

  await db.schema.createTable('network_institution_evidence')
    .addColumn('file_id', 'text', (c) => c.primaryKey().references('content_files.id'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_institution_evidence_institution')
    .on('network_institution_evidence').column('institution_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_institution_evidence').execute();
  await db.schema.dropTable('network_institution_photos').execute();
}
