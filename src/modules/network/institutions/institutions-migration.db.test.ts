import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../../../test/support/databases.js';
import { migrateToLatest } from '../../../core/db/migrate.js';
import { allMigrations } from '../../installed.js';
import * as m0006 from '../migrations/0006_network_institutions.js';

/** Migrations up to and including 0006 (what a database had when this one shipped). */
const upTo0006 = Object.fromEntries(Object.entries(allMigrations).filter(([name]) => name <= '0006_network_institutions'));
const before0006 = Object.fromEntries(Object.entries(allMigrations).filter(([name]) => name < '0006_network_institutions'));

describe.each(testDialects())('migration 0006_network_institutions on %s', (kind) => {
  let t: TestDatabase;
  afterEach(async () => { await t.drop(); });

  it('backfills existing institutions into tiers, and down restores the core table', async () => {
    t = await createTestDatabase(kind);
    const db = t.handle.db as any;
    await migrateToLatest(db, before0006, t.handle.pgSchema);
    const at = new Date().toISOString();
    await db.insertInto('regions').values([
      { id: '329901000000', name: '市', level: 'city', parent_id: null, path: '/329901000000/', sort: 0 },
      { id: '329901101000', name: '甲镇', level: 'town', parent_id: '329901000000', path: '/329901000000/329901101000/', sort: 0 },
      { id: '329901101001', name: '乙村', level: 'village', parent_id: '329901101000', path: '/329901000000/329901101000/329901101001/', sort: 0 },
    ]).execute();
    const inst = (id: string, name: string, k: string, region: string, path: string) => ({ id, name, kind: k, region_id: region, path: `${path}${id}/`, status: 'active', created_at: at });
    await db.insertInto('institutions').values([
      inst('c1', '甲镇社区教育中心', 'community_education_center', '329901101000', '/329901000000/329901101000/'),
      inst('s1', '甲镇老年学校', 'seniors_school', '329901101000', '/329901000000/329901101000/'),
      inst('v1', '乙村市民学校', 'citizen_school', '329901101001', '/329901000000/329901101000/329901101001/'),
      inst('e1', '某公司', 'employer', '329901101000', '/329901000000/329901101000/'),
    ]).execute();

    await migrateToLatest(db, upTo0006, t.handle.pgSchema);
    const rows = await db.selectFrom('institutions').select(['id', 'tier', 'parent_center_id', 'version']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'c1', tier: 'center', parent_center_id: null, version: 1 },
      { id: 'e1', tier: null, parent_center_id: null, version: 1 },
      { id: 's1', tier: 'base', parent_center_id: 'c1', version: 1 },
      { id: 'v1', tier: 'base', parent_center_id: 'c1', version: 1 },
    ]);
    expect((await db.selectFrom('network_accreditation_levels').select(['id', 'name_zh', 'rank']).orderBy('rank').execute()))
      .toEqual([{ id: 'none', name_zh: '未评定', rank: 0 }, { id: 'prefecture', name_zh: '市级', rank: 1 }, { id: 'provincial', name_zh: '省级', rank: 2 }]);

    await m0006.down(db);
    const columns = Object.keys((await db.selectFrom('institutions').selectAll().where('id', '=', 'c1').executeTakeFirstOrThrow()));
    expect(columns.sort()).toEqual(['created_at', 'id', 'kind', 'name', 'path', 'region_id', 'status']);
  });
});
