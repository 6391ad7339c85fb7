import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { clientFor, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import { findUnmaskedPersonalData } from '../../../core/pii/mask.js';
import { creditDb } from '../credits/credit-schema.js';
import { completedClass, completedOnline } from '../credits/test-fixtures.js';

const RECORD = '/api/v1/learning/me/record';

describe.each(testDialects())('lifelong learning record on %s', (kind) => {
  let t: TestApp;
  const clock = fakeClock('2026-04-05T02:00:00.000Z');
  const db = () => creditDb(t.app.core);
  let term: string;
  let mine: { userId: string; client: Client; classId: string; onlineId: string };
  let other: { userId: string; client: Client; classId: string; onlineId: string };

  async function learner(category: 'digital' | 'health', title: string) {
    const [userId] = await insertResidents(db() as never, 1, { name: title.slice(0, 2) });
    const { classId } = await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users: [userId], category, creditsTenths: 25 });
    await db().updateTable('learning_classes').set({ title }).where('id', '=', classId).execute();
    const onlineId = await completedOnline(db(), { townId: TOWN_IDS[1], users: [userId], category, creditsTenths: 5 });
    return { userId, client: await clientFor(t, userId), classId, onlineId };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    term = await insertTerm(db() as never);
    mine = await learner('digital', '甲的书法班');
    other = await learner('health', '乙的太极班');
  });
  afterAll(async () => { await t.close(); });

  it('shows exactly the caller\'s classes, online courses and credits, synced on opening, and nobody else\'s', async () => {
    const res = await mine.client.get(RECORD);
    expect(res.status, res.raw).toBe(200);
    const r = res.body;
    expect(r.classes.map((c: { classId: string }) => c.classId)).toEqual([mine.classId]);
    expect(r.classes[0]).toMatchObject({ classTitle: '甲的书法班', status: 'completed', credits: 2.5, category: 'digital' });
    expect(r.online.map((o: { courseId: string }) => o.courseId)).toEqual([mine.onlineId]);
    expect(r.credits.total).toBe(3);
    expect(r.credits.byCategory).toEqual([{ category: 'digital', credits: 3 }]);
    expect(r.credits.entries.map((e: { sourceId: string }) => e.sourceId).sort()).toEqual([mine.classId, mine.onlineId].sort());
    expect(r.timeline.some((e: { kind: string; title: string }) => e.kind === 'completed' && e.title === '甲的书法班')).toBe(true);
    expect(res.raw).not.toContain(other.classId);
    expect(res.raw).not.toContain('乙的太极班');

    const theirs = (await other.client.get(RECORD)).body;
    expect(theirs.classes.map((c: { classId: string }) => c.classId)).toEqual([other.classId]);
    expect(JSON.stringify(theirs)).not.toContain(mine.classId);
    // The record has no user parameter: another person's id in the query is ignored, not obeyed.
    const probe = await mine.client.get(`${RECORD}?userId=${other.userId}`);
    expect(probe.raw).not.toContain(other.classId);
    expect((await t.anonymous().get(RECORD)).status).toBe(401);
  });

  it('the demo resident sees the demo\'s completed classes with attendance, certificates and credits', async () => {
    const resident = await t.login('resident');
    const res = await resident.get(RECORD);
    const r = res.body;
    // No full phone or ID number in the answer (ids blanked: their digit runs are random, not personal data).
    expect(findUnmaskedPersonalData(res.raw.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'uuid'))).toEqual([]);
    const userId = (await db().selectFrom('users').select('id').where('username', '=', 'resident').executeTakeFirstOrThrow()).id;
    const enrolled = await db().selectFrom('learning_enrolments').select('class_id').where('user_id', '=', userId)
      .where('status', 'in', ['enrolled', 'completed']).execute();
    expect(r.classes.map((c: { classId: string }) => c.classId).sort()).toEqual(enrolled.map((e) => e.class_id).sort());
    const completed = r.classes.filter((c: { status: string }) => c.status === 'completed');
    expect(completed.length).toBeGreaterThan(0);
    expect(completed.every((c: { held: number; certificate: unknown }) => c.held > 0)).toBe(true);
    expect(r.certificates.length).toBe(completed.filter((c: { certificate: unknown }) => c.certificate).length);
    expect(r.credits.entries.length).toBeGreaterThan(0);
    expect(r.rules.map((x: { awardTitle: string }) => x.awardTitle)).toContain('青溪市数字技能证书');
    // The demo seed's reconciliation applied the rules: each is awarded exactly when the credits reach it.
    for (const rule of r.rules) expect(rule.awarded, rule.name).toBe(rule.credits >= rule.creditsRequired);
    expect(r.awards.map((a: { title: string }) => a.title)).toContain('青溪市终身学习起步证书');
  });

  it('the portal page, the A4 print view and the .xlsx show the record; visitors are sent to log in', async () => {
    const page = await mine.client.get('/account/record');
    expect(page.status).toBe(200);
    expect(page.raw).toContain('我的学习档案');
    expect(page.raw).toContain('甲的书法班');
    expect(page.raw).not.toContain('乙的太极班');

    const print = await mine.client.get('/account/record/print');
    expect(print.status).toBe(200);
    expect(print.raw).toContain('@page { size: A4 portrait');
    expect(print.raw).toContain('终身学习档案');
    expect(print.raw).toContain('甲的书法班');

    const res = await t.app.inject({ method: 'GET', url: '/account/record.xlsx', headers: { cookie: `lc_session=${mine.client.cookie}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['概况', '班级', '网络课程', '证书', '学分', '学分转换证书']);
    const classes = book.getWorksheet('班级')!;
    expect(classes.rowCount).toBe(2);
    expect(classes.getRow(2).getCell(1).value).toBe('甲的书法班');
    const credits = book.getWorksheet('学分')!;
    const titles = credits.getColumn(2).values.slice(2).map(String);
    expect(titles.filter((v) => v === '甲的书法班')).toHaveLength(1);
    expect(JSON.stringify(titles)).not.toContain('乙的太极班');

    expect((await mine.client.get('/account')).raw).toContain('href="/account/record"');

    for (const url of ['/account/record', '/account/record/print', '/account/record.xlsx']) {
      const anon = await t.anonymous().get(url);
      expect(anon.status).toBe(303);
      expect(String(anon.headers.location)).toContain('/login');
    }
  });

  it('the own-data export holds every learning section for a resident with data, and nothing of other respondents', async () => {
    const resident = await t.login('resident01');
    const userId = (await db().selectFrom('users').select('id').where('username', '=', 'resident01').executeTakeFirstOrThrow()).id;
    await completedOnline(db(), { townId: TOWN_IDS[0], users: [userId], creditsTenths: 5 });
    const res = await resident.post('/api/v1/auth/export', { password: 'learning-city-demo' });
    expect(res.status, res.raw).toBe(200);
    const b = res.body;
    expect(b.learningEnrolments.enrolments.length).toBeGreaterThan(0);
    expect(b.learningEnrolments.enrolments.every((e: { events: unknown[] }) => Array.isArray(e.events))).toBe(true);
    expect(b.learningEnrolments.enrolments.some((e: { events: unknown[] }) => e.events.length > 0)).toBe(true);
    expect(b.learningAttendance.length).toBeGreaterThan(0);
    expect(b.learningCertificates.length).toBeGreaterThan(0);
    expect(b.learningOnline.length).toBe(1);
    expect(b.learningCredits.ledger.length).toBeGreaterThan(0);
    expect(Array.isArray(b.learningCredits.awards)).toBe(true);
    const responses = await db().selectFrom('learning_survey_responses').select('id').where('user_id', '=', userId).execute();
    expect(responses.length).toBeGreaterThan(0);
    expect(b.learningSurveyResponses).toHaveLength(responses.length);
    const answers = await db().selectFrom('learning_survey_answers').select('id').where('response_id', 'in', responses.map((r) => r.id)).execute();
    expect(b.learningSurveyResponses.flatMap((r: { answers: unknown[] }) => r.answers)).toHaveLength(answers.length);
    const marks = await db().selectFrom('learning_attendance').select('id').where('user_id', '=', userId).execute();
    expect(b.learningAttendance).toHaveLength(marks.length);
  });

  it('the own-data export lists the person\'s lottery applications with their tickets', async () => {
    const applicant = await db().selectFrom('learning_lottery_applications as a').innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.username', 'a.user_id', 'a.ticket']).orderBy('a.ticket').executeTakeFirstOrThrow();
    const res = await (await t.login(applicant.username)).post('/api/v1/auth/export', { password: 'learning-city-demo' });
    expect(res.status, res.raw).toBe(200);
    const own = await db().selectFrom('learning_lottery_applications').select('ticket').where('user_id', '=', applicant.user_id).execute();
    expect(res.body.learningLotteryApplications.map((a: { ticket: string }) => a.ticket).sort()).toEqual(own.map((a) => a.ticket).sort());
    expect(res.body.learningLotteryApplications.length).toBeGreaterThan(0);
  });
});
