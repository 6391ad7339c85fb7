import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Partners of the community education network (NGOs, local employers, units stationed in the town (驻地单位),
 * individuals), what they contribute, their agreements, the institutions they work with, and each town's
 * community education committee. A partner belongs to one town: its `path` is the town's path, so scope
 * checks are the same prefix tests as everywhere else.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.createTable('network_partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('ngo','employer','stationed_unit','individual')`))
    .addColumn('region_id', 'varchar(12)', (c) => c.notNull().references('regions.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','inactive')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('network_partners_region_name', ['region_id', 'name'])
    .execute();
  await db.schema.createIndex('network_partners_path').on('network_partners').column('path').execute();

  await db.schema.createTable('network_partner_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('network_partners.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('venue','teachers','money','equipment')`))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Whole yuan for money, a count (rooms, teachers, items) otherwise.
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount >= 0`))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_partner_contributions_partner').on('network_partner_contributions').column('partner_id').execute();

  await db.schema.createTable('network_partner_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('partner_id', 'text', (c) => c.notNull().references('network_partners.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Calendar dates as 'YYYY-MM-DD' (Shanghai), compared as text.
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addCheckConstraint('network_partner_agreements_dates', sql`valid_until >= valid_from`)
    .execute();
  await db.schema.createIndex('network_partner_agreements_partner').on('network_partner_agreements').column('partner_id').execute();

  await db.schema.createTable('network_partner_institutions')
    .addColumn('partner_id', 'text', (c) => c.notNull().references('network_partners.id').onDelete('cascade'))
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addPrimaryKeyConstraint('network_partner_institutions_pk', ['partner_id', 'institution_id'])
    .execute();
  await db.schema.createIndex('network_partner_institutions_institution').on('network_partner_institutions').column('institution_id').execute();

  await db.schema.createTable('network_committee_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(12)', (c) => c.notNull().references('regions.id'))
    .addColumn('department', 'text', (c) => c.notNull())
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('position', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('network_committee_members_region').on('network_committee_members').columns(['region_id', 'sort']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['network_committee_members', 'network_partner_institutions', 'network_partner_agreements',
    'network_partner_contributions', 'network_partners']) {
    await db.schema.dropTable(table).execute();
  }
}
