import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';

/**
 * Row count and a hash of every row of every table, to prove a request wrote nothing. Ignored on purpose:
 * `sessions.last_seen_at` (touched by reads), audit rows of failed attempts and the failed-attempt counter
 * `users.failed_logins` (security events are recorded even when the request is refused, e.g. a wrong
 * current password) and `audit_head`, which only follows the audit rows.
 */
export async function databaseFingerprint(db: Kysely<any>, dialect: 'sqlite' | 'postgres'): Promise<Record<string, string>> {
  const tables = dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db)).rows.map((r) => r.name);
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (table === 'audit_head') continue;
    let rows = (await db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    if (table === 'audit_log') rows = rows.filter((r) => r.outcome !== 'failure');
    const ignored = (k: string) => (table === 'sessions' && k === 'last_seen_at') || (table === 'users' && k === 'failed_logins');
    const lines = rows.map((r) => JSON.stringify(Object.entries(r).filter(([k]) => !ignored(k)))).sort();
    out[table] = `${rows.length}:${crypto.createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}
