import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { seedDemoIndicatorValues } from './demo-standards.js';

const DAY = 86_400_000;

describe.each(testDialects())('standards and gaps (查漏补缺) on %s', (kind) => {
  const clock = fakeClock('2026-03-02T01:00:00.000Z'); // 09:00 on 2026-03-02 in China Standard Time
  let t: TestApp;
  let center1: string;
  let center2: string;
  const historyCount = async () => Number((await t.app.database.db.selectFrom('network_indicator_value_history' as any)
    .select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as any).n);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    center1 = (await centerOf(t, TOWN_IDS[0]!)).id;
    center2 = (await centerOf(t, TOWN_IDS[1]!)).id;
  });
  afterAll(async () => { await t.close(); });

  it('seeds the indicator catalogue, a standard per tier and level, and demo values', async () => {
    const staff = await t.login('staff');
    const catalogue = await staff.get('/api/v1/network/indicators');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.items.map((i: any) => i.code)).toEqual(expect.arrayContaining(['building_area', 'participation_rate', 'annual_plan']));
    expect(catalogue.body.items.find((i: any) => i.code === 'library_volumes')).toMatchObject({ unit: '册', valueType: 'number' });
    const standards = await staff.get('/api/v1/network/standards');
    expect(standards.body.items).toHaveLength(9);
    expect(standards.body.items.every((s: any) => s.version === 1 && s.inForce)).toBe(true);
    const values = await staff.get(`/api/v1/network/institutions/${center1}/indicators`);
    expect(values.status).toBe(200);
    expect(values.body.items.filter((v: any) => v.value !== null).length).toBeGreaterThan(5);
  });

  it('scope: an institution admin sees their own, a town admin their town, never another town (404)', async () => {
    const [staff, town, town02, inspector, teacher] = await Promise.all(['staff', 'town', 'town02', 'inspector', 'teacher'].map((u) => t.login(u)));
    expect((await town.get(`/api/v1/network/institutions/${center1}/gaps`)).status).toBe(200);
    expect((await inspector.get(`/api/v1/network/institutions/${center1}/gaps`)).status).toBe(200);
    expect((await staff.get(`/api/v1/network/institutions/${center2}/indicators`)).status).toBe(404);
    expect((await town02.get(`/api/v1/network/institutions/${center1}/gaps`)).status).toBe(404);
    expect((await town02.get(`/api/v1/network/institutions/${center1}/indicators`)).status).toBe(404);
    expect((await town02.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'classrooms', value: 3, version: 0 }] })).status).toBe(404);
    expect((await inspector.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'classrooms', value: 3, version: 0 }] })).status).toBe(403);
    expect((await teacher.get(`/api/v1/network/gap-matrix`)).status).toBe(403);
    expect((await town02.get(`/api/v1/network/institutions/not-an-institution/gaps`)).status).toBe(404);
  });

  it('bad values get field errors and nothing is written', async () => {
    const staff = await t.login('staff');
    const before = await historyCount();
    const current = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items;
    const versionOf = (code: string) => current.find((v: any) => v.code === code).version;
    const res = await staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [
      { code: 'classrooms', value: 12, version: versionOf('classrooms') }, // good, but the batch is all or nothing
      { code: 'building_area', value: -5, version: versionOf('building_area') },
      { code: 'library_volumes', value: '很多', version: versionOf('library_volumes') },
      { code: 'participation_rate', value: 140, version: versionOf('participation_rate') },
      { code: 'annual_plan', value: 'yes', version: versionOf('annual_plan') },
      { code: 'swimming_pools', value: 1, version: 0 },
    ] });
    expect(res.status, res.raw).toBe(400);
    expect(res.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([
      'values.1.value:negative', 'values.2.value:not_number', 'values.3.value:out_of_range', 'values.4.value:not_boolean', 'values.5.code:unknown',
    ]);
    expect(res.body.errors[1].message['zh-CN']).toBe('请填写数字。');
    expect(await historyCount()).toBe(before);
    const after = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items;
    expect(after).toEqual(current);
  });

  it('two admins editing the same value: the later save with a stale version gets 409', async () => {
    const [staff, town] = await Promise.all([t.login('staff'), t.login('town')]);
    const read = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items.find((v: any) => v.code === 'classrooms');
    const first = await staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'classrooms', value: 9, version: read.version, evidenceNote: '教学楼平面图' }] });
    expect(first.status, first.raw).toBe(200);
    expect(first.body.items.find((v: any) => v.code === 'classrooms')).toMatchObject({ value: 9, version: read.version + 1, evidenceNote: '教学楼平面图' });
    const second = await town.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'classrooms', value: 4, version: read.version }] });
    expect(second.status).toBe(409);
    expect((await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items.find((v: any) => v.code === 'classrooms').value).toBe(9);
  });

  it('two saves at the same moment: one wins, the other gets 409 (first values and updates alike)', async () => {
    const [staff, town] = await Promise.all([t.login('staff'), t.login('town')]);
    const items = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items;
    const updated = items.find((v: any) => v.version > 0 && v.valueType === 'number');
    const auditBefore = Number((await t.app.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'network.indicator.record').executeTakeFirstOrThrow()).n);
    const race = await Promise.all([
      staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: updated.code, value: 31, version: updated.version }] }),
      town.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: updated.code, value: 32, version: updated.version }] }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = race.find((r) => r.status === 200)!.body.items.find((v: any) => v.code === updated.code);
    expect(winner.version).toBe(updated.version + 1);
    // A first value: both insert, the primary key lets one through.
    await t.app.database.db.deleteFrom('network_indicator_values' as any).where('institution_id', '=', center1).where('indicator_code', '=', 'reading_room').execute();
    const first = await Promise.all([
      staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'reading_room', value: true, version: 0 }] }),
      town.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'reading_room', value: false, version: 0 }] }),
    ]);
    expect(first.map((r) => r.status).sort()).toEqual([200, 409]);
    const auditAfter = Number((await t.app.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'network.indicator.record').executeTakeFirstOrThrow()).n);
    expect(auditAfter).toBe(auditBefore + 2);
  });

  it('a gap report names its standard version; a new version never changes a past report', async () => {
    let [staff, admin] = await Promise.all([t.login('staff'), t.login('admin')]);
    const town = await t.login('town');
    const day1 = await staff.get(`/api/v1/network/institutions/${center1}/gaps`);
    expect(day1.status, day1.raw).toBe(200);
    expect(day1.body.date).toBe('2026-03-02');
    const levelId = day1.body.current.level.id;
    const v1 = day1.body.current.standard;
    expect(v1).toMatchObject({ version: 1, effectiveFrom: '2020-01-01' });
    const area = day1.body.indicators.find((i: any) => i.code === 'building_area');
    const threshold: number = area.current.threshold;
    const versionRead = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items.find((v: any) => v.code === 'building_area').version;
    expect((await staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'building_area', value: threshold - 500, version: versionRead }] })).status).toBe(200);
    const shortNow = (await staff.get(`/api/v1/network/institutions/${center1}/gaps`)).body.indicators.find((i: any) => i.code === 'building_area');
    expect(shortNow.current).toEqual({ status: 'short', threshold, shortfall: 500 });
    if (day1.body.next) expect(shortNow.next.status).toBe('short');

    // The city lowers the area threshold from tomorrow: a new version; the old one stays as it was.
    const old = (await admin.get(`/api/v1/network/standards/${v1.id}`)).body;
    const thresholds = old.thresholds.map((th: any) => th.code === 'building_area' ? { code: th.code, threshold: threshold - 600 }
      : th.threshold !== null ? { code: th.code, threshold: th.threshold } : { code: th.code, required: th.required });
    expect((await town.post('/api/v1/network/standards', { tier: 'center', levelId, thresholds })).status).toBe(403);
    const early = await admin.post('/api/v1/network/standards', { tier: 'center', levelId, effectiveFrom: '2026-03-01', thresholds });
    expect(early.status).toBe(400);
    expect(early.body.errors[0]).toMatchObject({ field: 'effectiveFrom', code: 'too_early' });
    const created = await admin.post('/api/v1/network/standards', { tier: 'center', levelId, effectiveFrom: '2026-03-03', note: '降低面积要求', thresholds });
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({ version: 2, effectiveFrom: '2026-03-03', inForce: false });
    expect((await admin.get(`/api/v1/network/standards/${v1.id}`)).body).toEqual({ ...old, inForce: true });
    expect((await staff.get(`/api/v1/network/institutions/${center1}/gaps`)).body.current.standard.id).toBe(v1.id);

    clock.advance(DAY); // 2026-03-03: version 2 is in force (sessions idle that long have ended: log in again)
    [staff, admin] = await Promise.all([t.login('staff'), t.login('admin')]);
    const list = (await admin.get(`/api/v1/network/standards?tier=center&levelId=${levelId}`)).body.items;
    expect(list.map((s: any) => [s.version, s.inForce])).toEqual([[2, true], [1, false]]);
    const day2 = (await staff.get(`/api/v1/network/institutions/${center1}/gaps`)).body;
    expect(day2.current.standard).toMatchObject({ id: created.body.id, version: 2 });
    expect(day2.indicators.find((i: any) => i.code === 'building_area').current).toEqual({ status: 'met', threshold: threshold - 600, shortfall: 0 });
    const areaNow = (await staff.get(`/api/v1/network/institutions/${center1}/indicators`)).body.items.find((v: any) => v.code === 'building_area');
    expect((await staff.put(`/api/v1/network/institutions/${center1}/indicators`, { values: [{ code: 'building_area', value: 100, version: areaNow.version }] })).status).toBe(200);

    // Yesterday's report: yesterday's version and yesterday's value, however things changed since.
    const past = (await staff.get(`/api/v1/network/institutions/${center1}/gaps?date=2026-03-02`)).body;
    expect(past.current.standard).toEqual(v1);
    expect(past.indicators.find((i: any) => i.code === 'building_area')).toMatchObject({ value: threshold - 500, current: { status: 'short', threshold, shortfall: 500 } });
    expect((await staff.get(`/api/v1/network/institutions/${center1}/gaps?date=2026-03-04`)).status).toBe(400);
    expect((await staff.get(`/api/v1/network/institutions/${center1}/gaps?date=2026-02-30`)).body.errors[0].field).toBe('date');
  });

  it('a past report keeps the accreditation level of its day', async () => {
    const admin = await t.login('admin'); // the clock is now on 2026-03-03
    const before = (await admin.get(`/api/v1/network/institutions/${center2}/gaps?date=2026-03-02`)).body;
    const oldLevel = before.current.level.id;
    const newLevel = oldLevel === 'provincial' ? 'prefecture' : 'provincial';
    const set = await admin.put(`/api/v1/network/institutions/${center2}/accreditation`, { levelId: newLevel, grantedOn: '2026-03-03', certificateNo: 'CS-2026-001', nextReviewOn: null });
    expect(set.status, set.raw).toBe(200);
    const today = (await admin.get(`/api/v1/network/institutions/${center2}/gaps`)).body;
    expect(today.current.level.id).toBe(newLevel);
    expect((await admin.get(`/api/v1/network/institutions/${center2}/gaps?date=2026-03-02`)).body).toEqual(before);
  });

  it('standards refuse bad thresholds with field errors and write nothing', async () => {
    const admin = await t.login('admin');
    const count = (await admin.get('/api/v1/network/standards')).body.items.length;
    const res = await admin.post('/api/v1/network/standards', { tier: 'base', levelId: 'galactic', thresholds: [
      { code: 'classrooms', threshold: -1 }, { code: 'annual_plan' }, { code: 'nope', threshold: 1 }, { code: 'participation_rate', threshold: 120 },
    ] });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toEqual(['levelId', 'thresholds.0.threshold', 'thresholds.1.required', 'thresholds.2.code', 'thresholds.3.threshold']);
    expect((await admin.get('/api/v1/network/standards')).body.items.length).toBe(count);
    expect((await admin.get('/api/v1/network/standards/no-such-standard')).status).toBe(404);
  });

  it('the gap matrix covers the scope, and filters never reach outside it', async () => {
    const [admin, town02, staff] = await Promise.all([t.login('admin'), t.login('town02'), t.login('staff')]);
    const city = (await admin.get('/api/v1/network/gap-matrix')).body;
    const networkCount = (await t.app.database.db.selectFrom('institutions').select('id').where('tier' as any, 'is not', null).execute()).length;
    expect(city.rows).toHaveLength(networkCount);
    expect(city.rows[0].cells).toHaveLength(city.indicators.length);
    const statuses = new Set(city.rows.flatMap((r: any) => r.cells.map((c: any) => c.status)));
    for (const s of ['met', 'short', 'missing']) expect(statuses.has(s)).toBe(true);
    const ids = (m: any) => m.rows.map((r: any) => r.institution.id);
    expect(ids(city)).toContain(center1);

    const own = (await town02.get('/api/v1/network/gap-matrix')).body;
    expect(own.rows.length).toBeGreaterThan(0);
    expect(ids(own)).toContain(center2);
    expect(ids(own)).not.toContain(center1);
    const sneaky = await town02.get(`/api/v1/network/gap-matrix?town=${TOWN_IDS[0]}`);
    expect(sneaky.status).toBe(200);
    expect(sneaky.body.rows).toEqual([]);
    expect((await town02.get(`/api/v1/network/gap-matrix?town=${TOWN_IDS[0]}&tier=center`)).body.rows).toEqual([]);
    expect((await staff.get('/api/v1/network/gap-matrix')).body.rows.map((r: any) => r.institution.id)).toEqual([center1]);

    const centers = (await admin.get('/api/v1/network/gap-matrix?tier=center')).body.rows;
    expect(centers).toHaveLength(8);
    const town1 = (await admin.get(`/api/v1/network/gap-matrix?town=${TOWN_IDS[0]}`)).body.rows;
    expect(town1.length).toBeGreaterThan(1);
    expect(town1.every((r: any) => ids(own).indexOf(r.institution.id) === -1)).toBe(true);
    expect((await admin.get('/api/v1/network/gap-matrix?town=329901199000')).status).toBe(400);

    // A matrix cell says the same as the institution's own report for today.
    const row = city.rows.find((r: any) => r.institution.id === center1);
    const report = (await admin.get(`/api/v1/network/institutions/${center1}/gaps`)).body;
    expect(row.standard).toEqual(report.current.standard);
    expect(row.cells.map((c: any) => c.status)).toEqual(report.indicators.map((i: any) => i.current.status));
  });

  it('demo values seed only once', async () => {
    const db = t.app.database.db as any;
    await db.deleteFrom('network_indicator_value_history').execute();
    await db.deleteFrom('network_indicator_values').execute();
    await seedDemoIndicatorValues(t.app.core);
    const count = await historyCount();
    expect(count).toBeGreaterThan(100);
    await seedDemoIndicatorValues(t.app.core);
    expect(await historyCount()).toBe(count);
  });
});
