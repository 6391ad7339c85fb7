import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { expireDueOffers } from './enrolment-changes.js';
import { clientFor, countRows, dbOf, insertClass, insertCourse, insertResidents, insertTerm } from './test-fixtures.js';

const API = '/api/v1/learning';

describe.each(testDialects())('enrolment on %s', (kind) => {
  let t: TestApp;
  let town: Client, town02: Client, teacher: Client;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => dbOf(t);
  const as = (userId: string) => clientFor(t, userId, clock.now());
  const enrol = (c: Client, classId: string, body: object = {}) => c.post(`${API}/classes/${classId}/enrolments`, body);
  const classRow = (id: string) => db().selectFrom('learning_classes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const statusesOf = async (classId: string) => db().selectFrom('learning_enrolments').select(['user_id', 'status', 'waitlist_seq', 'id'])
    .where('class_id', '=', classId).orderBy('waitlist_seq').execute();
  /** Everything an enrolment writes; a refusal must leave all of it unchanged. */
  const footprint = async () => ({
    enrolments: await countRows(db(), 'learning_enrolments'), events: await countRows(db(), 'learning_enrolment_events'),
    notifications: await countRows(db(), 'notifications'),
    used: Number((await db().selectFrom('learning_term_quotas').select((eb) => eb.fn.sum<number>('used').as('n')).executeTakeFirstOrThrow()).n ?? 0),
    seats: Number((await db().selectFrom('learning_classes').select((eb) => eb.fn.sum<number>('seats_taken').as('n')).executeTakeFirstOrThrow()).n ?? 0),
    waitlist: Number((await db().selectFrom('learning_classes').select((eb) => eb.fn.sum<number>('waitlist_next').as('n')).executeTakeFirstOrThrow()).n ?? 0),
  });
  const seatsAddUp = async (classId: string) => {
    const cls = await classRow(classId);
    const held = (await statusesOf(classId)).filter((r) => r.status === 'enrolled' || r.status === 'offered').length;
    expect(cls.seats_taken).toBe(held);
    expect(cls.seats_taken).toBeLessThanOrEqual(cls.seats);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    town = await t.login('town');
    town02 = await t.login('town02');
    teacher = await t.login('teacher');
  });
  afterAll(async () => { await t.close(); });

  it('never oversells: 60 residents at once into 10 seats → 10 enrolled, 50 waitlisted 1…50', async () => {
    const term = await insertTerm(db());
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 10 });
    const users = await insertResidents(db(), 60);
    const clients = await Promise.all(users.map(as));
    const answers = await Promise.all(clients.map((c) => enrol(c, cls)));
    expect(answers.map((a) => a.status), answers.find((a) => a.status !== 201)?.raw).toEqual(users.map(() => 201));
    const enrolled = answers.filter((a) => a.body.status === 'enrolled');
    const waitlisted = answers.filter((a) => a.body.status === 'waitlisted');
    expect(enrolled).toHaveLength(10);
    expect(waitlisted.map((a) => a.body.waitlistPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const rows = await statusesOf(cls);
    expect(rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlist_seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await seatsAddUp(cls);
    expect((await classRow(cls)).seats_taken).toBe(10);
  });

  it('one resident sending 5 requests at once gets exactly one enrolment; the rest are 409 with the reason', async () => {
    const term = await insertTerm(db());
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 5 });
    const [user] = await insertResidents(db(), 1);
    const c = await as(user);
    const answers = await Promise.all(Array.from({ length: 5 }, () => enrol(c, cls)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.status)).toEqual([409, 409, 409, 409]);
    expect(refused[0].body.message['zh-CN']).toContain('已报名');
    expect(await statusesOf(cls)).toHaveLength(1);
    const quota = await db().selectFrom('learning_term_quotas').select('used').where('user_id', '=', user).executeTakeFirstOrThrow();
    expect(quota.used).toBe(1);
    await seatsAddUp(cls);
  });

  it('keeps the per-term limit under concurrency: limit 3, five classes at once → exactly 3', async () => {
    const term = await insertTerm(db(), { enrolLimit: 3 });
    const classes = await Promise.all(Array.from({ length: 5 }, () => insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 2 })));
    const [user] = await insertResidents(db(), 1);
    const c = await as(user);
    const answers = await Promise.all(classes.map((id) => enrol(c, id)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status !== 201);
    expect(refused.map((a) => a.status)).toEqual([409, 409]);
    expect(refused[0].body.code).toBe('learning.enrolment.limit_reached');
    expect(refused[0].body.message['zh-CN']).toContain('最多报名 3 个班级');
    const held = await db().selectFrom('learning_enrolments').select('id').where('user_id', '=', user).execute();
    expect(held).toHaveLength(3);
    for (const id of classes) await seatsAddUp(id);
  });

  it('rushes on four classes at once, with a limit-2 resident trying three of them meanwhile: every class and quota adds up', async () => {
    const term = await insertTerm(db(), { enrolLimit: 2 });
    const classes = await Promise.all(Array.from({ length: 4 }, () => insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 5 })));
    const users = await insertResidents(db(), 48);
    const [greedy] = await insertResidents(db(), 1);
    const clients = await Promise.all(users.map(as));
    const greedyClient = await as(greedy);
    // Interleaved: resident i goes to class i % 4, and the greedy resident's three requests land in the middle of the rush.
    const rush = clients.map((c, i) => enrol(c, classes[i % 4]));
    const greedyAnswers = Promise.all(classes.slice(0, 3).map((id) => enrol(greedyClient, id)));
    const answers = await Promise.all(rush);
    expect(answers.map((a) => a.status), answers.find((a) => a.status !== 201)?.raw).toEqual(users.map(() => 201));
    const greedyGot = await greedyAnswers;
    expect(greedyGot.filter((a) => a.status === 201)).toHaveLength(2);
    expect(greedyGot.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(['learning.enrolment.limit_reached']);

    for (const [k, id] of classes.entries()) {
      const rows = await statusesOf(id);
      const asked = answers.filter((_, i) => i % 4 === k);
      const greedyHere = k < 3 && greedyGot[k].status === 201 ? [greedyGot[k]] : [];
      const all = [...asked, ...greedyHere];
      expect(rows).toHaveLength(all.length); // one row per request that was accepted, none for the refusal
      expect(new Set(rows.map((r) => r.user_id)).size).toBe(rows.length);
      expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(5);
      const waitSeqs = rows.filter((r) => r.status === 'waitlisted').map((r) => r.waitlist_seq);
      expect(waitSeqs).toEqual(Array.from({ length: all.length - 5 }, (_, i) => i + 1));
      const positions = all.filter((a) => a.body.status === 'waitlisted').map((a) => a.body.waitlistPosition).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: all.length - 5 }, (_, i) => i + 1));
      await seatsAddUp(id);
    }
    // Every quota counts exactly the resident's active enrolments in the term.
    const quotas = await db().selectFrom('learning_term_quotas').select(['user_id', 'used']).where('term_id', '=', term).execute();
    const held = await db().selectFrom('learning_enrolments').select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('term_id', '=', term).where('status', 'in', ['enrolled', 'waitlisted', 'offered']).groupBy('user_id').execute();
    expect(Object.fromEntries(quotas.map((q) => [q.user_id, Number(q.used)])))
      .toEqual(Object.fromEntries(held.map((h) => [h.user_id, Number(h.n)])));
    expect(quotas.find((q) => q.user_id === greedy)?.used).toBe(2);
  });

  it('a cancelled seat is offered to the first on the waitlist (notified by SMS), who confirms; an ignored offer expires to the next', async () => {
    const term = await insertTerm(db());
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 2, offer_hours: 24 });
    const users = await insertResidents(db(), 5);
    const clients = await Promise.all(users.map(as));
    for (const c of clients) expect((await enrol(c, cls)).status).toBe(201); // in order: 2 seats, waitlist 1, 2, 3
    const ids = Object.fromEntries((await statusesOf(cls)).map((r) => [r.user_id, r.id]));

    expect((await clients[0].post(`${API}/enrolments/${ids[users[0]]}/cancel`, {})).status).toBe(204);
    let rows = Object.fromEntries((await statusesOf(cls)).map((r) => [r.user_id, r.status]));
    expect(rows).toMatchObject({ [users[0]]: 'cancelled', [users[1]]: 'enrolled', [users[2]]: 'offered', [users[3]]: 'waitlisted', [users[4]]: 'waitlisted' });
    await seatsAddUp(cls);
    const offerNote = await db().selectFrom('notifications').selectAll().where('user_id', '=', users[2])
      .where('topic', '=', 'learning.enrolment.offered').executeTakeFirstOrThrow();
    const sms = await db().selectFrom('notification_outbox' as never).selectAll().where('notification_id' as never, '=', offerNote.id as never).execute();
    expect(sms).toHaveLength(1);
    // The quota of the one who left is free again.
    expect((await db().selectFrom('learning_term_quotas').select('used').where('user_id', '=', users[0]).executeTakeFirstOrThrow()).used).toBe(0);

    // Someone else cannot confirm another's offer (it looks missing).
    expect((await clients[3].post(`${API}/enrolments/${ids[users[2]]}/confirm`, {})).status).toBe(404);
    expect((await clients[2].post(`${API}/enrolments/${ids[users[2]]}/confirm`, {})).status).toBe(204);
    const mine = await clients[2].get(`${API}/me/enrolments`);
    expect(mine.body.items[0]).toMatchObject({ classId: cls, status: 'enrolled', waitlistPosition: null });
    // Whoever gave the seat up stays unknown to the one who got it.
    const offeredEvent = await db().selectFrom('learning_enrolment_events').select('actor_id').where('enrolment_id', '=', ids[users[2]])
      .where('event', '=', 'offered').executeTakeFirstOrThrow();
    expect(offeredEvent.actor_id).toBeNull();
    expect(JSON.stringify(mine.body)).not.toContain(users[0]);

    // Next: users[1] cancels → users[3] offered; nobody confirms; 24 h later the worker passes it to users[4].
    expect((await clients[1].post(`${API}/enrolments/${ids[users[1]]}/cancel`, {})).status).toBe(204);
    expect((await statusesOf(cls)).find((r) => r.user_id === users[3])?.status).toBe('offered');
    const waiting = await clients[4].get(`${API}/me/enrolments`);
    expect(waiting.body.items[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    clock.advance(23 * 3_600_000);
    expect(await expireDueOffers(t.app.core)).toBe(0);
    clock.advance(3_600_000);
    expect(await expireDueOffers(t.app.core)).toBe(1);
    rows = Object.fromEntries((await statusesOf(cls)).map((r) => [r.user_id, r.status]));
    expect(rows).toMatchObject({ [users[3]]: 'expired', [users[4]]: 'offered' });
    await seatsAddUp(cls);
    const late = await (await as(users[3])).post(`${API}/enrolments/${ids[users[3]]}/confirm`, {});
    expect(late.status).toBe(409);
    // users[4] declines: nobody waits any more, the seat goes back to the class.
    expect((await (await as(users[4])).post(`${API}/enrolments/${ids[users[4]]}/decline`, {})).status).toBe(204);
    expect((await classRow(cls)).seats_taken).toBe(1);
    await seatsAddUp(cls);
    clock.set('2026-03-02T01:00:00.000Z');
  });

  it('refuses each ineligible or mistimed request with a zh-CN reason and writes nothing', async () => {
    const prevTerm = await insertTerm(db());
    const term = await insertTerm(db(), { previousTermId: prevTerm, enrolLimit: 1 });
    const course = await insertCourse(db(), TOWN_IDS[0]);
    const prereq = await insertCourse(db(), TOWN_IDS[0], '健康养生基础');
    const village = await db().selectFrom('regions').select(['id', 'path', 'name']).where('parent_id', '=', TOWN_IDS[1]).where('level', '=', 'village').executeTakeFirstOrThrow();
    const [user] = await insertResidents(db(), 1, { birthDate: '1990-05-01' });
    const [senior] = await insertResidents(db(), 1, { birthDate: null });
    const c = await as(user);
    const base = { townId: TOWN_IDS[0], termId: term };
    const cases: { fields: object; code: string; text: string; who?: Client }[] = [
      { fields: { enrol_opens_at: '2026-03-05T00:00:00.000Z' }, code: 'learning.enrolment.window_not_open', text: '2026-03-05 08:00:00' },
      { fields: { enrol_closes_at: '2026-03-01T00:00:00.000Z' }, code: 'learning.enrolment.window_closed', text: '截止' },
      { fields: { courseId: course, returning_opens_at: '2026-03-01T00:00:00.000Z', enrol_opens_at: '2026-03-04T00:00:00.000Z' }, code: 'learning.enrolment.returning_only', text: '续报' },
      { fields: { age_min: 55 }, code: 'learning.enrolment.age_too_young', text: '55' },
      { fields: { age_max: 30 }, code: 'learning.enrolment.age_too_old', text: '35' },
      { fields: { age_min: 60 }, code: 'learning.enrolment.age_unknown', text: '出生日期', who: await as(senior) },
      { fields: { residency_region_id: village.id }, code: 'learning.enrolment.residency', text: village.name },
      { fields: { prerequisite_course_id: prereq }, code: 'learning.enrolment.prerequisite', text: '健康养生基础' },
      { fields: { status: 'cancelled' }, code: 'learning.enrolment.class_cancelled', text: '已取消' },
      { fields: { mode: 'lottery' }, code: 'learning.enrolment.lottery_class', text: '摇号' },
    ];
    for (const k of cases) {
      const cls = await insertClass(db(), { ...base, ...k.fields });
      const before = await footprint();
      const res = await enrol(k.who ?? c, cls);
      expect(res.status, `${k.code}: ${res.raw}`).toBe(409);
      expect(res.body.code).toBe(k.code);
      expect(res.body.message['zh-CN']).toContain(k.text);
      expect(await footprint()).toEqual(before);
    }
    // Already enrolled, then the term limit (1) in another class: both refused, nothing written.
    const first = await insertClass(db(), base);
    expect((await enrol(c, first)).status).toBe(201);
    const second = await insertClass(db(), base);
    const draft = await insertClass(db(), { ...base, status: 'draft' });
    const before = await footprint();
    const again = await enrol(c, first);
    expect([again.status, again.body.code]).toEqual([409, 'learning.enrolment.already_enrolled']);
    const over = await enrol(c, second);
    expect([over.status, over.body.code]).toEqual([409, 'learning.enrolment.limit_reached']);
    expect(await footprint()).toEqual(before);
    // A draft class and an unknown one look missing.
    expect((await enrol(c, draft)).status).toBe(404);
    expect((await enrol(c, 'no-such-class')).status).toBe(404);
    expect(await footprint()).toEqual(before);
  });

  it('lets last term\'s students of the course re-enrol (续报) before everyone else, and enforces age from the ID number', async () => {
    const prevTerm = await insertTerm(db());
    const term = await insertTerm(db(), { previousTermId: prevTerm });
    const course = await insertCourse(db(), TOWN_IDS[0]);
    const old = await insertClass(db(), { townId: TOWN_IDS[0], termId: prevTerm, courseId: course });
    const [returning, newcomer] = await insertResidents(db(), 2);
    expect((await enrol(await as(returning), old)).status).toBe(201);
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, courseId: course,
      returning_opens_at: '2026-03-01T00:00:00.000Z', enrol_opens_at: '2026-03-04T00:00:00.000Z' });
    expect((await enrol(await as(returning), cls)).status).toBe(201);
    expect((await enrol(await as(newcomer), cls)).body.code).toBe('learning.enrolment.returning_only');
    clock.set('2026-03-04T00:00:00.000Z');
    expect((await enrol(await as(newcomer), cls)).status).toBe(201);
    clock.set('2026-03-02T01:00:00.000Z');

    // No birth_date column, but an ID number: born 1966-03-15, so 59 on the first session (2026-03-10).
    const idNumber = withCheck('32118119660315002');
    const [byId] = await insertResidents(db(), 1, { birthDate: null, idNumberEnc: t.app.core.fieldCrypto.encrypt(idNumber) });
    const sixty = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, age_min: 60 });
    const res = await enrol(await as(byId), sixty);
    expect(res.body.code).toBe('learning.enrolment.age_too_young');
    expect(res.body.message['zh-CN']).toContain('开课时您 59 周岁');
    const fiftyNine = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, age_min: 59 });
    expect((await enrol(await as(byId), fiftyNine)).status).toBe(201);
  });

  it('代办: staff whose region covers the resident enrol them with consent; the record shows who acted', async () => {
    const term = await insertTerm(db());
    const cls = await insertClass(db(), { townId: TOWN_IDS[1], termId: term, seats: 3 });
    const village = await db().selectFrom('regions').select(['id', 'path']).where('parent_id', '=', TOWN_IDS[0]).where('level', '=', 'village').executeTakeFirstOrThrow();
    const idNumber = withCheck('32118119480101004');
    const crypto = t.app.core.fieldCrypto;
    const [senior] = await insertResidents(db(), 1, { homePath: village.path, homeScopeId: village.id, name: '李桂兰',
      idNumberEnc: crypto.encrypt(idNumber), idNumberHash: crypto.lookupHash(idNumber) });
    const consent = { method: 'phone', note: '本人电话同意，女儿在场', at: '2026-03-02T00:30:00.000Z' };
    const url = `${API}/classes/${cls}/enrolments/proxy`;
    const before = await footprint();
    const noConsent = await town.post(url, { idNumber });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.errors[0].message['zh-CN']).toContain('同意');
    expect((await town.post(url, { idNumber, consent: { ...consent, at: '2026-03-03T00:00:00.000Z' } })).status).toBe(400);
    expect((await town02.post(url, { idNumber, consent })).status).toBe(404);
    expect((await town02.post(url, { userId: senior, consent })).status).toBe(404);
    expect(await footprint()).toEqual(before);

    // The town admin of the senior's town may enrol them into a class of another town.
    const done = await town.post(url, { idNumber, consent });
    expect(done.status, done.raw).toBe(201);
    const row = await db().selectFrom('learning_enrolments').selectAll().where('id', '=', done.body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'proxy', consent_method: 'phone', consent_note: consent.note, consent_at: consent.at });
    const townId = (await db().selectFrom('users').select('id').where('username', '=', 'town').executeTakeFirstOrThrow()).id;
    expect(row.acted_by).toBe(townId);
    const audit = await db().selectFrom('audit_log').select(['action', 'target_id']).where('target_id', '=', done.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['learning.enrolment.proxy']);
    const record = await (await as(senior)).get(`${API}/me/enrolments`);
    expect(record.body.items[0]).toMatchObject({ source: 'proxy', actedBy: { id: townId }, consentMethod: 'phone', consentAt: consent.at });
    expect(record.body.items[0].events[0]).toMatchObject({ event: 'enrolled', actor: { id: townId } });

    // A family member: refused without an authorisation, allowed once staff recorded the senior's consent.
    const [daughter] = await insertResidents(db(), 1);
    const other = await insertClass(db(), { townId: TOWN_IDS[0], termId: term });
    const d = await as(daughter);
    const refused = await enrol(d, other, { forUserId: senior });
    expect(refused.status).toBe(403);
    const daughterName = (await db().selectFrom('users').select('username').where('id', '=', daughter).executeTakeFirstOrThrow()).username;
    expect((await town02.post(`${API}/proxy-links`, { userId: senior, proxyUsername: daughterName, consent })).status).toBe(404);
    const link = await town.post(`${API}/proxy-links`, { userId: senior, proxyUsername: daughterName, consent: { ...consent, method: 'in_person' } });
    expect(link.status, link.raw).toBe(201);
    const viaFamily = await enrol(d, other, { forUserId: senior });
    expect(viaFamily.status, viaFamily.raw).toBe(201);
    const familyRow = await db().selectFrom('learning_enrolments').selectAll().where('id', '=', viaFamily.body.id).executeTakeFirstOrThrow();
    expect(familyRow).toMatchObject({ user_id: senior, acted_by: daughter, source: 'proxy', consent_method: 'in_person' });
    // The daughter may cancel for her; after the link is revoked she may not enrol her any more.
    expect((await town.get(`${API}/proxy-links`)).body.items.map((l: any) => l.id)).toContain(link.body.id);
    expect((await town02.get(`${API}/proxy-links`)).body.items.map((l: any) => l.id)).not.toContain(link.body.id);
    expect((await town.post(`${API}/proxy-links/${link.body.id}/revoke`, {})).status).toBe(204);
    expect((await enrol(d, await insertClass(db(), { townId: TOWN_IDS[0], termId: term }), { forUserId: senior })).status).toBe(403);
  });

  it('shows the roster to staff in scope and the class teacher only, with masked ID numbers and phones', async () => {
    const term = await insertTerm(db());
    const teacherId = (await db().selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 1, teacher_user_id: teacherId });
    const notTheirs = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 1 });
    const idNumber = withCheck('32118119550505001');
    const crypto = t.app.core.fieldCrypto;
    const users = await insertResidents(db(), 3, { idNumberEnc: crypto.encrypt(idNumber), name: '张三丰' });
    for (const u of users) expect((await enrol(await as(u), cls)).status).toBe(201);
    const roster = await town.get(`${API}/classes/${cls}/enrolments`);
    expect(roster.status, roster.raw).toBe(200);
    expect(roster.body).toMatchObject({ seats: 1, seatsTaken: 1, total: 3, counts: { enrolled: 1, waitlisted: 2 } });
    expect(roster.body.items.map((i: any) => [i.status, i.waitlistPosition])).toEqual([['enrolled', null], ['waitlisted', 1], ['waitlisted', 2]]);
    expect(roster.body.items[0].idNumber).toBe('321***********0011'.slice(0, 3) + '*'.repeat(11) + idNumber.slice(14));
    expect(roster.raw).not.toContain(idNumber);
    expect((await teacher.get(`${API}/classes/${cls}/enrolments?status=waitlisted`)).body.total).toBe(2);
    expect((await teacher.get(`${API}/classes/${notTheirs}/enrolments`)).status).toBe(404);
    expect((await town02.get(`${API}/classes/${cls}/enrolments`)).status).toBe(404);
    // Staff in scope cancel a resident's enrolment: audited, and the seat passes on.
    const enrolledId = roster.body.items[0].id;
    expect((await town02.post(`${API}/enrolments/${enrolledId}/cancel`, {})).status).toBe(404);
    expect((await town.post(`${API}/enrolments/${enrolledId}/cancel`, {})).status).toBe(204);
    expect((await town.get(`${API}/classes/${cls}/enrolments?status=offered`)).body.total).toBe(1);
    expect((await db().selectFrom('audit_log').select('action').where('target_id', '=', enrolledId).execute()).map((a) => a.action)).toEqual(['learning.enrolment.cancel']);
  });
});

/** An 18-char ID number from a 17-digit body (GB 11643 check character). */
function withCheck(body: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
