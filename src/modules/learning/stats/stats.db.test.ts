import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../core/ids.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { TOWN_IDS, userIdOf } from '../../../../test/support/demo-roles.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { insertClass, insertCourse, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import type { AttendanceDatabase } from '../attendance/attendance-schema.js';
import type { EnrolmentStatus } from '../learning-schema.js';
import { AGE_GROUPS } from '../surveys/survey-schema.js';
import { ageGroupOf } from '../surveys/survey-rules.js';

const BASE = '/api/v1/learning';
const [TOWN1, TOWN2] = TOWN_IDS as [string, string];
const ID_NUMBER = '110101195806010034';
const PHONE = '13812345678';

type Db = Kysely<AttendanceDatabase>;
const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/** Every row the dashboard could count, read straight from the tables. */
async function rawRows(db: Db) {
  const [classes, courses, enrolments, users, attendance, regions, institutions] = await Promise.all([
    db.selectFrom('learning_classes').select(['id', 'town_id', 'owner_path', 'institution_id', 'course_id', 'term_id', 'status', 'seats']).execute(),
    db.selectFrom('learning_courses').select(['id', 'category']).execute(),
    db.selectFrom('learning_enrolments').select(['class_id', 'user_id', 'status']).execute(),
    db.selectFrom('users').select(['id', 'birth_date']).execute(),
    db.selectFrom('learning_attendance').select(['class_id', 'status']).execute(),
    db.selectFrom('regions').select(['id', 'name', 'level', 'path', 'population']).orderBy('path').execute(),
    db.selectFrom('institutions').select(['id', 'name']).execute(),
  ]);
  return { classes, courses, enrolments, users, attendance, regions, institutions };
}

/** The dashboard recomputed in plain JS from raw rows, for one scope and filter. */
function expected(raw: Awaited<ReturnType<typeof rawRows>>, scopePaths: string[], filter: { termId?: string; townId?: string }, date: string) {
  const classes = raw.classes.filter((c) => scopePaths.some((p) => c.owner_path.startsWith(p)) && ['open', 'finished'].includes(c.status)
    && (!filter.termId || c.term_id === filter.termId) && (!filter.townId || c.town_id === filter.townId));
  const classById = new Map(classes.map((c) => [c.id, c]));
  const category = new Map(raw.courses.map((c) => [c.id, c.category]));
  const birth = new Map(raw.users.map((u) => [u.id, u.birth_date]));
  const enrolments = raw.enrolments.filter((e) => classById.has(e.class_id));
  const taking = enrolments.filter((e) => e.status === 'enrolled' || e.status === 'completed');
  const held = enrolments.filter((e) => ['enrolled', 'offered', 'completed'].includes(e.status));
  const attended = raw.attendance.filter((a) => classById.has(a.class_id) && (a.status === 'present' || a.status === 'late'));
  const count = (rows: unknown[]) => rows.length;
  const of = (status: EnrolmentStatus) => count(enrolments.filter((e) => e.status === status));
  const towns = raw.regions.filter((r) => r.level === 'town' && (!filter.townId || r.id === filter.townId)
    && scopePaths.some((s) => r.path.startsWith(s) || s.startsWith(r.path)));
  const inTown = <T extends { class_id: string }>(rows: T[], townId: string) => rows.filter((r) => classById.get(r.class_id)!.town_id === townId);

  const byInstitution = new Map<string, number>();
  for (const e of taking) {
    const id = classById.get(e.class_id)!.institution_id;
    byInstitution.set(id, (byInstitution.get(id) ?? 0) + 1);
  }
  return {
    totals: {
      classesOpen: count(classes.filter((c) => c.status === 'open')), classesFinished: count(classes.filter((c) => c.status === 'finished')),
      seats: classes.reduce((s, c) => s + c.seats, 0), seatsTaken: held.length,
      enrolled: of('enrolled'), offered: of('offered'), waitlisted: of('waitlisted'), completed: of('completed'),
      learners: new Set(taking.map((e) => e.user_id)).size, personTimes: attended.length,
    },
    byTown: towns.map((r) => {
      const seats = classes.filter((c) => c.town_id === r.id).reduce((s, c) => s + c.seats, 0);
      const seatsTaken = inTown(held, r.id).length;
      const learners = new Set(inTown(taking, r.id).map((e) => e.user_id)).size;
      return {
        townId: r.id, townName: r.name, classes: count(classes.filter((c) => c.town_id === r.id)), seats, seatsTaken,
        enrolments: inTown(taking, r.id).length, learners, personTimes: inTown(attended, r.id).length, fillPercent: pct(seatsTaken, seats),
        population: r.population, learnersPerThousand: r.population ? Math.round((learners / r.population) * 100_000) / 100 : null,
      };
    }),
    byAgeGroup: AGE_GROUPS.map((group) => ({ group, enrolments: count(taking.filter((e) => ageGroupOf(birth.get(e.user_id) ?? null, date) === group)) })),
    byCategory: ['science', 'culture_civic', 'employment', 'income', 'health', 'arts', 'digital', 'other'].map((cat) => {
      const rows = taking.filter((e) => category.get(classById.get(e.class_id)!.course_id) === cat);
      const finished = rows.filter((e) => classById.get(e.class_id)!.status === 'finished');
      const finishedCompleted = count(finished.filter((e) => e.status === 'completed'));
      const finishedEnrolled = count(finished.filter((e) => e.status === 'enrolled'));
      return { category: cat, enrolments: rows.length, finishedEnrolled, finishedCompleted, completionPercent: pct(finishedCompleted, finishedCompleted + finishedEnrolled) };
    }),
    byInstitution,
  };
}

/** The server's answer equals the recomputation; the institution top 20 is checked as a ranking. */
function expectMatches(actual: any, want: ReturnType<typeof expected>) {
  expect(actual.totals).toEqual(want.totals);
  expect(actual.byTown).toEqual(want.byTown);
  expect(actual.byAgeGroup).toEqual(want.byAgeGroup);
  expect(actual.byCategory).toEqual(want.byCategory);
  const ranked = [...want.byInstitution.values()].sort((a, b) => b - a);
  expect(actual.byInstitution.map((r: any) => r.enrolments)).toEqual(ranked.slice(0, 20));
  for (const r of actual.byInstitution) expect(r.enrolments).toBe(want.byInstitution.get(r.institutionId));
}

async function workbookOf(t: TestApp, client: Client, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: `lc_session=${client.cookie}` } });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as never);
  return book;
}
const sheetRows = (sheet: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
};

describe.each(testDialects())('learning statistics on %s', (kind) => {
  const clock = fakeClock('2026-11-30T02:00:00.000Z');
  const today = '2026-11-30';
  let t: TestApp;
  let db: Db;
  let admin: Client;
  let town: Client;
  let staff: Client;
  let termId: string;
  const ids: Record<string, string> = {};

  async function enrol(classId: string, userId: string, status: EnrolmentStatus, extra: Record<string, unknown> = {}) {
    const at = clock.now().toISOString();
    const id = newId();
    await db.insertInto('learning_enrolments').values({
      id, class_id: classId, user_id: userId, term_id: termId, status, waitlist_seq: null, offered_at: null, offer_expires_at: null,
      enrolled_at: status === 'waitlisted' ? null : at, cancelled_at: null, completed_at: status === 'completed' ? at : null, source: 'online',
      acted_by: null, consent_method: null, consent_note: null, consent_at: null, version: 1, created_at: at, updated_at: at, ...extra,
    }).execute();
    return id;
  }

  async function mark(classId: string, seq: number, enrolmentId: string, userId: string, status: 'present' | 'late' | 'absent' | 'excused') {
    let session = await db.selectFrom('learning_class_sessions').select('id').where('class_id', '=', classId).where('seq', '=', seq).executeTakeFirst();
    if (!session) {
      session = { id: newId() };
      await db.insertInto('learning_class_sessions').values({ id: session.id, class_id: classId, seq, starts_at: `2026-06-0${seq}T06:00:00.000Z`,
        ends_at: `2026-06-0${seq}T08:00:00.000Z`, status: 'scheduled' }).execute();
    }
    await db.insertInto('learning_attendance').values({ id: newId(), session_id: session.id, class_id: classId, enrolment_id: enrolmentId,
      user_id: userId, status, method: 'staff', marked_by: null, marked_at: clock.now().toISOString() }).execute();
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    db = t.app.database.db as unknown as Db;
    [admin, town, staff] = [await t.login('admin'), await t.login('town'), await t.login('staff')];
    termId = await insertTerm(db, { name: '2026 秋季统计测试' });
    const health = await insertCourse(db, TOWN1, '八段锦');
    await db.updateTable('learning_courses').set({ category: 'health' }).where('id', '=', health).execute();
    const arts = await insertCourse(db, TOWN2, '书法');
    await db.updateTable('learning_courses').set({ category: 'arts' }).where('id', '=', arts).execute();
    ids.a1 = await insertClass(db, { townId: TOWN1, termId, courseId: health, seats: 5, seats_taken: 4, title: '八段锦一班' });
    ids.a2 = await insertClass(db, { townId: TOWN1, termId, courseId: health, seats: 4, seats_taken: 1, status: 'finished' });
    ids.a3 = await insertClass(db, { townId: TOWN1, termId, courseId: health, seats: 30, status: 'draft' });
    ids.b1 = await insertClass(db, { townId: TOWN2, termId, courseId: arts, seats: 10, seats_taken: 2 });
    ids.b2 = await insertClass(db, { townId: TOWN2, termId, courseId: arts, seats: 10, status: 'cancelled' });

    // Ages on 2026-11-30 of those taking part: u0 26, u1 35, u2 69 (70 tomorrow), u7 unknown, u8 70 (today), u9 66, u10 76.
    const births = ['2000-01-01', '1990-12-01', '1956-12-01', '1970-06-01', '1970-06-01', '1970-06-01', '1970-06-01', null,
      '1956-11-30', '1960-11-30', '1950-01-01', '1980-01-01', '1980-01-01'];
    const u: string[] = [];
    for (const birthDate of births) u.push(...await insertResidents(db, 1, { birthDate }));
    const crypto = t.app.core.fieldCrypto;
    await db.updateTable('users').set({ id_number_enc: crypto.encrypt(ID_NUMBER), phone_enc: crypto.encrypt(PHONE), real_name: '王秀英' })
      .where('id', '=', u[0]!).execute();

    await enrol(ids.a1, u[0]!, 'enrolled');
    await enrol(ids.a1, u[1]!, 'enrolled');
    await enrol(ids.a1, u[2]!, 'enrolled');
    await enrol(ids.a1, u[3]!, 'offered');
    await enrol(ids.a1, u[4]!, 'waitlisted', { waitlist_seq: 1 });
    await enrol(ids.a1, u[5]!, 'waitlisted', { waitlist_seq: 2 });
    await enrol(ids.a1, u[6]!, 'cancelled');
    const a2e = await enrol(ids.a2, u[7]!, 'enrolled');
    const a2c1 = await enrol(ids.a2, u[8]!, 'completed');
    const a2c2 = await enrol(ids.a2, u[9]!, 'completed');
    const b1e = await enrol(ids.b1, u[0]!, 'enrolled');
    await enrol(ids.b1, u[10]!, 'enrolled', { source: 'proxy', acted_by: await userIdOf(t, 'town02'), consent_method: 'phone', consent_at: clock.now().toISOString() });
    await enrol(ids.b1, u[11]!, 'waitlisted', { waitlist_seq: 1 });
    await enrol(ids.b2, u[12]!, 'cancelled');
    await enrol(ids.a3, u[12]!, 'enrolled');

    await mark(ids.a2, 1, a2e, u[7]!, 'present');
    await mark(ids.a2, 1, a2c1, u[8]!, 'late');
    await mark(ids.a2, 1, a2c2, u[9]!, 'absent');
    await mark(ids.a2, 2, a2c1, u[8]!, 'present');
    await mark(ids.a2, 2, a2c2, u[9]!, 'excused');
    await mark(ids.b1, 1, b1e, u[0]!, 'present');
  });
  afterAll(async () => { await t.close(); });

  it('a term\'s figures are exactly the hand-counted fixture, and agree with the raw rows', async () => {
    const res = await admin.get(`${BASE}/stats?termId=${termId}`);
    expect(res.status, res.raw).toBe(200);
    const d = res.body;
    expect(d.date).toBe(today);
    expect(d.personTimesSource).toBe('attendance');
    // Drafts and cancelled classes do not count; cancelled enrolments neither.
    expect(d.totals).toEqual({ classesOpen: 2, classesFinished: 1, seats: 19, seatsTaken: 9, enrolled: 6, offered: 1, waitlisted: 3, completed: 2, learners: 7, personTimes: 4 });
    expect(d.byCategory.find((c: any) => c.category === 'health')).toEqual({ category: 'health', enrolments: 6, finishedEnrolled: 1, finishedCompleted: 2, completionPercent: 66.7 });
    expect(d.byCategory.find((c: any) => c.category === 'arts')).toEqual({ category: 'arts', enrolments: 2, finishedEnrolled: 0, finishedCompleted: 0, completionPercent: null });
    const town1 = d.byTown.find((r: any) => r.townId === TOWN1);
    expect(town1).toMatchObject({ classes: 2, seats: 9, seatsTaken: 7, fillPercent: 77.8, enrolments: 6, learners: 6, personTimes: 3 });
    expect(town1.learnersPerThousand).toBeCloseTo((6 / town1.population) * 1000, 2);
    expect(d.byTown.find((r: any) => r.townId === TOWN2)).toMatchObject({ classes: 1, seats: 10, seatsTaken: 2, fillPercent: 20, enrolments: 2, learners: 2, personTimes: 1 });
    // Taking part: u0 twice (26), u1 (35), u2 (69), u9 (66), u8 (70), u10 (76), u7 (unknown).
    expect(Object.fromEntries(d.byAgeGroup.map((g: any) => [g.group, g.enrolments]))).toEqual({ under30: 2, '30_44': 1, '45_59': 0, '60_69': 2, '70plus': 2, unknown: 1 });
    expect(d.byInstitution.map((r: any) => r.enrolments)).toEqual([6, 2]);
    expectMatches(d, expected(await rawRows(db), ['/'], { termId }, d.date));
  });

  it('age groups turn on the birthday: 69 the day before turning 70, 70 on the day', async () => {
    const d = (await admin.get(`${BASE}/stats?termId=${termId}&townId=${TOWN1}`)).body;
    // Town 1: u0 (26), u1 (35), u2 (69, 70 tomorrow), u9 (66), u8 (70 today), u7 (unknown).
    expect(Object.fromEntries(d.byAgeGroup.map((g: any) => [g.group, g.enrolments]))).toEqual({ under30: 1, '30_44': 1, '45_59': 0, '60_69': 2, '70plus': 1, unknown: 1 });
    expect(d.totals.learners).toBe(6);
    expect(d.byTown.map((r: any) => r.townId)).toEqual([TOWN1]);
    expectMatches(d, expected(await rawRows(db), ['/'], { termId, townId: TOWN1 }, d.date));
  });

  it('the whole city with the demo data agrees with the raw rows; a town admin and an institution admin see only their part', async () => {
    const raw = await rawRows(db);
    const city = (await admin.get(`${BASE}/stats`)).body;
    expectMatches(city, expected(raw, ['/'], {}, city.date));
    expect(city.byTown).toHaveLength(8);

    const townPath = raw.regions.find((r) => r.id === TOWN1)!.path;
    const mine = (await town.get(`${BASE}/stats`)).body;
    expect(mine.byTown.map((r: any) => r.townId)).toEqual([TOWN1]);
    expectMatches(mine, expected(raw, [townPath], {}, mine.date));
    expect(mine.totals.enrolled).toBeLessThan(city.totals.enrolled);
    // Asking for another town gives nothing of it.
    const other = (await town.get(`${BASE}/stats?townId=${TOWN2}`)).body;
    expect(other.byTown).toEqual([]);
    expect(other.totals).toEqual({ classesOpen: 0, classesFinished: 0, seats: 0, seatsTaken: 0, enrolled: 0, offered: 0, waitlisted: 0, completed: 0, learners: 0, personTimes: 0 });
    expect(other.byInstitution).toEqual([]);

    const center = await db.selectFrom('institutions').select('path').where('region_id', '=', TOWN1).where('kind', '=', 'community_education_center').executeTakeFirstOrThrow();
    const inst = (await staff.get(`${BASE}/stats?termId=${termId}`)).body;
    expectMatches(inst, expected(raw, [center.path], { termId }, inst.date));
    expect(inst.totals.enrolled).toBe(4);
    expect(inst.byTown.map((r: any) => r.townId)).toEqual([TOWN1]);

    expect((await (await t.login('inspector')).get(`${BASE}/stats`)).status).toBe(200);
    expect((await (await t.login('teacher')).get(`${BASE}/stats`)).status).toBe(403);
    expect((await (await t.login('resident')).get(`${BASE}/stats`)).status).toBe(403);
    expect((await t.anonymous().get(`${BASE}/stats`)).status).toBe(401);
    expect((await admin.get(`${BASE}/stats?termId=${encodeURIComponent("x' or 1=1")}`)).status).toBe(400);
    expect((await admin.get(`${BASE}/stats?other=1`)).status).toBe(400);
  });

  it('stats.xlsx holds the dashboard\'s tables for the caller\'s scope', async () => {
    const json = (await town.get(`${BASE}/stats?termId=${termId}`)).body;
    const book = await workbookOf(t, town, `${BASE}/stats.xlsx?termId=${termId}`);
    expect(book.worksheets.map((s) => s.name)).toEqual(['总体', '按镇街', '按年龄段', '按课程类别', '按机构（前 20）']);
    const totals = sheetRows(book.getWorksheet('总体')!);
    expect(totals).toContainEqual(['学期', '2026 秋季统计测试']);
    expect(totals).toContainEqual(['在读', String(json.totals.enrolled)]);
    const towns = sheetRows(book.getWorksheet('按镇街')!);
    expect(towns).toHaveLength(2);
    expect(towns[1]!.slice(0, 6)).toEqual([json.byTown[0].townName, json.byTown[0].classes, json.byTown[0].seats, json.byTown[0].seatsTaken, json.byTown[0].fillPercent, json.byTown[0].enrolments]);
    expect(sheetRows(book.getWorksheet('按年龄段')!).slice(1)).toEqual([['30 岁以下', 1], ['30–44 岁', 1], ['45–59 岁', 0], ['60–69 岁', 2], ['70 岁及以上', 1], ['年龄未登记', 1]]);
    expect(sheetRows(book.getWorksheet('按课程类别')!)).toContainEqual(['健康养生', 6, 1, 2, 66.7]);
    expect((await (await t.login('teacher')).get(`${BASE}/stats.xlsx`)).status).toBe(403);
  });

  it('roster.xlsx is masked, ordered with waitlist positions, shows 代办, and is scoped like the roster', async () => {
    const book = await workbookOf(t, staff, `${BASE}/classes/${ids.a1}/roster.xlsx`);
    const rows = sheetRows(book.worksheets[0]!);
    expect(rows[0]).toEqual(['序号', '姓名', '身份证号', '手机号', '状态', '候补位次', '报名方式', '经办人', '同意方式', '同意时间', '报名时间']);
    expect(rows.slice(1).map((r) => r[4])).toEqual(['已报名', '已报名', '已报名', '待确认名额', '候补中', '候补中', '已取消']);
    expect(rows.slice(5, 7).map((r) => r[5])).toEqual([1, 2]);
    const wang = rows.find((r) => r[1] === '王秀英')!;
    expect(wang[2]).toBe('110***********0034');
    expect(wang[3]).toBe('138****5678');
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain(ID_NUMBER);
    expect(everything).not.toContain(PHONE);

    const proxy = sheetRows((await workbookOf(t, admin, `${BASE}/classes/${ids.b1}/roster.xlsx`)).worksheets[0]!);
    const proxied = proxy.find((r) => r[6] === '代办')!;
    expect(proxied[7]).toBeTruthy();
    expect(proxied[8]).toBe('电话确认');

    // Another town's admin and a teacher who does not teach the class: as if the class did not exist.
    const town02 = await t.login('town02');
    expect((await town02.get(`${BASE}/classes/${ids.a1}/roster.xlsx`)).status).toBe(404);
    const teacher = await t.login('teacher');
    expect((await teacher.get(`${BASE}/classes/${ids.a1}/roster.xlsx`)).status).toBe(404);
    await db.updateTable('learning_classes').set({ teacher_user_id: await userIdOf(t, 'teacher') }).where('id', '=', ids.a1).execute();
    expect((await teacher.get(`${BASE}/classes/${ids.a1}/roster.xlsx`)).status).toBe(200);
    expect((await (await t.login('resident')).get(`${BASE}/classes/${ids.a1}/roster.xlsx`)).status).toBe(403);
    expect((await admin.get(`${BASE}/classes/nope/roster.xlsx`)).status).toBe(404);
  });
});
