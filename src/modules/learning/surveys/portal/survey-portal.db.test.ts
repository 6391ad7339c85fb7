import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../../test/support/test-app.js';
import { testDialects } from '../../../../../test/support/databases.js';
import { fakeClock } from '../../../../../test/support/fake-clock.js';
import { surveyDb } from '../survey-schema.js';

const form = (fields: Array<[string, string]>) => fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };

describe.each(testDialects())('survey portal pages on %s', (kind) => {
  let t: TestApp;
  let resident13: Client;
  let townSurveyId: string;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => surveyDb({ db: t.app.database.db as never });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    resident13 = await t.login('resident13');
    townSurveyId = (await db().selectFrom('learning_surveys').select('id').where('title', 'like', '%职业技能%').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t.close(); });

  it('lists open surveys: all for visitors (with a login hint), only those for where a resident lives', async () => {
    const anon = await t.anonymous().request('GET', '/surveys', undefined, { accept: 'text/html' });
    expect(anon.status).toBe(200);
    expect(anon.raw).toContain('老年人数字技能学习需求调查');
    expect(anon.raw).toContain('职业技能培训需求调查');
    expect(anon.raw).toContain('登录后作答');
    const resident = await t.login('resident');
    const cityOnly = await resident.request('GET', '/surveys', undefined, { accept: 'text/html' });
    expect(cityOnly.raw).toContain('老年人数字技能学习需求调查');
    expect(cityOnly.raw).not.toContain('职业技能培训需求调查');
    // resident13 lives in the second town and answered both demo surveys.
    const mine = await resident13.request('GET', '/surveys', undefined, { accept: 'text/html' });
    expect(mine.raw).toContain('职业技能培训需求调查');
    expect(mine.raw.match(/已提交/g)?.length).toBe(2);
  });

  it('a resident answers the form without JavaScript, sees the thank-you page and then 已提交', async () => {
    const client = await t.login('resident23');
    const page = await client.request('GET', `/surveys/${townSurveyId}`, undefined, { accept: 'text/html' });
    expect(page.status).toBe(200);
    expect(page.raw).toContain('name="_csrf"');
    expect(page.raw).toContain('type="checkbox"');
    expect(page.raw).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"/);
    const questions = await db().selectFrom('learning_survey_questions').selectAll().where('survey_id', '=', townSurveyId).orderBy('sort').execute();
    const options = await db().selectFrom('learning_survey_options').selectAll().where('survey_id', '=', townSurveyId).orderBy('sort').execute();
    const of = (qi: number) => options.filter((o) => o.question_id === questions[qi].id);

    // A missing required answer: the page comes back with the error beside the question and nothing is stored.
    const missing = await client.request('POST', `/surveys/${townSurveyId}`,
      form([['_csrf', client.csrfToken!], [`q_${questions[0].id}`, of(0)[0].id]]), FORM);
    expect(missing.status).toBe(400);
    expect(missing.raw).toContain('此题必答。');
    expect(missing.raw).toMatch(new RegExp(`value="${of(0)[0].id}" checked`));
    const user = await db().selectFrom('users').select('id').where('username', '=', 'resident23').executeTakeFirstOrThrow();
    const mine = () => db().selectFrom('learning_survey_responses').select('id').where('survey_id', '=', townSurveyId).where('user_id', '=', user.id).execute();
    expect(await mine()).toHaveLength(0);

    const ok = await client.request('POST', `/surveys/${townSurveyId}`, form([
      ['_csrf', client.csrfToken!], [`q_${questions[0].id}`, of(0)[1].id], [`q_${questions[0].id}`, of(0)[3].id],
      [`q_${questions[1].id}`, of(1)[2].id], [`q_${questions[2].id}`, '希望有结业证书'],
    ]), FORM);
    expect(ok.status, ok.raw).toBe(303);
    expect(ok.headers.location).toBe(`/surveys/${townSurveyId}/thanks`);
    expect(await mine()).toHaveLength(1);
    const thanks = await client.request('GET', `/surveys/${townSurveyId}/thanks`, undefined, { accept: 'text/html' });
    expect(thanks.raw).toContain('已提交');
    const after = await client.request('GET', `/surveys/${townSurveyId}`, undefined, { accept: 'text/html' });
    expect(after.raw).toContain('已提交');
    expect(after.raw).not.toContain('提交问卷</button>');
    const twice = await client.request('POST', `/surveys/${townSurveyId}`, form([['_csrf', client.csrfToken!], [`q_${questions[1].id}`, of(1)[0].id]]), FORM);
    expect(twice.status).toBe(409);
    expect(twice.raw).toContain('每人只能作答一次');
    expect(await mine()).toHaveLength(1);
  });

  it('refuses a post without the CSRF token, and shows why an outsider cannot answer', async () => {
    const client = await t.login('resident24');
    const noToken = await t.app.inject({
      method: 'POST', url: `/surveys/${townSurveyId}`, payload: 'x=1',
      headers: { ...FORM, cookie: `lc_session=${client.cookie}` },
    });
    expect(noToken.statusCode).toBe(403);
    const outsider = await t.login('resident');
    const page = await outsider.request('GET', `/surveys/${townSurveyId}`, undefined, { accept: 'text/html' });
    expect(page.raw).toContain('不在调查范围内');
    expect(page.raw).not.toContain('提交问卷</button>');
    expect((await t.anonymous().request('GET', '/surveys/no-such-survey', undefined, { accept: 'text/html' })).status).toBe(404);
  });
});
