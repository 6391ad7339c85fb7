import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { centerOf, loginAll, TOWN_IDS, userIdOf } from '../../../../test/support/demo-roles.js';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import { maskIdNumber } from '../../../core/pii/mask.js';
import { idNumberCheckChar } from '../../../core/pii/id-number.js';
import { countActivePeople } from './people-service.js';
import { seedDemoPeople } from './demo-people.js';

const BASE = '/api/v1/network/people';

/** A checksum-valid ID number with the invented prefix 3299 (never a real person's). */
function idNumber(birth: string, sequence: string): string {
  const body = `329955${birth}${sequence}`;
  return body + idNumberCheckChar(body);
}

describe.each(testDialects())('network people on %s', (kind) => {
  let t: TestApp;
  let c: Record<string, Client>;
  let center1: string;
  let center2: string;
  const db = () => t.app.database.db as any;
  const peopleCount = async () => Number((await db().selectFrom('network_people').select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const auditOf = (action: string) => db().selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
  const person = (overrides: Record<string, unknown> = {}) => ({
    institutionId: center1, name: '测试 教师', employment: 'part_time', title: '兼职教师', subjects: '摄影', qualifications: '本科', ...overrides,
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock: fakeClock('2026-03-02T01:00:00.000Z') });
    c = await loginAll(t, ['admin', 'town', 'town02', 'staff', 'teacher', 'inspector']);
    center1 = (await centerOf(t, TOWN_IDS[0])).id;
    center2 = (await centerOf(t, TOWN_IDS[1])).id;
  });
  afterAll(async () => { await t.close(); });

  it('seeds a few staff per center, with checksum-valid invented ID numbers (prefix 3299) shown masked', async () => {
    const list = await c.admin.get(`${BASE}?institutionId=${center1}`);
    expect(list.status, list.raw).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(3);
    const withId = list.body.items.find((p: any) => p.idNumber !== null);
    expect(withId.idNumber).toMatch(/^329\*{11}[\dX]{4}$/);
    expect(withId.phone).toMatch(/^139\*{4}\d{4}$/);
    const revealed = await c.admin.post(`${BASE}/${withId.id}/reveal`, {});
    expect(revealed.status).toBe(200);
    expect(revealed.body.idNumber.startsWith('3299')).toBe(true);
    expect(validateIdNumber(revealed.body.idNumber, new Date('2026-03-02')).ok).toBe(true);
    expect(maskIdNumber(revealed.body.idNumber)).toBe(withId.idNumber);
    const centers = await db().selectFrom('institutions').select('id').where('kind', '=', 'community_education_center').execute();
    for (const center of centers) expect(await countActivePeople(db(), center.id)).toBeGreaterThanOrEqual(3);
  });

  it('seeds the demo people only into an empty table', async () => {
    await seedDemoPeople(t.app.core);
    const before = await peopleCount();
    expect(before).toBeGreaterThan(0); // a second run adds nothing
    const rows = await db().selectFrom('network_people').selectAll().execute();
    await db().deleteFrom('network_people').execute();
    await seedDemoPeople(t.app.core);
    expect(await peopleCount()).toBe(rows.length);
    // Put the original rows back so the ids other tests use stay valid.
    await db().deleteFrom('network_people').execute();
    await db().insertInto('network_people').values(rows).execute();
  });

  it('creates a person with phone and ID number stored encrypted, answered masked, audited masked', async () => {
    const id = idNumber('19850412', '017');
    const res = await c.town.post(BASE, person({ phone: '139-5111-2233', idNumber: id.toLowerCase() }));
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ name: '测试 教师', employment: 'part_time', phone: '139****2233', idNumber: maskIdNumber(id), status: 'active', version: 1 });
    expect(res.raw).not.toContain(id);
    const row = await db().selectFrom('network_people').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain('13951112233');
    const [entry] = (await auditOf('network.person.create')).slice(-1);
    expect(entry.target_id).toBe(res.body.id);
    expect(entry.after_json).not.toContain(id);
    expect(entry.after_json).toContain(maskIdNumber(id));
  });

  it.each([
    ['a malformed phone', { phone: '1234567' }, 'phone'],
    ['a landline-looking phone', { phone: '0519-8612345' }, 'phone'],
    ['an ID number ending in a letter other than X', { idNumber: idNumber('19850412', '027').slice(0, 17) + 'Y' }, 'idNumber'],
    ['an ID number with a bad check digit', { idNumber: (() => { const v = idNumber('19850412', '037'); return v.slice(0, 17) + (v[17] === '0' ? '1' : '0'); })() }, 'idNumber'],
    ['an ID number with an impossible birth date', { idNumber: idNumber('19850230', '047') }, 'idNumber'],
    ['a 15-digit ID number', { idNumber: '329955850412017' }, 'idNumber'],
    ['an unknown institution', { institutionId: 'no-such-institution' }, 'institutionId'],
    ['an institution of another town (for a town admin)', { institutionId: 'CENTER2' }, 'institutionId'],
    ['an unknown linked account', { userId: 'no-such-user' }, 'userId'],
  ])('refuses %s with a field error and writes nothing', async (_label, overrides, field) => {
    const body = person(overrides);
    if (body.institutionId === 'CENTER2') body.institutionId = center2;
    const before = await peopleCount();
    const audits = (await auditOf('network.person.create')).length;
    const res = await c.town.post(BASE, body);
    expect(res.status, res.raw).toBe(400);
    expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    expect(await peopleCount()).toBe(before);
    expect((await auditOf('network.person.create')).length).toBe(audits);
  });

  it('refuses a second person with the same ID number, however it is typed', async () => {
    const id = idNumber('19790101', '113');
    expect((await c.admin.post(BASE, person({ idNumber: id }))).status).toBe(201);
    const again = await c.admin.post(BASE, person({ name: '另一人', institutionId: center2, idNumber: ` ${id.toLowerCase()} ` }));
    expect(again.status).toBe(400);
    expect(JSON.stringify(again.body)).toContain('idNumber');
  });

  it('updates with the loaded version; a stale version gets 409 and changes nothing', async () => {
    const created = (await c.staff.post(BASE, person({ name: '并发 教师' }))).body;
    const first = await c.town.patch(`${BASE}/${created.id}`, { version: 1, subjects: '摄影、视频剪辑', employment: 'full_time' });
    expect(first.status, first.raw).toBe(200);
    expect(first.body).toMatchObject({ subjects: '摄影、视频剪辑', employment: 'full_time', version: 2 });
    const stale = await c.staff.patch(`${BASE}/${created.id}`, { version: 1, subjects: '覆盖' });
    expect(stale.status).toBe(409);
    expect((await c.staff.get(`${BASE}/${created.id}`)).body.subjects).toBe('摄影、视频剪辑');
    const bad = await c.staff.patch(`${BASE}/${created.id}`, { version: 2, phone: '12345' });
    expect(bad.status).toBe(400);
    expect((await c.staff.get(`${BASE}/${created.id}`)).body.version).toBe(2);
    // An institution admin cannot move a person to an institution outside their own.
    const move = await c.staff.patch(`${BASE}/${created.id}`, { version: 2, institutionId: center2 });
    expect(move.status).toBe(400);
  });

  it('marks a person as left: kept in history, no longer counted as active staff', async () => {
    const created = (await c.town.post(BASE, person({ name: '离职 教师' }))).body;
    const active = await countActivePeople(db(), center1);
    const stale = await c.town.post(`${BASE}/${created.id}/leave`, { version: 7 });
    expect(stale.status).toBe(409);
    const left = await c.town.post(`${BASE}/${created.id}/leave`, { version: 1 });
    expect(left.status, left.raw).toBe(200);
    expect(left.body).toMatchObject({ status: 'left', leftAt: '2026-03-02T01:00:00.000Z', version: 2 });
    expect(await countActivePeople(db(), center1)).toBe(active - 1);
    expect((await c.town.post(`${BASE}/${created.id}/leave`, { version: 2 })).status).toBe(409);
    const leftList = await c.town.get(`${BASE}?status=left&institutionId=${center1}`);
    expect(leftList.body.items.map((p: any) => p.id)).toContain(created.id);
  });

  it('keeps a town admin inside their town, including through filters (town02 vs town 1)', async () => {
    const own = await c.town.get(`${BASE}?pageSize=100`);
    expect(own.body.total).toBeGreaterThan(0);
    const town1Path = `/329901000000/${TOWN_IDS[0]}/`;
    const paths = await db().selectFrom('institutions').select(['id', 'path']).execute();
    const pathOf = new Map(paths.map((p: any) => [p.id, p.path]));
    for (const p of own.body.items) expect(pathOf.get(p.institutionId)).toMatch(new RegExp(`^${town1Path}`));

    const target = own.body.items[0];
    for (const url of [`${BASE}?townId=${TOWN_IDS[0]}`, `${BASE}?institutionId=${center1}`, `${BASE}?q=${encodeURIComponent(target.name)}`]) {
      const res = await c.town02.get(url);
      expect(res.status).toBe(200);
      expect(res.body.items.map((p: any) => p.institutionId)).not.toContain(center1);
    }
    expect((await c.town02.get(`${BASE}?townId=${TOWN_IDS[0]}`)).body.total).toBe(0);
    expect((await c.town02.get(`${BASE}/${target.id}`)).status).toBe(404);
    const version = target.version;
    expect((await c.town02.patch(`${BASE}/${target.id}`, { version, name: '篡改' })).status).toBe(404);
    expect((await c.town02.post(`${BASE}/${target.id}/leave`, { version })).status).toBe(404);
    expect((await c.admin.get(`${BASE}/${target.id}`)).body.name).toBe(target.name);
    // town02 sees its own town's people.
    const town2 = await c.town02.get(`${BASE}?townId=${TOWN_IDS[1]}`);
    expect(town2.body.total).toBeGreaterThan(0);
    expect(town2.body.items.every((p: any) => p.institutionId === center2 || pathOf.get(p.institutionId).includes(TOWN_IDS[1]))).toBe(true);
  });

  it('gives an institution admin their own institution only, and the inspector a read-only view of all', async () => {
    const staffList = await c.staff.get(`${BASE}?pageSize=100`);
    expect(new Set(staffList.body.items.map((p: any) => p.institutionId))).toEqual(new Set([center1]));
    const all = await c.inspector.get(`${BASE}?pageSize=100`);
    expect(new Set(all.body.items.map((p: any) => p.institutionId)).size).toBeGreaterThan(1);
    expect((await c.inspector.post(BASE, person())).status).toBe(403);
    expect((await c.inspector.patch(`${BASE}/${all.body.items[0].id}`, { version: 1, name: 'x' })).status).toBe(403);
    expect((await c.teacher.get(BASE)).status).toBe(403);
  });

  it('filters by employment and searches by name or by a whole phone number (via its hash)', async () => {
    const created = (await c.admin.post(BASE, person({ name: '检索 志愿者', employment: 'volunteer', phone: '13733334444' }))).body;
    const volunteers = await c.admin.get(`${BASE}?employment=volunteer&pageSize=100`);
    expect(volunteers.body.items.every((p: any) => p.employment === 'volunteer')).toBe(true);
    expect(volunteers.body.items.map((p: any) => p.id)).toContain(created.id);
    expect((await c.admin.get(`${BASE}?q=${encodeURIComponent('检索')}`)).body.items.map((p: any) => p.id)).toEqual([created.id]);
    expect((await c.admin.get(`${BASE}?q=137-3333-4444`)).body.items.map((p: any) => p.id)).toEqual([created.id]);
    expect((await c.admin.get(`${BASE}?q=${encodeURIComponent('100%_')}`)).body.total).toBe(0);
    expect((await c.admin.get(`${BASE}?townId=329901999000`)).status).toBe(400);
  });

  it('reveals the full ID number to the city admin only, and audits every viewing', async () => {
    const id = idNumber('19900315', '208');
    const created = (await c.town.post(BASE, person({ idNumber: id }))).body;
    const audits = (await auditOf('network.person.reveal_id')).length;
    const res = await c.admin.post(`${BASE}/${created.id}/reveal`, {});
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ idNumber: id });
    expect(res.headers['x-personal-data']).toBe('unmasked');
    const entries = await auditOf('network.person.reveal_id');
    expect(entries.length).toBe(audits + 1);
    expect(entries.at(-1)).toMatchObject({ target_id: created.id, actor_id: await userIdOf(t, 'admin') });
    expect(entries.at(-1).after_json).not.toContain(id);
    for (const who of ['town', 'staff', 'inspector', 'teacher']) {
      expect((await c[who].post(`${BASE}/${created.id}/reveal`, {})).status).toBe(403);
    }
    expect((await auditOf('network.person.reveal_id')).length).toBe(audits + 1);
    expect((await c.admin.post(`${BASE}/no-such-person/reveal`, {})).status).toBe(404);
  });

  it('lets a person see their own full ID number, and nobody else\'s', async () => {
    const id = idNumber('19880808', '316');
    const teacherId = await userIdOf(t, 'teacher');
    const created = (await c.admin.post(BASE, person({ userId: teacherId, idNumber: id, phone: '13655556666' }))).body;
    expect(created.idNumber).toBe(maskIdNumber(id));
    const audits = (await auditOf('network.person.reveal_own')).length;
    const mine = await c.teacher.post(`${BASE}/reveal-own`, {});
    expect(mine.status).toBe(200);
    expect(mine.headers['x-personal-data']).toBe('unmasked');
    const record = mine.body.items.find((p: any) => p.id === created.id);
    expect(record).toMatchObject({ idNumber: id, phone: '13655556666' });
    // The demo teacher is also linked to a seeded record; every record returned is the caller's own.
    const ownIds = (await db().selectFrom('network_people').select('id').where('user_id', '=', teacherId).execute()).map((r: any) => r.id);
    expect(mine.body.items.map((p: any) => p.id).sort()).toEqual(ownIds.sort());
    const entries = await auditOf('network.person.reveal_own');
    expect(entries.length).toBe(audits + 1);
    expect(entries.at(-1)).toMatchObject({ actor_id: teacherId, target_id: teacherId });
    expect(entries.at(-1).after_json).not.toContain(id);
    // Someone with no linked record gets nothing, and nothing is logged for them.
    expect((await c.town02.post(`${BASE}/reveal-own`, {})).body.items).toEqual([]);
    expect((await auditOf('network.person.reveal_own')).length).toBe(audits + 1);
    // The person's own GET is masked like everyone else's.
    expect((await c.admin.get(`${BASE}/${created.id}`)).body.idNumber).toBe(maskIdNumber(id));
  });

  it('counts active people per institution for the institutions part', async () => {
    const empty = await db().selectFrom('institutions').select('id').where('kind', '=', 'citizen_school').executeTakeFirstOrThrow();
    expect(await countActivePeople(db(), empty.id)).toBe(0);
    const rows = await db().selectFrom('network_people').select('id').where('institution_id', '=', center2).where('status', '=', 'active').execute();
    expect(await countActivePeople(db(), center2)).toBe(rows.length);
  });
});
