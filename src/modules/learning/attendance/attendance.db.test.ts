import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { clientFor, insertClass, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import { attendanceDb } from './attendance-schema.js';
import { currentCheckinToken } from './check-in.js';
import { enrolAll, formPost, insertSessions, otherTeacherClient } from './attendance-fixtures.js';

const API = '/api/v1/learning';
// Session 1 runs 14:00–16:00 Shanghai time on 2026-03-10; session 2 a week later.
const S1 = '2026-03-10T06:00:00.000Z';
const S2 = '2026-03-17T06:00:00.000Z';

describe.each(testDialects())('attendance on %s', (kind) => {
  let t: TestApp;
  let teacher: Client, admin: Client, other: Client;
  const clock = fakeClock('2026-03-10T06:10:00.000Z');
  const db = () => attendanceDb(t.app.core);
  let classId: string, s1: string, s2: string, residents: string[], outsider: string;
  const mark = (sessionId: string, userId: string) => db().selectFrom('learning_attendance').select(['status', 'method', 'marked_by'])
    .where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  const audits = async (action: string) => (await db().selectFrom('audit_log').select('target_id').where('action', '=', action).execute()).length;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    teacher = await t.login('teacher');
    admin = await t.login('admin');
    other = await otherTeacherClient(t, TOWN_IDS[0], clock.now());
    const teacherId = (await db().selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirstOrThrow()).id;
    const term = await insertTerm(db() as never);
    classId = await insertClass(db() as never, { townId: TOWN_IDS[0], termId: term, teacher_user_id: teacherId });
    [s1, s2] = await insertSessions(db(), classId, [S1, S2]);
    residents = await insertResidents(db() as never, 3, { name: '王秀英' });
    [outsider] = await insertResidents(db() as never, 1);
    await enrolAll(db(), classId, residents);
  });
  afterAll(async () => { await t.close(); });

  it('lets the class\'s teacher mark by API and by tapping names on the phone page, with an audit entry', async () => {
    const before = await audits('learning.attendance.mark');
    const res = await teacher.put(`${API}/sessions/${s1}/attendance`, { marks: [{ userId: residents[0], status: 'present' }, { userId: residents[1], status: 'late' }] });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.role).toBe('teacher');
    expect(res.body.items.map((i: { status: string | null }) => i.status).sort()).toEqual(['late', 'present', null].sort());
    expect(await mark(s1, residents[0])).toMatchObject({ status: 'present', method: 'tap' });
    expect(await audits('learning.attendance.mark')).toBe(before + 1);

    const page = await teacher.get(`/teach/sessions/${s1}`);
    expect(page.status).toBe(200);
    expect(page.raw).toContain('王秀英');
    const tap = await formPost(teacher, `/teach/sessions/${s1}/marks`, { userId: residents[2], status: 'present' });
    expect(tap.status, tap.raw).toBe(303);
    expect(await mark(s1, residents[2])).toMatchObject({ status: 'present', method: 'tap' });
    const untap = await formPost(teacher, `/teach/sessions/${s1}/marks`, { userId: residents[2], status: 'absent' });
    expect(untap.status).toBe(303);
    expect(await mark(s1, residents[2])).toMatchObject({ status: 'absent' });

    const home = await teacher.get('/teach');
    expect(home.status).toBe(200);
    expect(home.raw).toContain(`/teach/sessions/${s1}`);
  });

  it('refuses another teacher of the same institution (404, nothing written) and residents (403)', async () => {
    const before = await mark(s1, residents[0]);
    expect((await other.get(`${API}/sessions/${s1}/attendance`)).status).toBe(404);
    const put = await other.put(`${API}/sessions/${s1}/attendance`, { marks: [{ userId: residents[0], status: 'absent' }] });
    expect(put.status).toBe(404);
    expect((await formPost(other, `/teach/sessions/${s1}/marks`, { userId: residents[0], status: 'absent' })).status).toBe(404);
    expect((await other.get(`/teach/sessions/${s1}`)).status).toBe(404);
    expect((await other.get(`${API}/classes/${classId}/attendance`)).status).toBe(404);
    const resident = await clientFor(t, residents[0], clock.now());
    expect((await resident.put(`${API}/sessions/${s1}/attendance`, { marks: [{ userId: residents[0], status: 'present' }] })).status).toBe(403);
    expect(await mark(s1, residents[0])).toEqual(before);
  });

  it('refuses a session that has not started, and residents not on the roster, with the reason in zh-CN', async () => {
    const future = await teacher.put(`${API}/sessions/${s2}/attendance`, { marks: [{ userId: residents[0], status: 'present' }] });
    expect(future.status).toBe(409);
    expect(future.body.message['zh-CN']).toContain('尚未开始');
    expect(await mark(s2, residents[0])).toBeUndefined();
    const stranger = await teacher.put(`${API}/sessions/${s1}/attendance`, { marks: [{ userId: outsider, status: 'present' }] });
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors[0].field).toBe('marks.0.userId');
    expect(await mark(s1, outsider)).toBeUndefined();
    const page = await formPost(teacher, `/teach/sessions/${s2}/marks`, { userId: residents[0], status: 'present' });
    expect(page.status).toBe(409);
    expect(page.raw).toContain('尚未开始');
  });

  it('checks residents in by the rotating QR code: valid now, expired after 60 s, wrong session and strangers refused', async () => {
    clock.set('2026-03-10T06:20:00.000Z');
    const qr = await teacher.get(`/teach/sessions/${s1}/qr`);
    expect(qr.status).toBe(200);
    expect(qr.raw).toContain('<svg');
    expect(Number(qr.headers.refresh)).toBeGreaterThan(0);

    const core = t.app.core;
    const resident = await clientFor(t, residents[2], clock.now());
    const token = currentCheckinToken(core, s1);
    const ok = await resident.get(`/checkin/${token}`);
    expect(ok.status, ok.raw).toBe(200);
    expect(ok.raw).toContain('签到成功');
    expect(await mark(s1, residents[2])).toMatchObject({ status: 'present', method: 'qr', marked_by: residents[2] });
    expect((await resident.get(`/checkin/${token}`)).raw).toContain('您已签到');

    // A photo of the code passed on: 61 s later it no longer works.
    const later = await clientFor(t, residents[1], clock.now());
    const photo = currentCheckinToken(core, s1);
    clock.advance(61_000);
    const expired = await later.get(`/checkin/${photo}`);
    expect(expired.status).toBe(410);
    expect(expired.raw).toContain('已过期');
    expect(await mark(s1, residents[1])).toMatchObject({ status: 'late', method: 'tap' });

    // The code of a session that is not in progress, a code with another session's id, a stranger, a visitor.
    const wrong = await resident.get(`/checkin/${currentCheckinToken(core, s2)}`);
    expect(wrong.status).toBe(409);
    expect(wrong.raw).toContain('不在上课时间');
    const [, step, mac] = currentCheckinToken(core, s1).split('.');
    expect((await resident.get(`/checkin/${s2}.${step}.${mac}`)).status).toBe(400);
    const strangerClient = await clientFor(t, outsider, clock.now());
    const stranger = await strangerClient.get(`/checkin/${currentCheckinToken(core, s1)}`);
    expect(stranger.status).toBe(403);
    expect(stranger.raw).toContain('没有报名');
    expect(await mark(s1, outsider)).toBeUndefined();
    const anonymousToken = currentCheckinToken(core, s1);
    expect((await t.anonymous().get(`/checkin/${anonymousToken}`)).status).toBe(401);
    const signedOut = await t.anonymous().request('GET', `/checkin/${anonymousToken}`, undefined, { accept: 'text/html' });
    // Logging in brings the resident back to the same check-in while its code is still valid.
    expect(signedOut.raw).toContain(`href="/login?back=${encodeURIComponent(`/checkin/${anonymousToken}`)}"`);
    expect((await resident.get('/checkin/not-a-token')).status).toBe(400);

    // After the session has ended, a fresh code is refused too.
    clock.set('2026-03-10T08:00:01.000Z');
    expect((await (await clientFor(t, residents[2], clock.now())).get(`/checkin/${currentCheckinToken(core, s1)}`)).status).toBe(409);
  });

  it('shows residents their own attendance', async () => {
    clock.set('2026-03-10T09:00:00.000Z');
    const resident = await clientFor(t, residents[0], clock.now());
    const me = await resident.get(`${API}/me/attendance`);
    expect(me.status).toBe(200);
    expect(me.body.items).toHaveLength(1);
    expect(me.body.items[0]).toMatchObject({ classId, held: 1, attended: 1 });
    expect(me.body.items[0].sessions.map((s: { status: string | null }) => s.status)).toEqual(['present', null]);
    const page = await resident.get('/account/attendance');
    expect(page.status).toBe(200);
    expect(page.raw).toContain('出勤');
    expect(page.raw).toContain('未开始');
  });

  it('after a week only staff may correct, and the correction is audited', async () => {
    clock.set('2026-03-18T09:00:00.000Z');
    teacher = await t.login('teacher');
    admin = await t.login('admin');
    const late = await teacher.put(`${API}/sessions/${s1}/attendance`, { marks: [{ userId: residents[2], status: 'excused' }] });
    expect(late.status).toBe(403);
    expect(late.body.message['zh-CN']).toContain('7 天');
    const before = await audits('learning.attendance.mark');
    const fixed = await admin.put(`${API}/sessions/${s1}/attendance`, { marks: [{ userId: residents[2], status: 'excused' }] });
    expect(fixed.status, fixed.raw).toBe(200);
    expect(await mark(s1, residents[2])).toMatchObject({ status: 'excused', method: 'staff' });
    expect(await audits('learning.attendance.mark')).toBe(before + 1);
    const sheet = await admin.get(`${API}/classes/${classId}/attendance`);
    expect(sheet.status).toBe(200);
    expect(sheet.body.held).toBe(2);
    expect(sheet.body.residents.find((r: { userId: string }) => r.userId === residents[0]).rate).toBe(50);
  });
});
