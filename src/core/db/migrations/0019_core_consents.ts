import { sql, type Kysely } from 'kysely';
import { columnTypes } from './helpers.js';

/**
 * Consent records (src/core/consent): which version of the privacy notice a person accepted, their separate
 * consent to sensitive personal information (the ID number), and a guardian's consent for a child under 14.
 * Rows are never deleted while the account exists: a withdrawal sets withdrawn_at, so the history stays provable.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose in ('privacy_notice','sensitive_pi','guardian')`))
    .addColumn('notice_version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('web','api','staff_proxy','demo')`))
    .addColumn('given_at', t.timestamp, (c) => c.notNull())
    .addColumn('withdrawn_at', t.timestamp)
    .execute();
  // A person's consents (account page, export) and "which notice version did they accept last".
  await db.schema.createIndex('consents_user_purpose').on('consents').columns(['user_id', 'purpose', 'notice_version']).execute();

  await db.schema.createTable('consent_guardians')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id'))
    .addColumn('consent_id', 'text', (c) => c.notNull().references('consents.id'))
    .addColumn('guardian_name', 'text', (c) => c.notNull())
    .addColumn('guardian_relation', 'text', (c) => c.notNull().check(sql`guardian_relation in ('father','mother','grandparent','other')`))
    .addColumn('guardian_phone_enc', 'text', (c) => c.notNull())
    // The day the child turns 14: until then the account is a minor's (PIPL 28, 31).
    .addColumn('minor_until', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('consent_guardians').execute();
  await db.schema.dropTable('consents').execute();
}
