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
  if (dialect === 'postgres') return postgresFingerprint(db, tables);
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

const IGNORED_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at'], users: ['failed_logins'] };

/** The same idea hashed inside PostgreSQL (md5 of each row's text, sorted), so a large demo database costs milliseconds. */
async function postgresFingerprint(db: Kysely<any>, tables: string[]): Promise<Record<string, string>> {
  const columns = (await sql<{ table: string; column: string }>`select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db)).rows;
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (table === 'audit_head' || table === 'fingerprint_changes') continue;
    const cols = columns.filter((c) => c.table === table && !(IGNORED_COLUMNS[table] ?? []).includes(c.column)).map((c) => sql.ref(`t.${c.column}`));
    const rowText = sql`md5(row(${sql.join(cols)})::text)`;
    const where = table === 'audit_log' ? sql`where t.outcome <> 'failure'` : sql``;
    const { rows } = await sql<{ n: number; h: string | null }>`select count(*)::int as n, md5(string_agg(${rowText}, ',' order by ${rowText})) as h
      from ${sql.table(table)} as t ${where}`.execute(db);
    out[table] = `${rows[0].n}:${(rows[0].h ?? '').slice(0, 16)}`;
  }
  return out;
}

/**
 * The fingerprint, recomputed only when something may have changed. On SQLite the app has one connection, and
 * `total_changes()` counts every row any statement on it inserted, updated or deleted (rolled back or not). On
 * PostgreSQL a row-level trigger on every table of the test's schema counts the same into a side table. An
 * unchanged counter proves an unchanged database, so the full hash is skipped.
 */
export async function fingerprintTracker(handle: { db: Kysely<any>; dialect: 'sqlite' | 'postgres'; sqlite: { prepare(sql: string): { get(): unknown } } | null }) {
  const { db } = handle;
  if (!handle.sqlite) await installChangeCounter(db);
  const changes = async () => (handle.sqlite
    ? Number((handle.sqlite.prepare('select total_changes() as n').get() as { n: number }).n)
    : Number((await sql<{ n: string }>`select n from fingerprint_changes`.execute(db)).rows[0].n));
  let last: { changes: number; value: Record<string, string> } | null = null;
  return {
    async current(): Promise<Record<string, string>> {
      const now = await changes();
      if (last && now === last.changes) return last.value;
      const value = await databaseFingerprint(db, handle.dialect);
      last = { changes: now, value };
      return value;
    },
  };
}

async function installChangeCounter(db: Kysely<any>) {
  const tables = (await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
  await sql`create table fingerprint_changes (n bigint not null)`.execute(db);
  await sql`insert into fingerprint_changes values (0)`.execute(db);
  await sql`create function fingerprint_bump() returns trigger language plpgsql as $$
    begin update fingerprint_changes set n = n + 1; return null; end $$`.execute(db);
  for (const table of tables) {
    await sql`create trigger fingerprint_count after insert or update or delete on ${sql.table(table)}
      for each row execute function fingerprint_bump()`.execute(db);
  }
}
