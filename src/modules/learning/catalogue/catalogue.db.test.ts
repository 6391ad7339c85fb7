import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { centerOf, TOWN_IDS, userIdOf } from '../../../../test/support/demo-roles.js';

const API = '/api/v1/learning';

describe.each(testDialects())('learning catalogue on %s', (kind) => {
  let t: TestApp;
  let admin: Client, town: Client, town02: Client, staff: Client, teacher: Client, inspector: Client;
  let center1: string, center2: string, teacherId: string, staffId: string, termId: string;
  // 2026-03-02 09:00 in Shanghai.
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => t.app.database.db as any;
  const count = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const counts = async () => ({ terms: await count('learning_terms'), courses: await count('learning_courses'), classes: await count('learning_classes'),
    sessions: await count('learning_class_sessions'), audit: await count('audit_log') });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    [admin, town, town02, staff, teacher, inspector] = await Promise.all(['admin', 'town', 'town02', 'staff', 'teacher', 'inspector'].map((u) => t.login(u)));
    center1 = (await centerOf(t, TOWN_IDS[0])).id;
    center2 = (await centerOf(t, TOWN_IDS[1])).id;
    teacherId = await userIdOf(t, 'teacher');
    staffId = await userIdOf(t, 'staff');
    const term = await admin.post(`${API}/terms`, { name: '2026年春季学期（测试）', startsOn: '2026-03-01', endsOn: '2026-07-15', enrolLimit: 3 });
    expect(term.status, term.raw).toBe(201);
    termId = term.body.id;
  });
  afterAll(async () => { await t.close(); });

  async function newCourse(client: Client, body: Record<string, unknown> = {}) {
    const res = await client.post(`${API}/courses`, { institutionId: center1, title: '测试课程', category: 'digital', hours: 12.5, credits: 1.5, ...body });
    expect(res.status, res.raw).toBe(201);
    return res.body;
  }
  async function publishedCourse(body: Record<string, unknown> = {}) {
    const course = await newCourse(staff, body);
    const pub = await staff.post(`${API}/courses/${course.id}/publish`, { version: course.version });
    expect(pub.status, pub.raw).toBe(200);
    return pub.body;
  }
  const weekly = (courseId: string, extra: Record<string, unknown> = {}) => ({
    courseId, termId, scheduleKind: 'weekly', weekdays: [2, 4], startsOn: '2026-04-01', endsOn: '2026-04-30', startTime: '14:00', endTime: '16:00',
    venue: '一楼教室', seats: 20, enrolOpensAt: '2026-03-05T08:00:00+08:00', enrolClosesAt: '2026-04-20T17:00:00+08:00', ...extra,
  });

  it('terms: the city creates and edits them; bad dates are field errors and write nothing', async () => {
    const before = await counts();
    const bad = await admin.post(`${API}/terms`, { name: '坏学期', startsOn: '2026-09-30', endsOn: '2026-09-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e: any) => e.field) ?? bad.body.fields).toBeDefined();
    expect(JSON.stringify(bad.body)).toContain('endsOn');
    const badDate = await admin.post(`${API}/terms`, { name: '坏学期', startsOn: '2026-02-30', endsOn: '2026-09-01' });
    expect(badDate.status).toBe(400);
    expect(JSON.stringify(badDate.body)).toContain('startsOn');
    const unknownPrev = await admin.post(`${API}/terms`, { name: '坏学期', startsOn: '2026-09-01', endsOn: '2026-12-01', previousTermId: 'nope' });
    expect(unknownPrev.status).toBe(400);
    expect(await counts()).toEqual(before);
    const edited = await admin.patch(`${API}/terms/${termId}`, { enrolLimit: 4 });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body.enrolLimit).toBe(4);
    expect((await town.get(`${API}/terms/${termId}`)).body.name).toBe('2026年春季学期（测试）');
    expect((await town.post(`${API}/terms`, { name: 'x', startsOn: '2026-09-01', endsOn: '2026-12-01' })).status).toBe(403);
  });

  it('courses: hours and credits in tenths, teachers checked, stale saves refused, publish and archive', async () => {
    const course = await newCourse(staff, { teacherUserId: teacherId });
    expect(course).toMatchObject({ hours: 12.5, credits: 1.5, status: 'draft', teacherName: '周雅琴 老师', institutionId: center1 });
    const stored = await db().selectFrom('learning_courses').selectAll().where('id', '=', course.id).executeTakeFirstOrThrow();
    expect([stored.hours_tenths, stored.credits_tenths]).toEqual([125, 15]);

    const before = await counts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ hours: 12.25 }, 'hours'],
      [{ credits: 0.05 }, 'credits'],
      [{ teacherUserId: staffId }, 'teacherUserId'],
      [{ institutionId: center2 }, 'institutionId'],
      [{ institutionId: 'no-such-institution' }, 'institutionId'],
    ];
    for (const [body, field] of cases) {
      const res = await staff.post(`${API}/courses`, { institutionId: center1, title: '坏课程', category: 'arts', hours: 10, ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => e.field), JSON.stringify(body)).toContain(field);
    }
    expect(await counts()).toEqual(before);

    const edit = await staff.patch(`${API}/courses/${course.id}`, { version: 1, title: '智能手机（测试）' });
    expect(edit.status, edit.raw).toBe(200);
    expect(edit.body.version).toBe(2);
    const stale = await staff.patch(`${API}/courses/${course.id}`, { version: 1, title: '旧的' });
    expect(stale.status).toBe(409);
    expect((await town02.patch(`${API}/courses/${course.id}`, { version: 2, title: '别镇' })).status).toBe(404);
    const pub = await town.post(`${API}/courses/${course.id}/publish`, { version: 2 });
    expect(pub.status, pub.raw).toBe(200);
    expect((await town.post(`${API}/courses/${course.id}/publish`, { version: 3 })).status).toBe(409);
    const archived = await admin.post(`${API}/courses/${course.id}/archive`, { version: 3 });
    expect(archived.body.status).toBe('archived');
    const refused = await staff.post(`${API}/classes`, weekly(course.id));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('courseId');
    const audit = await db().selectFrom('audit_log').select('action').where('target_id', '=', course.id).orderBy('seq').execute();
    expect(audit.map((a: any) => a.action)).toEqual(['learning.course.create', 'learning.course.update', 'learning.course.publish', 'learning.course.archive']);
  });

  it('generates weekly sessions across a month, and sessions on listed dates', async () => {
    const course = await publishedCourse();
    const res = await staff.post(`${API}/classes`, weekly(course.id));
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', weekdays: [2, 4], startsOn: '2026-04-02', endsOn: '2026-04-30', scheduleLabel: '周二、周四 14:00–16:00', townId: TOWN_IDS[0] });
    const sessions = (await staff.get(`${API}/classes/${res.body.id}/sessions`)).body.items;
    // April 2026: Thursdays 2, 9, 16, 23, 30 and Tuesdays 7, 14, 21, 28.
    expect(sessions.map((s: any) => s.startsAt)).toEqual(['02', '07', '09', '14', '16', '21', '23', '28', '30'].map((d) => `2026-04-${d}T06:00:00.000Z`));
    expect(sessions[0]).toMatchObject({ seq: 1, endsAt: '2026-04-02T08:00:00.000Z', status: 'scheduled' });

    const dated = await staff.post(`${API}/classes`, { ...weekly(course.id), scheduleKind: 'dates', dates: ['2026-04-10', '2026-04-03', '2026-04-17'],
      weekdays: undefined, startsOn: undefined, endsOn: undefined, startTime: '09:00', endTime: '10:30', enrolClosesAt: '2026-04-01T17:00:00+08:00' });
    expect(dated.status, dated.raw).toBe(201);
    expect(dated.body).toMatchObject({ scheduleKind: 'dates', startsOn: '2026-04-03', endsOn: '2026-04-17', weekdays: [5] });
    const datedSessions = (await staff.get(`${API}/classes/${dated.body.id}/sessions`)).body.items;
    expect(datedSessions.map((s: any) => [s.seq, s.startsAt])).toEqual([[1, '2026-04-03T01:00:00.000Z'], [2, '2026-04-10T01:00:00.000Z'], [3, '2026-04-17T01:00:00.000Z']]);
  });

  it('refuses every bad class with a field error and writes nothing', async () => {
    const course = await publishedCourse();
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ seats: 0 }, 'seats'],
      [{ ageMin: 80, ageMax: 60 }, 'ageMax'],
      [{ enrolOpensAt: '2026-04-21T08:00:00+08:00' }, 'enrolClosesAt'],
      [{ returningOpensAt: '2026-03-06T08:00:00+08:00' }, 'returningOpensAt'],
      [{ enrolClosesAt: '2026-05-02T08:00:00+08:00' }, 'enrolClosesAt'],
      [{ enrolOpensAt: 'next tuesday' }, 'enrolOpensAt'],
      [{ residencyRegionId: '329901000000' }, 'residencyRegionId'],
      [{ residencyRegionId: '329901999000' }, 'residencyRegionId'],
      [{ prerequisiteCourseId: 'no-such-course' }, 'prerequisiteCourseId'],
      [{ startTime: '25:00' }, 'startTime'],
      [{ endTime: '13:00' }, 'endTime'],
      [{ startsOn: '2026-02-30' }, 'startsOn'],
      [{ endsOn: '2026-03-01' }, 'endsOn'],
      [{ weekdays: [] }, 'weekdays'],
      [{ weekdays: [1, 2, 3, 4, 5, 6, 7], startsOn: '2026-01-01', endsOn: '2026-12-31', enrolClosesAt: '2026-04-20T17:00:00+08:00' }, 'endsOn'],
      [{ scheduleKind: 'dates', dates: [] }, 'dates'],
      [{ scheduleKind: 'dates', dates: ['2026-04-31'] }, 'dates'],
      [{ teacherUserId: staffId }, 'teacherUserId'],
      [{ termId: 'no-such-term' }, 'termId'],
    ];
    for (const [patch, field] of cases) {
      const res = await staff.post(`${API}/classes`, weekly(course.id, patch));
      expect(res.status, `${JSON.stringify(patch)}: ${res.raw}`).toBe(400);
      if (res.body.errors) expect(res.body.errors.map((e: any) => e.field), JSON.stringify(patch)).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('keeps classes in scope: another town gets 404 and an empty list; a teacher sees only the classes they teach', async () => {
    const course = await publishedCourse();
    const taught = (await staff.post(`${API}/classes`, weekly(course.id, { teacherUserId: teacherId }))).body;
    const other = (await staff.post(`${API}/classes`, weekly(course.id, { teacherUserId: null }))).body;
    expect(taught.teacherName).toBe('周雅琴 老师');
    expect((await town02.get(`${API}/classes/${taught.id}`)).status).toBe(404);
    expect((await town02.get(`${API}/classes/${taught.id}/sessions`)).status).toBe(404);
    expect((await town02.get(`${API}/courses/${course.id}`)).status).toBe(404);
    const town02List = await town02.get(`${API}/classes?pageSize=100&courseId=${course.id}`);
    expect(town02List.body.total).toBe(0);
    expect((await town02.get(`${API}/classes?townId=${TOWN_IDS[0]}`)).body.total).toBe(0);
    expect((await town02.get(`${API}/courses?pageSize=100`)).body.items.every((c: any) => c.institutionId !== center1)).toBe(true);

    const mine = await teacher.get(`${API}/classes?pageSize=100`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((c: any) => c.teacherUserId === teacherId)).toBe(true);
    expect(mine.body.items.map((c: any) => c.id)).toContain(taught.id);
    expect((await teacher.get(`${API}/classes/${taught.id}`)).status).toBe(200);
    expect((await teacher.get(`${API}/classes/${other.id}`)).status).toBe(404);
    expect((await teacher.get(`${API}/classes/${other.id}/sessions`)).status).toBe(404);

    for (const reader of [inspector, town, admin]) {
      const list = await reader.get(`${API}/classes?pageSize=100&courseId=${course.id}`);
      expect(list.body.total).toBe(2);
    }
    const total = await count('learning_classes');
    expect((await admin.get(`${API}/classes?pageSize=1`)).body.total).toBe(total);
  });

  it('refuses a stale edit, keeps seats above those taken, and locks the schedule once a session has started', async () => {
    const course = await publishedCourse();
    const cls = (await staff.post(`${API}/classes`, weekly(course.id))).body;
    const edit = await staff.patch(`${API}/classes/${cls.id}`, { version: 1, seats: 30, startTime: '15:00', endTime: '17:00' });
    expect(edit.status, edit.raw).toBe(200);
    expect((await staff.get(`${API}/classes/${cls.id}/sessions`)).body.items[0].startsAt).toBe('2026-04-02T07:00:00.000Z');
    expect((await staff.patch(`${API}/classes/${cls.id}`, { version: 1, seats: 40 })).status).toBe(409);
    await db().updateTable('learning_classes').set({ seats_taken: 12 }).where('id', '=', cls.id).execute();
    const below = await staff.patch(`${API}/classes/${cls.id}`, { version: 2, seats: 10 });
    expect(below.status).toBe(400);
    expect(below.body.errors[0]).toMatchObject({ field: 'seats' });
    await db().updateTable('learning_classes').set({ seats_taken: 0 }).where('id', '=', cls.id).execute();

    // A class whose first session (Tuesday 2026-02-24) is already behind the clock: its schedule is fixed now.
    const running = (await staff.post(`${API}/classes`, weekly(course.id, { startsOn: '2026-02-23', endsOn: '2026-03-31',
      enrolOpensAt: '2026-02-01T08:00:00+08:00', enrolClosesAt: '2026-03-10T17:00:00+08:00' }))).body;
    const locked = await staff.patch(`${API}/classes/${running.id}`, { version: 1, startTime: '16:00', endTime: '18:00' });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('learning.class.schedule_locked');
    expect((await staff.patch(`${API}/classes/${running.id}`, { version: 1, weekdays: [3] })).status).toBe(409);
    const venue = await staff.patch(`${API}/classes/${running.id}`, { version: 1, venue: '二楼教室', seats: 25 });
    expect(venue.status, venue.raw).toBe(200);
    const sessions = (await staff.get(`${API}/classes/${running.id}/sessions`)).body.items;
    expect(sessions).toHaveLength(11);
    expect(sessions[0].startsAt).toBe('2026-02-24T06:00:00.000Z');
  });

  it('cancelling a class ends its enrolments, gives quotas back and notifies; a venue change notifies the enrolled', async () => {
    const course = await publishedCourse();
    const cls = (await staff.post(`${API}/classes`, weekly(course.id, { seats: 1 }))).body;
    expect((await staff.post(`${API}/classes/${cls.id}/open`, { version: 1 })).status).toBe(200);
    const [r1, r2] = [await userIdOf(t, 'resident01'), await userIdOf(t, 'resident02')];
    const at = clock.now().toISOString();
    const enrol = (id: string, userId: string, status: string, seq: number | null) => ({ id, class_id: cls.id, user_id: userId, term_id: termId, status,
      waitlist_seq: seq, offered_at: null, offer_expires_at: null, enrolled_at: status === 'enrolled' ? at : null, cancelled_at: null, completed_at: null,
      source: 'online', acted_by: userId, consent_method: null, consent_note: null, consent_at: null, version: 1, created_at: at, updated_at: at });
    await db().insertInto('learning_enrolments').values([enrol(`e1-${kind}`, r1, 'enrolled', null), enrol(`e2-${kind}`, r2, 'waitlisted', 1)]).execute();
    await db().updateTable('learning_classes').set({ seats_taken: 1, waitlist_next: 2 }).where('id', '=', cls.id).execute();
    for (const u of [r1, r2]) {
      await db().insertInto('learning_term_quotas').values({ user_id: u, term_id: termId, used: 1 })
        .onConflict((oc: any) => oc.columns(['user_id', 'term_id']).doUpdateSet({ used: 1 })).execute();
    }

    const moved = await staff.patch(`${API}/classes/${cls.id}`, { version: 2, venue: '报告厅' });
    expect(moved.status, moved.raw).toBe(200);
    const changed = await db().selectFrom('notifications').select(['user_id']).where('topic', '=', 'learning.class.changed')
      .where('link', '=', `/classes/${cls.id}`).execute();
    expect(changed.map((n: any) => n.user_id)).toEqual([r1]);

    expect((await staff.post(`${API}/classes/${cls.id}/cancel`, { version: 3 })).status).toBe(400);
    const cancelled = await staff.post(`${API}/classes/${cls.id}/cancel`, { version: 3, reason: '授课教师临时外派' });
    expect(cancelled.status, cancelled.raw).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '授课教师临时外派', seatsTaken: 0 });
    const rows = await db().selectFrom('learning_enrolments').select(['user_id', 'status']).where('class_id', '=', cls.id).orderBy('user_id').execute();
    expect(rows.every((r: any) => r.status === 'cancelled')).toBe(true);
    const quotas = await db().selectFrom('learning_term_quotas').select(['used']).where('term_id', '=', termId).where('user_id', 'in', [r1, r2]).execute();
    expect(quotas.map((q: any) => q.used)).toEqual([0, 0]);
    const notes = await db().selectFrom('notifications').select(['user_id', 'params']).where('topic', '=', 'learning.class.cancelled')
      .where('link', '=', `/classes/${cls.id}`).execute();
    expect(notes.map((n: any) => n.user_id).sort()).toEqual([r1, r2].sort());
    expect(JSON.parse(notes[0].params)).toMatchObject({ reason: '授课教师临时外派' });
    expect((await staff.post(`${API}/classes/${cls.id}/cancel`, { version: 4, reason: '再次' })).status).toBe(409);
    expect((await staff.patch(`${API}/classes/${cls.id}`, { version: 4, venue: 'x' })).status).toBe(409);
  });

  it('lets exactly one of many simultaneous saves of the same version through', async () => {
    const course = await publishedCourse();
    const cls = (await staff.post(`${API}/classes`, weekly(course.id))).body;
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => staff.patch(`${API}/classes/${cls.id}`, { version: 1, seats: 21 + i })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    const row = await db().selectFrom('learning_classes').select(['version', 'seats']).where('id', '=', cls.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
    expect(row.seats).toBe(results.find((r) => r.status === 200)!.body.seats);
    const updates = await db().selectFrom('audit_log').select('seq').where('target_id', '=', cls.id).where('action', '=', 'learning.class.update').execute();
    expect(updates).toHaveLength(1);
  });

  it('offers the teacher picker for institutions in scope only', async () => {
    const list = await staff.get(`${API}/teachers?institutionId=${center1}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: any) => i.id)).toContain(teacherId);
    expect((await town02.get(`${API}/teachers?institutionId=${center1}`)).status).toBe(404);
  });

  it('an institution with courses cannot be deleted: the network module answers 409 with the reason', async () => {
    const school = await town.post('/api/v1/network/institutions', { name: '柳泉镇老年学校（测试分校）', tier: 'base', kind: 'seniors_school',
      regionId: TOWN_IDS[0], parentCenterId: center1, address: '柳泉镇文化路 9 号', contactPhone: '0571-86001235' });
    expect(school.status, school.raw).toBe(201);
    await newCourse(town, { institutionId: school.body.id, title: '太极拳入门' });
    const refused = await town.request('DELETE', `/api/v1/network/institutions/${school.body.id}`);
    expect(refused.status, refused.raw).toBe(409);
    expect(refused.body.code).toBe('learning.institution.has_courses');
    expect(refused.body.message['zh-CN']).toContain('1 门课程');
    expect(await db().selectFrom('institutions').select('id').where('id', '=', school.body.id).executeTakeFirst()).toBeDefined();
  });
});
