import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';
import { backfillInstitutionTiers } from '../institutions/tier-backfill.js';

/**
 * Extends core's institutions into the three-tier network (tier, the center an institution belongs to,
 * address, hours, contact, description, optimistic-concurrency version, retirement) and adds accreditation:
 * configurable level names, each institution's current accreditation, and the history of every change.
 * Pinned names other parts rely on: institutions.tier, institutions.accreditation_level_id,
 * network_accreditation_levels(id, name_zh, name_en, rank, sort) with ids none / prefecture / provincial.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('network_accreditation_levels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull().unique())
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.insertInto('network_accreditation_levels').values([
    { id: 'none', name_zh: '未评定', name_en: 'Not accredited', rank: 0, sort: 0 },
    { id: 'prefecture', name_zh: '市级', name_en: 'Prefecture-level', rank: 1, sort: 1 },
    { id: 'provincial', name_zh: '省级', name_en: 'Provincial-level', rank: 2, sort: 2 },
  ]).execute();

  // SQLite adds one column per ALTER TABLE statement.
  const add = (name: string, type: any, build?: (c: any) => any) =>
    db.schema.alterTable('institutions').addColumn(name, type, build ?? ((c) => c)).execute();
  await add('tier', 'text', (c) => c.check(sql`tier in ('center','base','supplementary')`));
  await add('accreditation_level_id', 'text', (c) => c.references('network_accreditation_levels.id'));
  await add('parent_center_id', 'text', (c) => c.references('institutions.id'));
  await add('address', 'text', (c) => c.notNull().defaultTo(''));
  await add('opening_hours', 'text', (c) => c.notNull().defaultTo(''));
  await add('contact_name', 'text', (c) => c.notNull().defaultTo(''));
  await add('contact_phone', 'text', (c) => c.notNull().defaultTo(''));
  await add('description', 'text', (c) => c.notNull().defaultTo(''));
  await add('version', 'integer', (c) => c.notNull().defaultTo(1));
  await add('updated_at', t.timestamp);
  await add('retired_at', t.timestamp);
  await db.updateTable('institutions').set({ updated_at: sql.ref('created_at') }).execute();
  await db.schema.createIndex('institutions_tier').on('institutions').columns(['tier', 'status']).execute();
  await db.schema.createIndex('institutions_parent_center').on('institutions').column('parent_center_id').execute();

  await db.schema.createTable('network_accreditations')
    .addColumn('institution_id', 'text', (c) => c.primaryKey().references('institutions.id'))
    .addColumn('level_id', 'text', (c) => c.notNull().references('network_accreditation_levels.id'))
    .addColumn('granted_on', 'text')
    .addColumn('certificate_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_review_on', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema.createTable('network_accreditation_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('from_level_id', 'text', (c) => c.references('network_accreditation_levels.id'))
    .addColumn('level_id', 'text', (c) => c.notNull().references('network_accreditation_levels.id'))
    .addColumn('granted_on', 'text')
    .addColumn('certificate_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_review_on', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('changed_by_name', 'text')
    .addColumn('changed_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_accreditation_history_institution')
    .on('network_accreditation_history').columns(['institution_id', 'changed_at']).execute();

  await backfillInstitutionTiers(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_accreditation_history').execute();
  await db.schema.dropTable('network_accreditations').execute();
  await db.schema.dropIndex('institutions_parent_center').execute();
  await db.schema.dropIndex('institutions_tier').execute();
  for (const column of ['retired_at', 'updated_at', 'version', 'description', 'contact_phone', 'contact_name',
    'opening_hours', 'address', 'parent_center_id', 'accreditation_level_id', 'tier']) {
    await db.schema.alterTable('institutions').dropColumn(column).execute();
  }
  await db.schema.dropTable('network_accreditation_levels').execute();
}
