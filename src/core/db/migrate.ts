import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import { dialectOf } from './dialect.js';
import * as core0001 from './migrations/0001_core.js';
import * as core0002 from './migrations/0002_audit_ip_index.js';
import * as core0012notifications from './migrations/0012_core_notifications.js';
import * as core0019consents from './migrations/0019_core_consents.js';

/**
 * Every migration of the platform, in order. Module migrations are appended here with a
 * module prefix; a migration file is never edited once it has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': core0001,
  '0002_audit_ip_index': core0002,
  '0012_core_notifications': core0012notifications,
  '0019_core_consents': core0019consents,
};

/**
 * Kysely runs PostgreSQL migrations in a transaction but not SQLite ones, although SQLite's DDL is
 * transactional too: wrap each SQLite migration so a failure leaves the schema as it was.
 */
function transactional(migration: Migration): Migration {
  return {
    up: async (db) => (dialectOf(db) === 'sqlite' && !db.isTransaction ? db.transaction().execute((trx) => migration.up(trx)) : migration.up(db)),
    down: migration.down && (async (db) => (dialectOf(db) === 'sqlite' && !db.isTransaction ? db.transaction().execute((trx) => migration.down!(trx)) : migration.down!(db))),
  };
}

class InCodeProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations() {
    return Object.fromEntries(Object.entries(this.list).map(([name, m]) => [name, transactional(m)]));
  }
}

/**
 * `schema` names the PostgreSQL schema that holds the migration bookkeeping tables; without it Kysely
 * can mistake another schema's tables for ours (tests run one schema per file).
 */
export async function migrateToLatest(db: Kysely<any>, list: Record<string, Migration> = migrations, schema?: string | null) {
  const migrator = new Migrator({ db, provider: new InCodeProvider(list), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? error}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
