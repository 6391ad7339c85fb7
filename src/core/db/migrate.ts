import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as core0001 from './migrations/0001_core.js';

/**
 * Every migration of the platform, in order. Module migrations are appended here with a
 * module prefix; a migration file is never edited once it has shipped.
 */
export const migrations: Record<string, Migration> = {
  '0001_core': core0001,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations() {
    return this.list;
  }
}

export async function migrateToLatest(db: Kysely<any>, list: Record<string, Migration> = migrations) {
  const migrator = new Migrator({ db, provider: new InCodeProvider(list) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? error}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
