import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { clientFor, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import { creditDb } from './credit-schema.js';
import { syncCredits } from './sync-credits.js';
import { completedClass, completedOnline } from './test-fixtures.js';

const RULES = '/api/v1/learning/credit-rules';

describe.each(testDialects())('credit bank on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const clock = fakeClock('2026-04-05T02:00:00.000Z');
  const db = () => creditDb(t.app.core);
  let term: string;
  const ledgerOf = (userIds: string[]) => db().selectFrom('learning_credit_ledger').selectAll().where('user_id', 'in', userIds)
    .orderBy('user_id').orderBy('source_kind').orderBy('source_id').execute();
  const awardsOf = (userId: string) => db().selectFrom('learning_credit_awards').selectAll().where('user_id', '=', userId).execute();
  const messagesOf = (userId: string) => db().selectFrom('notifications').select(['topic', 'params', 'link']).where('user_id', '=', userId)
    .where('topic', '=', 'learning.credit.awarded').execute();

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    admin = await t.login('admin');
    term = await insertTerm(db() as never);
  });
  afterAll(async () => { await t.close(); });

  it('credits completed classes and online courses once, however often and however concurrently the sync runs', async () => {
    const users = await insertResidents(db() as never, 3);
    const { classId } = await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users, category: 'health', creditsTenths: 15 });
    const onlineId = await completedOnline(db(), { townId: TOWN_IDS[0], users: users.slice(0, 2), category: 'digital', creditsTenths: 5 });
    // Started but not completed: no credits.
    await completedOnline(db(), { townId: TOWN_IDS[0], users: [users[2]], creditsTenths: 5, completed: false });

    await syncCredits(t.app.core);
    const first = await ledgerOf(users);
    expect(first).toHaveLength(5);
    expect(first.filter((l) => l.source_kind === 'class').map((l) => [l.source_id, l.category, l.credits_tenths]))
      .toEqual(users.map(() => [classId, 'health', 15]));
    expect(first.filter((l) => l.source_kind === 'online').map((l) => [l.user_id, l.source_id, l.credits_tenths]).sort())
      .toEqual(users.slice(0, 2).map((u) => [u, onlineId, 5]).sort());

    await syncCredits(t.app.core);
    await Promise.all(Array.from({ length: 8 }, (_, i) => syncCredits(t.app.core, i % 2 === 0 ? users[0] : undefined)));
    expect(await ledgerOf(users)).toEqual(first);
  });

  it('fresh completions reached by many simultaneous syncs are credited exactly once', async () => {
    const users = await insertResidents(db() as never, 4);
    await completedClass(db(), { townId: TOWN_IDS[1], termId: term, users, creditsTenths: 10 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => syncCredits(t.app.core, i % 3 === 0 ? undefined : users[i % users.length])));
    const rows = await ledgerOf(users);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.user_id)).size).toBe(4);
  });

  it('does not credit a class whose certificate was revoked, nor an enrolment that is not completed', async () => {
    const users = await insertResidents(db() as never, 2);
    const { classId, enrolments } = await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users, creditsTenths: 10 });
    await db().updateTable('learning_enrolments').set({ status: 'enrolled', completed_at: null }).where('id', '=', enrolments[1]).execute();
    const cls = await db().selectFrom('learning_classes').select(['institution_id', 'owner_path']).where('id', '=', classId).executeTakeFirstOrThrow();
    await db().insertInto('learning_certificates').values({
      id: `c-${enrolments[0]}`.slice(0, 40), code: `TESTCODE${enrolments[0].slice(-8).toUpperCase()}`, number: `TEST-${enrolments[0]}`, institution_id: cls.institution_id,
      year: 2026, serial: 900000 + Math.floor(Math.random() * 99999), enrolment_id: enrolments[0], user_id: users[0], class_id: classId, holder_name: '甲',
      class_title: '班', course_title: '课', hours_tenths: 10, credits_tenths: 10, institution_name: '机构', owner_path: cls.owner_path,
      issued_at: '2026-04-01T02:00:00.000Z', revoked_at: '2026-04-02T02:00:00.000Z', revoke_reason: '测试', revoked_by: null,
    }).execute();
    await syncCredits(t.app.core);
    expect(await ledgerOf(users)).toEqual([]);
  });

  it('takes back, once, the credits of a certificate revoked after its class was credited', async () => {
    const [user] = await insertResidents(db() as never, 1);
    const { classId, enrolments } = await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users: [user], creditsTenths: 10 });
    const cls = await db().selectFrom('learning_classes').select(['institution_id', 'owner_path']).where('id', '=', classId).executeTakeFirstOrThrow();
    const certificateId = `r-${enrolments[0]}`.slice(0, 40);
    await db().insertInto('learning_certificates').values({
      id: certificateId, code: `REVOKE${enrolments[0].slice(-10).toUpperCase()}`, number: `TEST-R-${enrolments[0]}`, institution_id: cls.institution_id,
      year: 2026, serial: 800000 + Math.floor(Math.random() * 99999), enrolment_id: enrolments[0], user_id: user, class_id: classId, holder_name: '乙',
      class_title: '班', course_title: '课', hours_tenths: 10, credits_tenths: 10, institution_name: '机构', owner_path: cls.owner_path,
      issued_at: '2026-04-01T02:00:00.000Z', revoked_at: null, revoke_reason: null, revoked_by: null,
    }).execute();
    await syncCredits(t.app.core);
    expect((await ledgerOf([user])).map((l) => [l.source_kind, l.credits_tenths])).toEqual([['class', 10]]);

    const revoked = await admin.post(`/api/v1/learning/certificates/${certificateId}/revoke`, { reason: '重复发证' });
    expect(revoked.status, revoked.raw).toBe(200);
    await Promise.all(Array.from({ length: 6 }, (_, i) => syncCredits(t.app.core, i % 2 === 0 ? user : undefined)));
    const rows = await ledgerOf([user]);
    expect(rows.map((l) => [l.source_kind, l.source_id, l.credits_tenths])).toEqual([['class', classId, 10], ['revocation', classId, -10]]);
    const record = await (await clientFor(t, user, clock.now())).get('/api/v1/learning/me/record');
    expect(record.status, record.raw).toBe(200);
    expect(record.body.credits.total).toBe(0);
  });

  it('awards a rule exactly once, with one message, when simultaneous syncs cross its threshold', async () => {
    const created = await admin.post(RULES, { name: '测试数字技能 2 学分', category: 'digital', creditsRequired: 2, awardTitle: '测试数字技能证书' });
    expect(created.status, created.raw).toBe(201);
    const [user, below] = await insertResidents(db() as never, 2);
    await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users: [user, below], category: 'digital', creditsTenths: 10 });
    await syncCredits(t.app.core, user);
    expect(await awardsOf(user)).toEqual([]);

    // A second digital completion takes the user to 2 credits; `below` stays at 1.
    await completedOnline(db(), { townId: TOWN_IDS[1], users: [user], category: 'digital', creditsTenths: 10 });
    await Promise.all(Array.from({ length: 8 }, (_, i) => syncCredits(t.app.core, i % 2 === 0 ? user : undefined)));
    const awards = await awardsOf(user);
    expect(awards).toHaveLength(1);
    expect(awards[0]).toMatchObject({ rule_id: created.body.id, award_title: '测试数字技能证书', credits_tenths: 20, credits_required_tenths: 20 });
    expect(awards[0].number).toMatch(/^XF-2026-\d{6}$/);
    const messages = await messagesOf(user);
    expect(messages).toHaveLength(1);
    expect(JSON.parse(messages[0].params)).toMatchObject({ title: '测试数字技能证书', credits: 2, number: awards[0].number });
    expect(await awardsOf(below)).toEqual([]);
    expect(await messagesOf(below)).toEqual([]);

    await syncCredits(t.app.core);
    expect(await awardsOf(user)).toHaveLength(1);
    const list = await admin.get(RULES);
    expect(list.body.items.find((r: { id: string }) => r.id === created.body.id).awarded).toBeGreaterThanOrEqual(1);
  });

  it('city admins create, edit and deactivate rules: stale edits 409, bad input 400, every change audited; others 403', async () => {
    const body = { name: '测试健康 50 学分', category: 'health', creditsRequired: 50, awardTitle: '测试健康证书' };
    const created = await admin.post(RULES, body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, active: true, version: 1, awarded: 0 });
    expect((await admin.post(RULES, body)).status).toBe(400);
    const bad = await admin.post(RULES, { ...body, name: '另一条', creditsRequired: 1.25 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.field ?? bad.raw).toContain('creditsRequired');

    const id = created.body.id;
    const edited = await admin.put(`${RULES}/${id}`, { ...body, creditsRequired: 40, active: true, version: 1 });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body).toMatchObject({ creditsRequired: 40, version: 2 });
    expect((await admin.put(`${RULES}/${id}`, { ...body, active: false, version: 1 })).status).toBe(409);
    const off = await admin.put(`${RULES}/${id}`, { ...body, creditsRequired: 40, active: false, version: 2 });
    expect(off.body).toMatchObject({ active: false, version: 3 });
    expect((await admin.put(`${RULES}/missing-rule`, { ...body, active: true, version: 1 })).status).toBe(404);

    const audit = await db().selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['learning.credit_rule.create', 'learning.credit_rule.update', 'learning.credit_rule.deactivate']);

    for (const name of ['town', 'resident']) {
      const c = await t.login(name);
      expect((await c.get(RULES)).status).toBe(403);
      expect((await c.post(RULES, { ...body, name: `${name}规则` })).status).toBe(403);
    }
  });

  it('a deactivated rule awards nobody new', async () => {
    const created = await admin.post(RULES, { name: '测试艺术 1 学分', category: 'arts', creditsRequired: 1, awardTitle: '测试艺术证书', active: false });
    expect(created.body.active).toBe(false);
    const [user] = await insertResidents(db() as never, 1);
    await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users: [user], category: 'arts', creditsTenths: 30 });
    await syncCredits(t.app.core, user);
    expect((await ledgerOf([user])).map((l) => l.credits_tenths)).toEqual([30]);
    expect((await awardsOf(user)).filter((a) => a.rule_id === created.body.id)).toEqual([]);
  });
});
