import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { newId } from '../../../core/ids.js';
import { institutionsDb } from './institutions-schema.js';
import { backfillInstitutionTiers } from './tier-backfill.js';

const [TOWN1, TOWN2] = TOWN_IDS;
const VILLAGE1 = '329901101001';

describe.each(testDialects())('network institutions on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });
  const db = () => institutionsDb(t.app.core);
  const count = async () => Number((await db().selectFrom('institutions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditCount = async (action: string) => Number((await t.app.core.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action).executeTakeFirstOrThrow()).n);

  it('places the demo institutions in the three tiers: centers, their base schools, employers outside the network', async () => {
    const rows = await db().selectFrom('institutions as i').innerJoin('regions as r', 'r.id', 'i.region_id')
      .leftJoin('institutions as c', 'c.id', 'i.parent_center_id')
      .select(['i.kind', 'i.tier', 'i.region_id', 'r.parent_id', 'c.region_id as center_town']).execute();
    const byKind = (k: string) => rows.filter((r) => r.kind === k);
    expect(byKind('community_education_center').every((r) => r.tier === 'center')).toBe(true);
    expect(byKind('community_education_center')).toHaveLength(8);
    expect(byKind('employer').every((r) => r.tier === null)).toBe(true);
    for (const r of byKind('citizen_school')) expect(r).toMatchObject({ tier: 'base', center_town: r.parent_id });
    for (const r of byKind('seniors_school')) expect(r).toMatchObject({ tier: 'base', center_town: r.region_id });
  });

  it('the backfill (also run by the migration) classifies rows that have no tier yet and leaves set ones alone', async () => {
    const id = newId();
    await db().insertInto('institutions').values({ id, name: '回填测试企业培训学校', kind: 'enterprise_training', region_id: TOWN2,
      path: `/329901000000/${TOWN2}/${id}/`, status: 'active', created_at: new Date().toISOString() } as any).execute();
    await backfillInstitutionTiers(db());
    const row = await db().selectFrom('institutions').select(['tier', 'parent_center_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ tier: 'supplementary', parent_center_id: (await centerOf(t, TOWN2)).id });
    await db().deleteFrom('institutions').where('id', '=', id).execute();
  });

  it('lists only the scope: a town admin sees their town, filters cannot reach another town; the city sees all', async () => {
    const town = await t.login('town');
    const mine = await town.get('/api/v1/network/institutions?pageSize=100');
    expect(mine.status, mine.raw).toBe(200);
    expect(mine.body.total).toBe(7); // center, seniors' school, 5 citizen schools; the employer is not in the network
    expect(mine.body.items.every((i: any) => i.town.id === TOWN1)).toBe(true);
    expect(mine.body.items[0]).toMatchObject({ tier: 'center', accreditation: { levelId: 'provincial', nameZh: '省级' } });
    expect((await town.get(`/api/v1/network/institutions?town=${TOWN2}`)).body.total).toBe(0);
    const other = await centerOf(t, TOWN2);
    expect((await town.get(`/api/v1/network/institutions/${other.id}`)).status).toBe(404);

    const city = await t.login('admin');
    expect((await city.get('/api/v1/network/institutions?pageSize=100')).body.total).toBe(8 * 7);
    const village = await city.get(`/api/v1/network/institutions?village=${VILLAGE1}`);
    expect(village.body.items.map((i: any) => i.kind)).toEqual(['citizen_school']);
    expect((await city.get(`/api/v1/network/institutions?tier=center&town=${TOWN2}`)).body.items).toHaveLength(1);
    expect((await city.get('/api/v1/network/institutions?kind=seniors_school')).body.total).toBe(8);
    expect((await city.get('/api/v1/network/institutions?page=2&pageSize=50')).body.items).toHaveLength(6);
  });

  it('a town admin records a base school under their center; the audit log has it', async () => {
    const town = await t.login('town');
    const center = await centerOf(t, TOWN1);
    const res = await town.post('/api/v1/network/institutions', { name: '柳泉镇人口学校', tier: 'base', kind: 'population_school',
      regionId: TOWN1, parentCenterId: center.id, address: '柳泉镇文化路 8 号', contactPhone: '0571-86001234' });
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ tier: 'base', version: 1, parentCenter: { id: center.id }, town: { id: TOWN1, name: '柳泉镇' } });
    expect(await auditCount('network.institution.create')).toBe(1);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const town = await t.login('town');
    const city = await t.login('admin');
    const center1 = (await centerOf(t, TOWN1)).id;
    const center2 = (await centerOf(t, TOWN2)).id;
    const base = { name: '新学校', tier: 'base', kind: 'citizen_school', regionId: VILLAGE1, parentCenterId: center1 };
    const cases: [any, string, string, typeof town?][] = [
      [{ ...base, regionId: '329901199000' }, 'regionId', 'region_unknown'],
      [{ ...base, regionId: '329901102001' }, 'regionId', 'region_unknown'], // another town: outside the town admin's scope
      [{ ...base, parentCenterId: newId() }, 'parentCenterId', 'parent_unknown'],
      [{ ...base, parentCenterId: center2 }, 'parentCenterId', 'parent_other_town', city],
      [{ ...base, parentCenterId: null }, 'parentCenterId', 'parent_required'],
      [{ ...base, tier: 'center', kind: 'community_education_center', regionId: TOWN1 }, 'parentCenterId', 'center_under_center'],
      [{ ...base, tier: 'center', kind: 'community_education_center', parentCenterId: undefined }, 'regionId', 'center_needs_town'],
      [{ ...base, tier: 'center' }, 'tier', 'tier_kind_mismatch'],
      [{ ...base, name: '柳泉镇老年学校' }, 'name', 'duplicate_name'],
      [{ ...base, contactPhone: '12345' }, 'contactPhone', 'phone_format'],
      [{ ...base, parentCenterId: (await db().selectFrom('institutions').select('id').where('kind', '=', 'seniors_school').where('region_id', '=', TOWN1).executeTakeFirstOrThrow()).id },
        'parentCenterId', 'parent_unknown'],
    ];
    const before = await count();
    for (const [body, field, code, client] of cases) {
      const res = await (client ?? town).post('/api/v1/network/institutions', body);
      expect(res.status, `${code}: ${res.raw}`).toBe(400);
      expect(res.body.errors, res.raw).toEqual(expect.arrayContaining([expect.objectContaining({ field, code })]));
    }
    expect((await town.post('/api/v1/network/institutions', { ...base, tier: 'wizard' })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('two admins edit the same institution: the later save with a stale version gets 409, nothing overwritten', async () => {
    const town = await t.login('town');
    const city = await t.login('admin');
    const center = await centerOf(t, TOWN1);
    const read = (await town.get(`/api/v1/network/institutions/${center.id}`)).body;
    const first = await town.patch(`/api/v1/network/institutions/${center.id}`, { version: read.version, openingHours: '周一至周日 8:00–20:00' });
    expect(first.status, first.raw).toBe(200);
    expect(first.body.version).toBe(read.version + 1);
    const second = await city.patch(`/api/v1/network/institutions/${center.id}`, { version: read.version, openingHours: '周末休息' });
    expect(second.status).toBe(409);
    expect(second.body.title ?? second.raw).toBeTruthy();
    expect((await city.get(`/api/v1/network/institutions/${center.id}`)).body.openingHours).toBe('周一至周日 8:00–20:00');
  });

  it('an institution admin edits their own descriptive fields but not its structure, and nothing of other institutions', async () => {
    const staff = await t.login('staff');
    const center = await centerOf(t, TOWN1);
    const read = (await staff.get(`/api/v1/network/institutions/${center.id}`)).body;
    expect((await staff.patch(`/api/v1/network/institutions/${center.id}`, { version: read.version, description: '新的介绍' })).status).toBe(200);
    const rename = await staff.patch(`/api/v1/network/institutions/${center.id}`, { version: read.version + 1, name: '改名中心' });
    expect(rename.status).toBe(400);
    expect(rename.body.errors[0].code).toBe('structure_forbidden');
    const other = (await t.login('admin')).get(`/api/v1/network/institutions?kind=seniors_school&town=${TOWN1}`);
    const seniors = (await other).body.items[0];
    expect((await staff.patch(`/api/v1/network/institutions/${seniors.id}`, { version: seniors.version, description: 'x' })).status).toBe(404);
    const town = await t.login('town');
    const demote = await town.patch(`/api/v1/network/institutions/${center.id}`, { version: read.version + 1, tier: 'base', kind: 'other', parentCenterId: null });
    expect(demote.status).toBe(400);
  });

  it('retires (kept, versioned) and deletes only what nothing depends on, with the reason', async () => {
    const town = await t.login('town');
    const center = await centerOf(t, TOWN1);
    const made = (await town.post('/api/v1/network/institutions', { name: '柳泉镇党校', tier: 'base', kind: 'party_school', regionId: TOWN1, parentCenterId: center.id })).body;
    expect((await town.post(`/api/v1/network/institutions/${made.id}/retire`, { version: 99 })).status).toBe(409);
    const retired = await town.post(`/api/v1/network/institutions/${made.id}/retire`, { version: made.version });
    expect(retired.status, retired.raw).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', version: made.version + 1 });
    expect(retired.body.retiredAt).toBeTruthy();
    expect((await town.post(`/api/v1/network/institutions/${made.id}/retire`, { version: made.version + 1 })).status).toBe(409);

    const centerDelete = await town.delete(`/api/v1/network/institutions/${center.id}`);
    expect(centerDelete.status).toBe(409);
    const centerRetire = await town.post(`/api/v1/network/institutions/${center.id}/retire`, { version: (await town.get(`/api/v1/network/institutions/${center.id}`)).body.version });
    expect(centerRetire.status).toBe(400); // members under it

    const before = await count();
    expect((await town.delete(`/api/v1/network/institutions/${made.id}`)).status).toBe(204);
    expect(await count()).toBe(before - 1);
    expect(await auditCount('network.institution.delete')).toBe(1);
    expect((await (await t.login('inspector')).delete(`/api/v1/network/institutions/${center.id}`)).status).toBe(403);
  });

  it('refuses to delete an institution that still has active staff, with the reason', async () => {
    const town = await t.login('town');
    const center = await centerOf(t, TOWN1);
    const made = (await town.post('/api/v1/network/institutions', { name: '柳泉镇农民培训学校', tier: 'base', kind: 'farmer_training_school', regionId: TOWN1, parentCenterId: center.id })).body;
    const at = new Date().toISOString();
    await (t.app.core.db as any).insertInto('network_people').values({ id: newId(), institution_id: made.id, user_id: null, name: '测试教师',
      employment: 'part_time', title: '', subjects: '', qualifications: '', phone_enc: null, phone_hash: null, id_number_enc: null, id_number_hash: null,
      status: 'active', left_at: null, version: 1, created_at: at, updated_at: at }).execute();
    const res = await town.delete(`/api/v1/network/institutions/${made.id}`);
    expect(res.status).toBe(409);
    expect(res.raw).toContain('1 名在职人员');
    expect((await town.get(`/api/v1/network/institutions/${made.id}`)).status).toBe(200);
    const search = await town.get(`/api/v1/network/institutions?q=${encodeURIComponent('农民培训')}`);
    expect(search.body.items.map((i: any) => i.id)).toEqual([made.id]);
  });

  it('two saves of the same version at the same moment: exactly one wins, the other gets 409', async () => {
    const town = await t.login('town');
    const city = await t.login('admin');
    const seniors = (await city.get(`/api/v1/network/institutions?kind=seniors_school&town=${TOWN2}`)).body.items[0];
    const [a, b] = await Promise.all([
      city.patch(`/api/v1/network/institutions/${seniors.id}`, { version: seniors.version, address: '甲地址' }),
      (await t.login('town02')).patch(`/api/v1/network/institutions/${seniors.id}`, { version: seniors.version, address: '乙地址' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? '甲地址' : '乙地址';
    expect((await city.get(`/api/v1/network/institutions/${seniors.id}`)).body).toMatchObject({ address: winner, version: seniors.version + 1 });
    expect((await town.get(`/api/v1/network/institutions/${seniors.id}`)).status).toBe(404);
  });
});
