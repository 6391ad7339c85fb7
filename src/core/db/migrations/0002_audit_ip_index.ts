import type { Kysely } from 'kysely';

/** Failed logins per IP are counted from the audit log (the per-address login limit). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('audit_log_ip_at').on('audit_log').columns(['ip', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_ip_at').execute();
}
