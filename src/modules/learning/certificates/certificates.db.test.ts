import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { clientFor, insertClass, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import { attendanceDb, type AttendanceStatus } from '../attendance/attendance-schema.js';
import { enrolAll, insertSessions } from '../attendance/attendance-fixtures.js';
import { newId } from '../../../core/ids.js';
import { completeEndedClasses } from './completion-worker.js';

const API = '/api/v1/learning';
const WEEK = 7 * 86_400_000;
// Four weekly sessions in March 2026; the clock starts after the last one.
const STARTS = [0, 1, 2, 3].map((k) => new Date(Date.parse('2026-03-03T06:00:00.000Z') + k * WEEK).toISOString());

describe.each(testDialects())('completion and certificates on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const clock = fakeClock('2026-04-01T02:00:00.000Z');
  const db = () => attendanceDb(t.app.core);
  let term: string;

  /** A class of the first town's center with its sessions and residents; `attended[i]` = sessions resident i attended. */
  async function classWith(attended: number[], fields: { rule?: 'attendance' | 'assessment'; names?: string[] } = {}) {
    const classId = await insertClass(db() as never, { townId: TOWN_IDS[0], termId: term, seats: 50, completion_rule: fields.rule ?? 'attendance', completion_threshold: 75 });
    const sessions = await insertSessions(db(), classId, STARTS);
    const users: string[] = [];
    for (const [i] of attended.entries()) users.push(...await insertResidents(db() as never, 1, { name: fields.names?.[i] ?? `学员${i}` }));
    const enrolments = await enrolAll(db(), classId, users);
    const rows = users.flatMap((userId, i) => sessions.map((sessionId, k) => ({
      id: newId(), session_id: sessionId, class_id: classId, enrolment_id: enrolments[i], user_id: userId,
      status: (k < attended[i] ? 'present' : 'absent') as AttendanceStatus, method: 'tap' as const, marked_by: null, marked_at: STARTS[k],
    })));
    if (rows.length > 0) await db().insertInto('learning_attendance').values(rows).execute();
    return { classId, users, enrolments };
  }
  const certificatesOf = (classId: string) => db().selectFrom('learning_certificates').selectAll().where('class_id', '=', classId).execute();

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    admin = await t.login('admin');
    term = await insertTerm(db() as never);
  });
  afterAll(async () => { await t.close(); });

  it('issues exactly one certificate per eligible resident when two completion runs race, and nothing on a third run', async () => {
    const { classId, users } = await classWith([4, 3, 2, 0]);
    const runs = await Promise.all([admin.post(`${API}/classes/${classId}/completion`), admin.post(`${API}/classes/${classId}/completion`)]);
    expect(runs.map((r) => r.status), runs[0].raw).toEqual([200, 200]);
    expect(runs.map((r) => r.body.completed).sort()).toEqual([0, 2]);
    const certs = await certificatesOf(classId);
    expect(certs.map((c) => c.user_id).sort()).toEqual([users[0], users[1]].sort());
    const statuses = await db().selectFrom('learning_enrolments').select(['user_id', 'status', 'completed_at']).where('class_id', '=', classId).execute();
    expect(statuses.filter((s) => s.status === 'completed').map((s) => s.user_id).sort()).toEqual([users[0], users[1]].sort());
    const cls = await db().selectFrom('learning_classes').select('seats_taken').where('id', '=', classId).executeTakeFirstOrThrow();
    expect(cls.seats_taken).toBe(2);
    const messages = await db().selectFrom('notifications').select(['user_id', 'topic']).where('topic', '=', 'learning.certificate.issued')
      .where('user_id', 'in', users).execute();
    expect(messages.map((m) => m.user_id).sort()).toEqual([users[0], users[1]].sort());
    const again = await admin.post(`${API}/classes/${classId}/completion`);
    expect(again.body.completed).toBe(0);
    expect(await certificatesOf(classId)).toHaveLength(2);
    expect(await completeEndedClasses(t.app.core)).toBeGreaterThanOrEqual(0);
    expect(await certificatesOf(classId)).toHaveLength(2);
  });

  it('numbers certificates without gaps when many classes complete at the same moment', async () => {
    const classes = await Promise.all(Array.from({ length: 6 }, () => classWith([4, 4, 4, 4, 4])));
    const runs = await Promise.all(classes.map((c) => admin.post(`${API}/classes/${c.classId}/completion`)));
    expect(runs.map((r) => r.status)).toEqual(classes.map(() => 200));
    const first = (await certificatesOf(classes[0].classId))[0];
    const all = await db().selectFrom('learning_certificates').select(['serial', 'number']).where('institution_id', '=', first.institution_id)
      .where('year', '=', first.year).orderBy('serial').execute();
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(all.map((c) => c.serial)).toEqual(all.map((_, i) => i + 1));
    expect(new Set(all.map((c) => c.number)).size).toBe(all.length);
    expect(all[0].number).toMatch(/^[A-Z]{4}-2026-000001$/);
  });

  it('refuses to complete a class whose last session has not ended', async () => {
    const classId = await insertClass(db() as never, { townId: TOWN_IDS[0], termId: term });
    await insertSessions(db(), classId, ['2026-03-31T06:00:00.000Z', '2026-04-07T06:00:00.000Z']);
    const res = await admin.post(`${API}/classes/${classId}/completion`);
    expect(res.status).toBe(409);
    expect(res.body.message['zh-CN']).toContain('尚未结束');
  });

  it('completes assessment classes by the recorded results', async () => {
    const { classId, users, enrolments } = await classWith([0, 4], { rule: 'assessment' });
    const rec = await admin.put(`${API}/classes/${classId}/assessments`, { items: [{ enrolmentId: enrolments[0], passed: true }, { enrolmentId: enrolments[1], passed: false }] });
    expect(rec.status, rec.raw).toBe(204);
    const run = await admin.post(`${API}/classes/${classId}/completion`);
    expect(run.body.completed).toBe(1);
    expect((await certificatesOf(classId)).map((c) => c.user_id)).toEqual([users[0]]);
  });

  it('shows the holder their certificates and an A4 print view; the verify page masks the name', async () => {
    const { classId, users } = await classWith([4], { names: ['张三明'] });
    await admin.post(`${API}/classes/${classId}/completion`);
    const [cert] = await certificatesOf(classId);
    const holder = await clientFor(t, users[0], clock.now());
    const mine = await holder.get(`${API}/me/certificates`);
    expect(mine.body.items.map((c: { number: string }) => c.number)).toEqual([cert.number]);
    expect(mine.body.items[0]).toMatchObject({ holderName: '张三明', hours: 20, credits: 1, valid: true });
    const list = await holder.get('/account/certificates');
    expect(list.raw).toContain(cert.number);
    const print = await holder.get(`/certificates/${cert.id}/print`);
    expect(print.status).toBe(200);
    expect(print.raw).toContain('@page');
    expect(print.raw).toContain('张三明');
    expect(print.raw).toContain('<svg');
    const [stranger] = await insertResidents(db() as never, 1);
    expect((await (await clientFor(t, stranger, clock.now())).get(`/certificates/${cert.id}/print`)).status).toBe(404);

    clock.advance(60_000);
    const visitor = t.anonymous();
    const page = await visitor.request('GET', `/verify/${cert.code}`, undefined, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.raw).toContain('张**');
    expect(page.raw).not.toContain('张三明');
    expect(page.raw).toContain(cert.number);
    const json = await visitor.get(`${API}/certificates/verify/${cert.code.toLowerCase()}`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ holderName: '张**', number: cert.number, valid: true, hours: 20 });
    expect(JSON.stringify(json.body)).not.toContain(users[0]);

    const revoke = await admin.post(`${API}/certificates/${cert.id}/revoke`, { reason: '重复颁发' });
    expect(revoke.status, revoke.raw).toBe(200);
    expect((await visitor.get(`${API}/certificates/verify/${cert.code}`)).body.valid).toBe(false);
    expect((await visitor.get(`/verify/${cert.code}`)).raw).toContain('撤销');
    expect((await admin.post(`${API}/certificates/${cert.id}/revoke`, { reason: '再次撤销' })).status).toBe(409);
  });

  it('answers unknown and forged codes with the same not-found, and limits look-ups to 20 a minute per address', async () => {
    clock.advance(60_000);
    const visitor = t.anonymous();
    const a = await visitor.get(`${API}/certificates/verify/0000000000000000`);
    const b = await visitor.get(`${API}/certificates/verify/forged-code-!!`);
    expect([a.status, b.status]).toEqual([404, 404]);
    const shape = (r: { body: Record<string, unknown> }) => ({ ...r.body, instance: undefined });
    expect(shape(a)).toEqual(shape(b));
    const html = { accept: 'text/html' };
    const pa = await visitor.request('GET', '/verify/0000000000000000', undefined, html);
    const pb = await visitor.request('GET', '/verify/ZZZZZZZZZZZZZZZZ', undefined, html);
    expect([pa.status, pb.status]).toEqual([404, 404]);
    expect(pa.raw.replaceAll('0000000000000000', 'X')).toBe(pb.raw.replaceAll('ZZZZZZZZZZZZZZZZ', 'X'));
    for (let i = 4; i < 20; i++) expect((await visitor.get(`${API}/certificates/verify/0000000000000000`)).status).toBe(404);
    const limited = await visitor.get(`${API}/certificates/verify/0000000000000000`);
    expect(limited.status).toBe(429);
    expect((await visitor.get('/verify/0000000000000000')).status).toBe(429);
    clock.advance(60_000);
    expect((await visitor.get(`${API}/certificates/verify/0000000000000000`)).status).toBe(404);
  });

  it('demo data: finished classes of the previous term have attendance and certificates', async () => {
    const resident = await db().selectFrom('users').select('id').where('username', '=', 'resident').executeTakeFirstOrThrow();
    const certs = await db().selectFrom('learning_certificates').select(['code', 'user_id']).where('user_id', '=', resident.id).execute();
    expect(certs.length).toBeGreaterThan(0);
    expect(Number((await db().selectFrom('learning_attendance').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', resident.id).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
  });
});
