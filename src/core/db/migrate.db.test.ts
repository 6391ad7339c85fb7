import { afterEach, describe, expect, it } from 'vitest';
import { sql, type Migration } from 'kysely';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../test/support/databases.js';
import { migrateToLatest } from './migrate.js';
import { allMigrations as migrations } from '../../modules/installed.js';

async function tableNames(db: TestDatabase['handle']['db'], kind: string): Promise<string[]> {
  const rows = kind === 'postgres'
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
  return rows.rows.map((r) => r.name).sort();
}

describe.each(testDialects())('migrations on %s', (kind) => {
  let t: TestDatabase;
  afterEach(async () => { await t.drop(); });

  it('apply once, and a second run changes nothing', async () => {
    t = await createTestDatabase(kind);
    expect(await migrateToLatest(t.handle.db, migrations, t.handle.pgSchema)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(t.handle.db, migrations, t.handle.pgSchema)).toEqual([]);
    expect(await tableNames(t.handle.db, kind)).toEqual(expect.arrayContaining(['users', 'audit_log', 'sessions', 'regions']));
  });

  it('a failing migration leaves the schema and the recorded version unchanged', async () => {
    t = await createTestDatabase(kind);
    await migrateToLatest(t.handle.db, migrations, t.handle.pgSchema);
    const before = await tableNames(t.handle.db, kind);
    const broken: Migration = {
      up: async (db) => {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`this is not sql`.execute(db);
      },
    };
    await expect(migrateToLatest(t.handle.db, { ...migrations, '9999_broken': broken }, t.handle.pgSchema)).rejects.toThrow(/9999_broken/);
    expect(await tableNames(t.handle.db, kind)).toEqual(before);
    const applied = await t.handle.db.withSchema(t.handle.pgSchema ?? 'main').selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(applied.map((r: any) => r.name)).not.toContain('9999_broken');
  });
});
