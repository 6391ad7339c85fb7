import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';

const [TOWN1, TOWN2] = TOWN_IDS;

describe.each(testDialects())('network accreditation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });
  const historyRows = async () => Number((await (t.app.core.db as any).selectFrom('network_accreditation_history')
    .select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('the city sees at a glance how many centers there are and at which level; a town only its own', async () => {
    const city = await t.login('admin');
    const res = await city.get('/api/v1/network/accreditation/summary');
    expect(res.status, res.raw).toBe(200);
    expect(res.body).toMatchObject({ centers: 8, textZh: '8 个社区教育中心：省级 2 个，市级 5 个，未评定 1 个',
      textEn: '8 centers, 2 provincial-level, 5 prefecture-level, 1 not accredited' });
    const town = await t.login('town');
    expect((await town.get('/api/v1/network/accreditation/summary')).body).toMatchObject({ centers: 1, textZh: '1 个社区教育中心：省级 1 个' });
  });

  it('the city admin sets a level with date, certificate and next review; history and audit record every change', async () => {
    const city = await t.login('admin');
    const center = await centerOf(t, TOWN2);
    const set = await city.put(`/api/v1/network/institutions/${center.id}/accreditation`,
      { levelId: 'provincial', grantedOn: '2026-06-01', certificateNo: 'ZJ-SQJY-2026-009', nextReviewOn: '2029-06-01' });
    expect(set.status, set.raw).toBe(200);
    expect(set.body.current).toMatchObject({ level: { id: 'provincial', nameZh: '省级' }, grantedOn: '2026-06-01', certificateNo: 'ZJ-SQJY-2026-009' });
    expect(set.body.history[0]).toMatchObject({ fromLevel: { id: 'prefecture' }, level: { id: 'provincial' }, changedBy: expect.any(String) });
    expect(set.body.history).toHaveLength(2);
    expect((await city.get(`/api/v1/network/institutions/${center.id}`)).body.accreditation.levelId).toBe('provincial');
    expect((await city.get('/api/v1/network/accreditation/summary')).body.textZh).toBe('8 个社区教育中心：省级 3 个，市级 4 个，未评定 1 个');
    const audit = await t.app.core.db.selectFrom('audit_log').select('target_id').where('action', '=', 'network.accreditation.set').execute();
    expect(audit.map((a) => a.target_id)).toEqual([center.id]);
    const town2 = await t.login('town02');
    expect((await town2.get(`/api/v1/network/institutions/${center.id}/accreditation`)).body.history).toHaveLength(2);
    expect((await (await t.login('town')).get(`/api/v1/network/institutions/${center.id}/accreditation`)).status).toBe(404);
  });

  it('refuses bad accreditation input with field errors and writes nothing', async () => {
    const city = await t.login('admin');
    const center = await centerOf(t, TOWN1);
    const seniors = (await city.get(`/api/v1/network/institutions?kind=seniors_school&town=${TOWN1}`)).body.items[0];
    const good = { levelId: 'prefecture', grantedOn: '2026-01-10', certificateNo: 'QX-1', nextReviewOn: '2028-01-10' };
    const before = await historyRows();
    const cases: [string, any, string][] = [
      [center.id, { ...good, levelId: 'galactic' }, 'level_unknown'],
      [center.id, { ...good, grantedOn: null }, 'date_required'],
      [center.id, { ...good, nextReviewOn: '2025-01-01' }, 'date_order'],
      [center.id, { ...good, grantedOn: '2026-02-30' }, 'invalid'],
      [seniors.id, good, 'not_a_center'],
    ];
    for (const [id, body, code] of cases) {
      const res = await city.put(`/api/v1/network/institutions/${id}/accreditation`, body);
      expect(res.status, `${code}: ${res.raw}`).toBe(400);
      expect(res.body.errors.map((e: any) => e.code)).toContain(code);
    }
    expect((await city.put(`/api/v1/network/institutions/${center.id}/accreditation`, { ...good, grantedOn: '2026/01/10' })).status).toBe(400);
    expect(await historyRows()).toBe(before);
  });

  it('level names are configurable by the city and show everywhere; clashes are refused', async () => {
    const city = await t.login('admin');
    const res = await city.patch('/api/v1/network/accreditation/levels/prefecture', { nameZh: '市级示范', nameEn: 'City model' });
    expect(res.status, res.raw).toBe(200);
    expect((await city.get('/api/v1/network/accreditation/levels')).body.items.map((l: any) => l.nameZh)).toEqual(['未评定', '市级示范', '省级']);
    expect((await city.get('/api/v1/network/accreditation/summary')).body.textZh).toContain('市级示范 4 个');
    expect((await city.patch('/api/v1/network/accreditation/levels/none', { nameZh: '省级', nameEn: 'x' })).status).toBe(400);
    expect((await city.patch('/api/v1/network/accreditation/levels/nope', { nameZh: 'a', nameEn: 'b' })).status).toBe(404);
    expect((await (await t.login('town')).patch('/api/v1/network/accreditation/levels/none', { nameZh: 'a', nameEn: 'b' })).status).toBe(403);
  });
});
