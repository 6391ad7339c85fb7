import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { DEMO_CITY_ID, TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { surveyDb } from './survey-schema.js';

const BASE = '/api/v1/learning/surveys';
const DAY = 86_400_000;

describe.each(testDialects())('learning-needs surveys on %s', (kind) => {
  let t: TestApp;
  let admin: Client, town: Client, town02: Client, inspector: Client, resident: Client, teacher: Client;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => surveyDb({ db: t.app.database.db as never });
  const count = async (table: 'learning_surveys' | 'learning_survey_responses' | 'learning_survey_answers' | 'learning_survey_questions') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const iso = (offsetDays: number) => new Date(clock.now().getTime() + offsetDays * DAY).toISOString();
  const definition = (over: Record<string, unknown> = {}) => ({
    title: '社区书法班需求调查', description: '测试', regionId: DEMO_CITY_ID, opensAt: iso(-1), closesAt: iso(10),
    questions: [
      { kind: 'single', title: '是否愿意参加？', required: true, options: ['愿意', '不愿意'] },
      { kind: 'multiple', title: '想学哪些字体？', maxChoices: 2, options: ['楷书', '行书', '隶书'] },
      { kind: 'text', title: '其他建议', maxLength: 10 },
    ],
    ...over,
  });
  /** A published city-wide survey made through the API; returns it with its question and option ids. */
  const publishedSurvey = async (over: Record<string, unknown> = {}) => {
    const created = await admin.post(BASE, definition(over));
    expect(created.status, created.raw).toBe(201);
    const published = await admin.post(`${BASE}/${created.body.id}/publish`, { version: created.body.version });
    expect(published.status, published.raw).toBe(200);
    return published.body;
  };
  const validAnswers = (s: any) => ({
    answers: [
      { questionId: s.questions[0].id, optionIds: [s.questions[0].options[0].id] },
      { questionId: s.questions[1].id, optionIds: [s.questions[1].options[0].id, s.questions[1].options[2].id] },
      { questionId: s.questions[2].id, text: '周末上课' },
    ],
  });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    admin = await t.login('admin');
    town = await t.login('town');
    town02 = await t.login('town02');
    inspector = await t.login('inspector');
    resident = await t.login('resident');
    teacher = await t.login('teacher');
  });
  afterAll(async () => { await t.close(); });

  it('seeds two answered demo surveys, and each staff member sees those in or covering their scope', async () => {
    const all = await admin.get(BASE);
    expect(all.status, all.raw).toBe(200);
    expect(all.body.total).toBe(2);
    const city = all.body.items.find((s: any) => s.regionId === DEMO_CITY_ID);
    const townSurvey = all.body.items.find((s: any) => s.regionId === TOWN_IDS[1]);
    expect(city).toMatchObject({ status: 'published', respondents: 20, questionCount: 4 });
    expect(townSurvey).toMatchObject({ status: 'published', respondents: 10 });
    // The second town's admin sees the city survey (over their own respondents only) and their own.
    const own = (await town02.get(BASE)).body.items;
    expect(own.map((s: any) => s.id).sort()).toEqual([city.id, townSurvey.id].sort());
    expect(own.find((s: any) => s.id === city.id).respondents).toBeLessThan(20);
    expect(own.find((s: any) => s.id === city.id).abilities).toEqual({ edit: false, publish: false, close: false, delete: false });
    expect(own.find((s: any) => s.id === townSurvey.id).abilities.close).toBe(true);
    expect((await town.get(BASE)).body.items.map((s: any) => s.id)).toEqual([city.id]);
    expect((await town.get(`${BASE}/${townSurvey.id}`)).status).toBe(404);
    expect((await inspector.get(BASE)).body.total).toBe(2);
    expect((await resident.get(BASE)).status).toBe(403);
    expect((await teacher.get(BASE)).status).toBe(403);
  });

  it('creates a draft, edits it with its version, publishes it, and then freezes its questions', async () => {
    const before = await count('learning_surveys');
    const created = await town02.post(BASE, definition({ regionId: TOWN_IDS[1], villageIds: [] }));
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, regionId: TOWN_IDS[1], questionCount: 3 });
    expect(created.body.questions[1]).toMatchObject({ kind: 'multiple', maxChoices: 2, options: [{ label: '楷书' }, { label: '行书' }, { label: '隶书' }] });
    const id = created.body.id;
    const edited = await town02.put(`${BASE}/${id}`, { ...definition({ regionId: TOWN_IDS[1], title: '书法班需求调查（修订）' }), version: 1 });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body).toMatchObject({ title: '书法班需求调查（修订）', version: 2 });
    const stale = await town02.put(`${BASE}/${id}`, { ...definition({ regionId: TOWN_IDS[1] }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('learning.survey.stale');
    // Another town's admin and the city-level inspector cannot change it.
    expect((await town.post(`${BASE}/${id}/publish`, { version: 2 })).status).toBe(404);
    expect((await inspector.post(`${BASE}/${id}/publish`, { version: 2 })).status).toBe(403);
    const published = await town02.post(`${BASE}/${id}/publish`, { version: 2 });
    expect(published.status, published.raw).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', version: 3 });
    const frozen = await town02.put(`${BASE}/${id}`, { ...definition({ regionId: TOWN_IDS[1] }), version: 3 });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('learning.survey.not_draft');
    expect((await town02.delete(`${BASE}/${id}`)).status).toBe(409);
    const closed = await town02.post(`${BASE}/${id}/close`, { version: 3 });
    expect(closed.body.status).toBe('closed');
    expect(await count('learning_surveys')).toBe(before + 1);
    const audit = await db().selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['learning.survey.create', 'learning.survey.update', 'learning.survey.publish', 'learning.survey.close']);
  });

  it('refuses a bad definition with field errors and writes nothing', async () => {
    const before = [await count('learning_surveys'), await count('learning_survey_questions')];
    const otherTown = await town.post(BASE, definition({ regionId: TOWN_IDS[1] }));
    expect(otherTown.status).toBe(400);
    expect(otherTown.body.errors.map((e: any) => e.field)).toContain('regionId');
    const bad = await admin.post(BASE, definition({
      closesAt: iso(-2), villageIds: [TOWN_IDS[0]],
      questions: [{ kind: 'single', title: '只有一个选项', options: ['唯一'] }, { kind: 'multiple', title: '超出', maxChoices: 5, options: ['甲', '乙'] }],
    }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['closesAt', 'questions.0.options', 'questions.1.maxChoices', 'villageIds.0']);
    expect(bad.body.errors.find((e: any) => e.field === 'closesAt').message['zh-CN']).toBe('截止时间须晚于开始时间。');
    expect((await admin.post(BASE, definition({ questions: [] }))).status).toBe(400);
    expect([await count('learning_surveys'), await count('learning_survey_questions')]).toEqual(before);
  });

  it('a resident answers once; a second answer is 409 with the reason in zh-CN', async () => {
    const s = await publishedSurvey();
    const form = await resident.get(`${BASE}/${s.id}/form`);
    expect(form.body).toMatchObject({ open: true, eligible: true, answeredAt: null });
    const first = await resident.post(`${BASE}/${s.id}/responses`, validAnswers(s));
    expect(first.status, first.raw).toBe(201);
    const again = await resident.post(`${BASE}/${s.id}/responses`, validAnswers(s));
    expect(again.status).toBe(409);
    expect(again.body.message['zh-CN']).toBe('您已提交过本问卷，每人只能作答一次。');
    expect((await resident.get(`${BASE}/${s.id}/form`)).body.answeredAt).toBe(first.body.submittedAt);
    const open = (await resident.get(`${BASE}/open`)).body.items;
    expect(open.find((x: any) => x.id === s.id).answeredAt).toBe(first.body.submittedAt);
    const rows = await db().selectFrom('learning_survey_answers').select(['option_id', 'text']).where('survey_id', '=', s.id).execute();
    expect(rows).toHaveLength(4);
  });

  it('stores exactly one response when the same person submits many times at once', async () => {
    const s = await publishedSurvey({ title: '并发测试' });
    const client = await t.login('resident24');
    const results = await Promise.all(Array.from({ length: 12 }, () => client.post(`${BASE}/${s.id}/responses`, validAnswers(s))));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(11);
    const stored = await db().selectFrom('learning_survey_responses').select('id').where('survey_id', '=', s.id).execute();
    expect(stored).toHaveLength(1);
    const answers = await db().selectFrom('learning_survey_answers').select('response_id').where('survey_id', '=', s.id).execute();
    expect(answers.every((a) => a.response_id === stored[0].id)).toBe(true);
    expect(answers).toHaveLength(4);
    // Different people at once are all stored.
    const others = await Promise.all(['resident21', 'resident22', 'resident23'].map((u) => t.login(u)));
    const many = await Promise.all(others.map((c) => c.post(`${BASE}/${s.id}/responses`, validAnswers(s))));
    expect(many.map((r) => r.status)).toEqual([201, 201, 201]);
  });

  it('refuses bad answers with field errors per question and writes nothing', async () => {
    const s = await publishedSurvey({ title: '校验测试' });
    const before = [await count('learning_survey_responses'), await count('learning_survey_answers')];
    const [q1, q2, q3] = s.questions;
    const cases: Array<[unknown, string, string]> = [
      [{ answers: [] }, `answers.${q1.id}`, 'required'],
      [{ answers: [{ questionId: q1.id, optionIds: ['00000000-0000-0000-0000-000000000000'] }] }, `answers.${q1.id}`, 'unknown_option'],
      [{ answers: [{ questionId: q1.id, optionIds: [q2.options[0].id] }] }, `answers.${q1.id}`, 'unknown_option'],
      [{ answers: [{ questionId: q1.id, optionIds: [q1.options[0].id, q1.options[1].id] }] }, `answers.${q1.id}`, 'too_many'],
      [{ answers: [{ questionId: q1.id, optionIds: [q1.options[0].id] }, { questionId: q2.id, optionIds: q2.options.map((o: any) => o.id) }] }, `answers.${q2.id}`, 'too_many'],
      [{ answers: [{ questionId: q1.id, optionIds: [q1.options[0].id] }, { questionId: q3.id, text: '这段文字超过了十个字的限制' }] }, `answers.${q3.id}`, 'too_long'],
    ];
    for (const [body, field, code] of cases) {
      const res = await resident.post(`${BASE}/${s.id}/responses`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual([`${field}:${code}`]);
    }
    expect((await resident.post(`${BASE}/${s.id}/responses`, { answers: 'x' })).status).toBe(400);
    expect((await resident.post(`${BASE}/nope/responses`, validAnswers(s))).status).toBe(404);
    expect([await count('learning_survey_responses'), await count('learning_survey_answers')]).toEqual(before);
  });

  it('refuses answers outside the window or the region, writing nothing', async () => {
    const before = await count('learning_survey_responses');
    const later = await publishedSurvey({ title: '尚未开始', opensAt: iso(2), closesAt: iso(5) });
    const notYet = await resident.post(`${BASE}/${later.id}/responses`, validAnswers(later));
    expect(notYet.status).toBe(409);
    expect(notYet.body.code).toBe('learning.survey.not_yet_open');
    const townSurvey = (await admin.get(BASE)).body.items.find((s: any) => s.regionId === TOWN_IDS[1] && s.title.includes('职业技能'));
    const detail = (await admin.get(`${BASE}/${townSurvey.id}`)).body;
    // `resident` is registered at city level: not a resident of the second town.
    const outside = await resident.post(`${BASE}/${detail.id}/responses`, {
      answers: [{ questionId: detail.questions[0].id, optionIds: [detail.questions[0].options[0].id] }, { questionId: detail.questions[1].id, optionIds: [detail.questions[1].options[0].id] }],
    });
    expect(outside.status).toBe(403);
    expect(outside.body.message['zh-CN']).toContain('不在调查范围内');
    const closing = await publishedSurvey({ title: '即将截止', closesAt: new Date(clock.now().getTime() + 60_000).toISOString() });
    // Two minutes on: past the closing time, well within the session's idle timeout.
    clock.advance(120_000);
    try {
      const over = await resident.post(`${BASE}/${closing.id}/responses`, validAnswers(closing));
      expect(over.status).toBe(409);
      expect(over.body.code).toBe('learning.survey.window_over');
    } finally {
      clock.advance(-120_000);
    }
    const closed = await publishedSurvey({ title: '已结束' });
    await admin.post(`${BASE}/${closed.id}/close`, { version: closed.version });
    expect((await resident.post(`${BASE}/${closed.id}/responses`, validAnswers(closed))).status).toBe(409);
    expect(await count('learning_survey_responses')).toBe(before);
  });

  it('results break down by option, town and age group; a town admin sees only their town\'s respondents', async () => {
    const city = (await admin.get(BASE)).body.items.find((s: any) => s.title === '老年人数字技能学习需求调查');
    const all = await admin.get(`${BASE}/${city.id}/results`);
    expect(all.status, all.raw).toBe(200);
    expect(all.body.respondents).toBe(20);
    expect(all.body.towns.reduce((n: number, g: any) => n + g.respondents, 0)).toBe(20);
    expect(all.body.towns.map((g: any) => g.key)).toEqual(expect.arrayContaining([TOWN_IDS[1], TOWN_IDS[2], 'unknown']));
    expect(all.body.ageGroups.reduce((n: number, g: any) => n + g.respondents, 0)).toBe(20);
    const q1 = all.body.questions[0];
    expect(q1.answered).toBe(20);
    expect(q1.options.reduce((n: number, o: any) => n + o.count, 0)).toBe(20);
    for (const o of q1.options) {
      expect(o.percent).toBe(Math.round((o.count * 1000) / 20) / 10);
      expect(o.byTown.reduce((n: number, c: any) => n + c.count, 0)).toBe(o.count);
      expect(o.byAge.reduce((n: number, c: any) => n + c.count, 0)).toBe(o.count);
    }
    const textQ = all.body.questions[3];
    expect(textQ.textTotal).toBeGreaterThan(0);
    expect(JSON.stringify(textQ.texts)).not.toMatch(/resident|userId|王秀英/);

    const mine = await town02.get(`${BASE}/${city.id}/results`);
    const inTown2 = all.body.towns.find((g: any) => g.key === TOWN_IDS[1]).respondents;
    expect(mine.body.respondents).toBe(inTown2);
    expect(mine.body.towns.map((g: any) => g.key)).toEqual([TOWN_IDS[1]]);
    const none = await town.get(`${BASE}/${city.id}/results`);
    expect(none.body.respondents).toBe(0);
    expect((await inspector.get(`${BASE}/${city.id}/results`)).body.respondents).toBe(20);
    expect((await resident.get(`${BASE}/${city.id}/results`)).status).toBe(403);
  });

  it('exports the results as .xlsx: a sheet per breakdown and raw answers without personal data', async () => {
    const city = (await admin.get(BASE)).body.items.find((s: any) => s.title === '老年人数字技能学习需求调查');
    const res = await t.app.inject({ method: 'GET', url: `${BASE}/${city.id}/results.xlsx`, headers: { cookie: `lc_session=${town02.cookie}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按选项', '按镇（街道）', '按年龄段', '文字回答', '原始答卷']);
    const raw = book.getWorksheet('原始答卷')!;
    const text = raw.getSheetValues().flat().map(String).join('|');
    expect(text).not.toMatch(/resident|王秀英|\d{11}/);
    // A town admin's file holds their town only.
    const towns = new Set<string>();
    raw.eachRow((row, n) => { if (n > 1) towns.add(String(row.getCell(2).value)); });
    expect([...towns]).toHaveLength(1);
    expect((await resident.get(`${BASE}/${city.id}/results.xlsx`)).status).toBe(403);
  });
});
