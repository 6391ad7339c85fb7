import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Staff and teachers of network institutions. Phone and ID number are stored like the core users' columns:
 * AES-GCM ciphertext plus a keyed look-up hash (src/core/pii/field-crypto.ts); the plaintext never touches the table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('network_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('employment', 'text', (c) => c.notNull().check(sql`employment in ('full_time','part_time','volunteer')`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('subjects', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('qualifications', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','left')`))
    .addColumn('left_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_people_institution_idx').on('network_people').columns(['institution_id', 'status']).execute();
  await db.schema.createIndex('network_people_user_idx').on('network_people').column('user_id').execute();
  await db.schema.createIndex('network_people_phone_idx').on('network_people').column('phone_hash').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_people').execute();
}
