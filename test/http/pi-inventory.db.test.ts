import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/core/db/migrate.js';
import { declaredColumns, type PiCategory } from '../../src/core/pii/inventory.js';
import { platformInventories } from '../../src/core/pii/platform-inventories.js';
import { personalFields } from '../../src/core/pii/personal-fields.js';
import { allMigrations, MODULES } from '../../src/modules/installed.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

/** `table.column` of every column of the migrated schema, as the database itself reports it. */
async function schemaColumns(t: TestDatabase): Promise<string[]> {
  if (t.handle.sqlite) {
    const sqlite = t.handle.sqlite;
    // Shadow tables are FTS5's own storage, and sqlite_* SQLite's; neither is a table the platform designed.
    const tables = (sqlite.pragma('table_list') as Array<{ schema: string; name: string; type: string }>)
      .filter((x) => x.schema === 'main' && x.type !== 'shadow' && !x.name.startsWith('sqlite_'));
    return tables.flatMap(({ name }) => (sqlite.pragma(`table_info(${JSON.stringify(name)})`) as Array<{ name: string }>).map((c) => `${name}.${c.name}`));
  }
  const rows = await sql<{ table_name: string; column_name: string }>`select table_name, column_name from information_schema.columns
    where table_schema = ${t.handle.pgSchema}`.execute(t.handle.db);
  return rows.rows.map((r) => `${r.table_name}.${r.column_name}`);
}

const inventories = platformInventories(MODULES);
const STRICTNESS: Record<PiCategory, number> = { none: 0, personal: 1, sensitive: 2 };

describe.each(testDialects())('personal-information inventory (P1) on %s', (kind) => {
  let t: TestDatabase;
  let actual: string[];
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await migrateToLatest(t.handle.db, allMigrations, t.handle.pgSchema);
    actual = await schemaColumns(t);
  });
  afterAll(async () => { await t.drop(); });

  it('sees a real schema (the introspection works)', () => {
    expect(actual).toContain('users.id_number_enc');
    expect(actual.length).toBeGreaterThan(300);
  });

  it('tags every column of every table', () => {
    const declared = new Set(declaredColumns(inventories, kind).map((c) => `${c.table}.${c.column}`));
    expect(actual.filter((c) => !declared.has(c)), 'columns without a tag: add them to the owning pi-inventory.ts').toEqual([]);
  });

  it('tags no column that does not exist', () => {
    const present = new Set(actual);
    const stale = declaredColumns(inventories, kind).filter((c) => !present.has(`${c.table}.${c.column}`)).map((c) => `${c.table}.${c.column} (${c.source})`);
    expect(stale, 'tags naming no column').toEqual([]);
  });
});

describe('inventory rules', () => {
  const columns = new Map(testDialects().flatMap((d) => declaredColumns(inventories, d)).map((c) => [`${c.table}.${c.column}`, c.category]));
  const tables = inventories.flatMap(({ source, inventory }) => Object.entries(inventory).map(([table, spec]) => ({ source, table, spec })));

  it('gives every table a purpose and a retention rule', () => {
    for (const { table, spec } of tables) {
      expect(spec.purpose.length, `${table}.purpose`).toBeGreaterThan(5);
      expect(spec.retention.length, `${table}.retention`).toBeGreaterThan(5);
    }
  });

  it('names as owner a column tagged as personal information, with an export place or a reason', () => {
    for (const { table, spec } of tables) {
      if (!spec.owner) continue;
      if (table === 'users') expect(spec.owner.column).toBe('id');
      else expect(STRICTNESS[columns.get(`${table}.${spec.owner.column}`) ?? 'none'], `${table}.${spec.owner.column}`).toBeGreaterThan(0);
      if (spec.owner.exportPath === null) expect(spec.owner.notExportedBecause.length, table).toBeGreaterThan(10);
    }
  });

  it('is at least as strict as the masking registry (personal-fields.ts) for every registered field', () => {
    for (const [name, spec] of Object.entries(personalFields)) {
      const [table, column] = name.split('.');
      const physical = spec.storage === 'encrypted+hash' ? [`${table}.${column}_enc`, `${table}.${column}_hash`] : [name];
      for (const col of physical) {
        expect(STRICTNESS[columns.get(col) ?? 'none'], `${col} (${spec.sensitivity} in personal-fields.ts)`).toBeGreaterThanOrEqual(STRICTNESS[spec.sensitivity]);
      }
    }
  });

  it('tags ID numbers, credentials and their derivatives as sensitive', () => {
    for (const [col, category] of columns) {
      if (/(^|\.)(id_number_\w+|password_hash|mfa_secret_enc|birth_date)$/.test(col)) expect(category, col).toBe('sensitive');
    }
  });

  it('never purges the audit log or issued certificates', () => {
    const purged = new Set(tables.filter((x) => x.spec.purge).map((x) => x.table));
    for (const kept of ['audit_log', 'audit_head', 'learning_certificates', 'learning_credit_awards']) expect(purged.has(kept), kept).toBe(false);
  });
});
