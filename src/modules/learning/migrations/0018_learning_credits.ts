import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * The credit bank (学分银行) and the city's conversion rules.
 *
 * - learning_credit_ledger: append-only; the primary key (source_kind, source_id, user_id) is what makes crediting
 *   idempotent: a completed class (source_id = class id) or online course (source_id = course id) credits a person
 *   once, however many reconcilers run at the same moment. Rows are never updated or deleted.
 * - learning_credit_rules: "N credits in a category (or in any) → a city certificate"; edits are versioned.
 * - learning_credit_awards: one per (user, rule), so a rule awards a person once; `number` is gap-free per year
 *   (learning_credit_award_counters, bumped in the awarding transaction) and `code` is a random public key.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('learning_credit_ledger')
    .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('class','online','revocation','conversion','manual')`))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    /** Credits in tenths (exact sums). */
    .addColumn('credits_tenths', 'integer', (c) => c.notNull())
    /** What was completed, as it was called then (class or course title). */
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    /** When the learning was completed. */
    .addColumn('at', t.timestamp, (c) => c.notNull())
    /** When the ledger learned of it. */
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_credit_ledger_pk', ['source_kind', 'source_id', 'user_id'])
    .execute();
  await db.schema.createIndex('learning_credit_ledger_user').on('learning_credit_ledger').columns(['user_id', 'category']).execute();

  await db.schema.createTable('learning_credit_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** A course category, or 'any' for credits of every category together. */
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('any','science','culture_civic','employment','income','health','arts','digital','other')`))
    .addColumn('credits_required_tenths', 'integer', (c) => c.notNull().check(sql`credits_required_tenths between 1 and 100000`))
    /** The title of the city certificate the rule awards. */
    .addColumn('award_title', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema.createTable('learning_credit_award_counters')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last_serial', 'integer', (c) => c.notNull().check(sql`last_serial >= 1`))
    .execute();

  await db.schema.createTable('learning_credit_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rule_id', 'text', (c) => c.notNull().references('learning_credit_rules.id'))
    /** The rule as it stood when it awarded (later edits do not change an award). */
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('award_title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('credits_required_tenths', 'integer', (c) => c.notNull())
    /** The person's credits in the category when the award was made. */
    .addColumn('credits_tenths', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('awarded_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('learning_credit_awards_once', ['user_id', 'rule_id'])
    .addUniqueConstraint('learning_credit_awards_serial', ['year', 'serial'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['learning_credit_awards', 'learning_credit_award_counters', 'learning_credit_rules', 'learning_credit_ledger']) {
    await db.schema.dropTable(table).execute();
  }
}
