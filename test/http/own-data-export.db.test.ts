import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { platformInventories } from '../../src/core/pii/platform-inventories.js';
import { MODULES } from '../../src/modules/installed.js';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';
import { ownDataFixtures } from '../support/own-data-fixtures.js';

/** Every table the inventory says holds a person's data keyed by their user id, with where the export shows it. */
const owned = platformInventories(MODULES).flatMap(({ inventory }) => Object.entries(inventory)
  .flatMap(([table, spec]) => (spec.owner && spec.owner.exportPath !== null ? [{ table, column: spec.owner.column, path: spec.owner.exportPath }] : [])));

/** `a.b` walks objects; `*` walks every element of an array (`learningOnline.*.lessons`). */
function at(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const key of path.split('.')) {
    current = current.flatMap((v) => (key === '*' ? (Array.isArray(v) ? v : []) : v && typeof v === 'object' ? [(v as Record<string, unknown>)[key]] : []));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]));
}

describe.each(testDialects())('own-data export holds every owned table (P7) on %s', (kind) => {
  let t: TestApp;
  let resident: Client;
  let userId: string;
  const rowsBefore = new Map<string, number>();

  beforeAll(async () => {
    // Seeding the demo blocks the event loop for seconds, which load shedding would answer with 503 for the next second.
    t = await createTestApp(kind);
    resident = await t.login('resident');
    userId = (await t.app.core.db.selectFrom('users').select('id').where('username', '=', 'resident').executeTakeFirstOrThrow()).id;
    const count = async (table: string, column: string) => Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}
      where ${sql.ref(column)} = ${userId}`.execute(t.app.core.db)).rows[0].n);
    for (const { table, column } of owned) {
      if (await count(table, column) === 0) await ownDataFixtures[table]?.(t.app.core, userId);
      rowsBefore.set(table, await count(table, column));
    }
  });
  afterAll(async () => { await t.close(); });

  it('covers the tables it claims to (the inventory drives the test)', () => {
    expect(owned.map((o) => o.table)).toEqual(expect.arrayContaining(['users', 'sessions', 'notifications', 'learning_enrolments', 'network_people']));
  });

  it.each(owned.map((o) => [o.table, o] as const))('%s: the resident has rows', (_, { table }) => {
    expect(rowsBefore.get(table), `no row of ${table} for the resident: add a fixture in test/support/own-data-fixtures.ts`).toBeGreaterThan(0);
  });

  it('puts each owned table in the export', async () => {
    const res = await resident.post('/api/v1/auth/export', { password: DEMO_PASSWORD });
    expect(res.status, res.raw).toBe(200);
    const missing = owned.filter(({ path }) => at(res.body, path).length === 0).map(({ table, path }) => `${table} → ${path}`);
    expect(missing, 'owned tables missing from the own-data export: register an own-data section in the owning module').toEqual([]);
    // The network section is the person's own staff record, in full (their own export is unmasked).
    expect(at(res.body, 'networkStaffRecords.*.name')).toContain('志愿讲师');
    expect(at(res.body, 'learningAssessments.*.passed')).toContain(true);
  });
});
