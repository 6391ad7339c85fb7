import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { partnerDb } from './partner-schema.js';

const BASE = '/api/v1/network/partners';

describe.each(testDialects())('network partners on %s', (kind) => {
  let t: TestApp;
  let admin: Client, town: Client, town02: Client, staff: Client, inspector: Client;
  // 2026-03-02 09:00 in Shanghai.
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => partnerDb({ db: t.app.database.db as never });
  const count = async (table: string) =>
    Number(((await db().selectFrom(table as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) as { n: number }).n);
  const centerOf = async (townId: string) =>
    (await db().selectFrom('institutions').select('id').where('region_id', '=', townId).where('kind', '=', 'community_education_center').executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    admin = await t.login('admin');
    town = await t.login('town');
    town02 = await t.login('town02');
    staff = await t.login('staff');
    inspector = await t.login('inspector');
  });
  afterAll(async () => { await t.close(); });

  it('lists only partners in scope, and a filter never widens it', async () => {
    const all = await admin.get(`${BASE}?pageSize=100`);
    expect(all.status, all.raw).toBe(200);
    expect(all.body.total).toBe(9);
    const own = await town.get(`${BASE}?pageSize=100`);
    expect(own.body.total).toBe(3);
    expect(own.body.items.every((p: any) => p.townId === TOWN_IDS[0])).toBe(true);
    const other = await town02.get(`${BASE}?townId=${TOWN_IDS[0]}`);
    expect(other.status).toBe(200);
    expect(other.body.total).toBe(0);
    const searchOther = await town02.get(`${BASE}?q=${encodeURIComponent('柳泉')}`);
    expect(searchOther.body.total).toBe(0);
    expect((await inspector.get(`${BASE}?pageSize=100`)).body.total).toBe(9);
    // The institution admin of 柳泉镇社区教育中心 sees the partners working with the center (the demo links all three).
    expect((await staff.get(BASE)).body.total).toBe(3);
    const ngo = await admin.get(`${BASE}?townId=${TOWN_IDS[1]}&type=ngo`);
    expect(ngo.body.items).toHaveLength(1);
    expect(ngo.body.items[0]).toMatchObject({ type: 'ngo', townId: TOWN_IDS[1] });
    const paged = await admin.get(`${BASE}?page=2&pageSize=4`);
    expect(paged.body).toMatchObject({ total: 9, page: 2, pageSize: 4 });
    expect(paged.body.items).toHaveLength(4);
  });

  it('shows a partner with its parts; another town gets 404', async () => {
    const id = (await town.get(BASE)).body.items[0].id;
    const one = await town.get(`${BASE}/${id}`);
    expect(one.status, one.raw).toBe(200);
    expect(one.body.contributions.length).toBeGreaterThan(0);
    expect(one.body.agreements).toHaveLength(1);
    expect(one.body.institutions).toHaveLength(1);
    expect((await town02.get(`${BASE}/${id}`)).status).toBe(404);
    expect((await inspector.get(`${BASE}/${id}`)).status).toBe(200);
    expect((await staff.get(`${BASE}/${id}`)).status).toBe(200);
  });

  it('creates, edits with a version (stale → 409) and removes a partner, each audited', async () => {
    const audits = await count('audit_log');
    const created = await town.post(BASE, { name: '晨光读书会', type: 'ngo', townId: TOWN_IDS[0], contactName: '吴映雪', contactPhone: '13912345678' });
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({ name: '晨光读书会', version: 1, contactPhone: '139****5678', townId: TOWN_IDS[0] });
    const id = created.body.id;
    const first = await town.patch(`${BASE}/${id}`, { version: 1, description: '每月一次读书沙龙。' });
    expect(first.status, first.raw).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`${BASE}/${id}`, { version: 1, description: '覆盖' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('network.partner.stale');
    expect((await admin.get(`${BASE}/${id}`)).body.description).toBe('每月一次读书沙龙。');
    // Another town and the inspector cannot change it.
    expect((await town02.patch(`${BASE}/${id}`, { version: 2, name: '改名' })).status).toBe(404);
    expect((await town02.delete(`${BASE}/${id}`)).status).toBe(404);
    expect((await inspector.patch(`${BASE}/${id}`, { version: 2, name: '改名' })).status).toBe(403);
    expect((await town.delete(`${BASE}/${id}`)).status).toBe(204);
    expect((await town.get(`${BASE}/${id}`)).status).toBe(404);
    const actions = (await t.app.database.db.selectFrom('audit_log').select('action').where('seq', '>', audits).execute()).map((r) => r.action);
    expect(actions).toEqual(['network.partner.create', 'network.partner.update', 'network.partner.delete']);
    const logged = await t.app.database.db.selectFrom('audit_log').select('after_json').where('action', '=', 'network.partner.create').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(logged.after_json).not.toContain('13912345678');
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = [await count('network_partners'), await count('audit_log')];
    const cases: Array<[Client, object, string]> = [
      [admin, { name: '无名', type: 'ngo', townId: '329901999000' }, 'townId'],
      [admin, { name: '村级', type: 'ngo', townId: '329901101001' }, 'townId'], // a village is not a town
      [town, { name: '越界', type: 'ngo', townId: TOWN_IDS[1] }, 'townId'], // out of scope looks unknown
      [town, { name: '电话错', type: 'individual', townId: TOWN_IDS[0], contactPhone: '12345' }, 'contactPhone'],
      [town, { name: '柳泉镇志愿者协会', type: 'ngo', townId: TOWN_IDS[0] }, 'name'], // duplicate in the town
      [town, { name: '   ', type: 'ngo', townId: TOWN_IDS[0] }, 'name'],
    ];
    for (const [client, body, field] of cases) {
      const res = await client.post(BASE, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => e.field), res.raw).toContain(field);
    }
    expect([await count('network_partners'), await count('audit_log')]).toEqual(before);
  });

  it('records contributions and agreements; agreement state follows the clock', async () => {
    const id = (await town.post(BASE, { name: '青禾电器厂', type: 'employer', townId: TOWN_IDS[0] })).body.id;
    const negative = await town.post(`${BASE}/${id}/contributions`, { kind: 'money', amount: -5, year: 2026 });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('amount');
    const gift = await town.post(`${BASE}/${id}/contributions`, { kind: 'money', amount: 50000, year: 2026, description: '培训经费' });
    expect(gift.status, gift.raw).toBe(201);
    expect(gift.body.contributions).toEqual([expect.objectContaining({ kind: 'money', amount: 50000, year: 2026 })]);
    const backwards = await town.post(`${BASE}/${id}/agreements`, { title: '共建协议', signedOn: '2026-01-01', validFrom: '2026-02-01', validUntil: '2026-01-31' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe('validUntil');
    const badDate = await town.post(`${BASE}/${id}/agreements`, { title: '共建协议', signedOn: '2026-02-30', validFrom: '2026-02-01', validUntil: '2026-03-31' });
    expect(badDate.status).toBe(400);
    expect(await count('network_partner_agreements')).toBe(9);
    await town.post(`${BASE}/${id}/agreements`, { title: '场地协议', signedOn: '2025-12-20', validFrom: '2026-01-01', validUntil: '2026-03-31' });
    const long = await town.post(`${BASE}/${id}/agreements`, { title: '师资协议', signedOn: '2025-12-20', validFrom: '2026-01-01', validUntil: '2027-12-31' });
    expect(long.status, long.raw).toBe(201);
    const states = (body: any) => Object.fromEntries(body.agreements.map((a: any) => [a.title, a.state]));
    expect(states(long.body)).toEqual({ 场地协议: 'expiring', 师资协议: 'current' });
    // A month later (sessions do not live that long: log in again at each end of the jump).
    clock.advance(31 * 86_400_000); // 2026-04-02
    const later = await t.login('town');
    expect(states((await later.get(`${BASE}/${id}`)).body)).toEqual({ 场地协议: 'expired', 师资协议: 'current' });
    clock.set('2026-03-02T01:00:00.000Z');
    town = await t.login('town');

    const agreementId = long.body.agreements.find((a: any) => a.title === '师资协议').id;
    const contributionId = gift.body.contributions[0].id;
    expect((await town02.delete(`${BASE}/${id}/agreements/${agreementId}`)).status).toBe(404);
    expect((await town.delete(`${BASE}/${id}/agreements/${agreementId}`)).status).toBe(204);
    expect((await town.delete(`${BASE}/${id}/agreements/${agreementId}`)).status).toBe(404);
    expect((await town.delete(`${BASE}/${id}/contributions/${contributionId}`)).status).toBe(204);
    expect((await town.get(`${BASE}/${id}`)).body.contributions).toEqual([]);
  });

  it('links institutions of the partner\'s town only', async () => {
    const id = (await town.post(BASE, { name: '柳泉镇消防站', type: 'stationed_unit', townId: TOWN_IDS[0] })).body.id;
    const own = await centerOf(TOWN_IDS[0]);
    const foreign = await centerOf(TOWN_IDS[1]);
    const refused = await town.put(`${BASE}/${id}/institutions`, { institutionIds: [own, foreign] });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: any) => e.field)).toEqual(['institutionIds.1']);
    expect((await town.get(`${BASE}/${id}`)).body.institutions).toEqual([]);
    const linked = await town.put(`${BASE}/${id}/institutions`, { institutionIds: [own, own] });
    expect(linked.status, linked.raw).toBe(200);
    expect(linked.body.institutions.map((i: any) => i.id)).toEqual([own]);
    expect((await town02.put(`${BASE}/${id}/institutions`, { institutionIds: [] })).status).toBe(404);
    expect((await town.put(`${BASE}/${id}/institutions`, { institutionIds: [] })).body.institutions).toEqual([]);
  });

  it('keeps each town\'s committee list to its own admins', async () => {
    const url = `/api/v1/network/committees/${TOWN_IDS[0]}/members`;
    const list = await town.get(url);
    expect(list.status, list.raw).toBe(200);
    expect(list.body.members).toHaveLength(5);
    expect(list.body.members[0].phone).toMatch(/\*/);
    expect((await inspector.get(url)).status).toBe(200);
    expect((await town02.get(url)).status).toBe(404);
    expect((await town02.put(url, { members: [] })).status).toBe(404);
    expect((await inspector.put(url, { members: [] })).status).toBe(403);
    expect((await admin.get('/api/v1/network/committees/329901999000/members')).status).toBe(404);

    const [keep, ...others] = list.body.members;
    const rest = others.map((m: any) => ({ id: m.id, department: m.department, contactName: m.contactName, position: m.position }));
    const storedPhone = (await db().selectFrom('network_committee_members').select('phone').where('id', '=', keep.id).executeTakeFirstOrThrow()).phone;
    const before = await count('network_committee_members');
    const bad = await town.put(url, { members: [{ department: '镇司法所', contactName: '郑远', phone: '999' }, ...rest] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('members.0.phone');
    expect(await count('network_committee_members')).toBe(before);
    const saved = await town.put(url, { members: [
      { department: '镇司法所', contactName: '郑远', position: '委员', phone: '13700001111' },
      { id: keep.id, department: keep.department, contactName: keep.contactName, position: keep.position },
    ] });
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body.members.map((m: any) => m.department)).toEqual(['镇司法所', keep.department]);
    expect(saved.body.members[1].id).toBe(keep.id);
    expect((await db().selectFrom('network_committee_members').select('phone').where('id', '=', keep.id).executeTakeFirstOrThrow()).phone).toBe(storedPhone);
    // Town 2's list is untouched.
    expect((await town02.get(`/api/v1/network/committees/${TOWN_IDS[1]}/members`)).body.members).toHaveLength(5);
  });

  it('sent no phone number unmasked', () => {
    expect(t.leaks, JSON.stringify(t.leaks)).toEqual([]);
  });
});
