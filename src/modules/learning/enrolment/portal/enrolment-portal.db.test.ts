import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../../test/support/test-app.js';
import { testDialects } from '../../../../../test/support/databases.js';
import { fakeClock } from '../../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../../test/support/demo-roles.js';
import { clientFor, dbOf, insertClass, insertResidents, insertTerm } from '../test-fixtures.js';

const form = (c: Client, url: string, fields: Record<string, string> = {}) => c.request('POST', url,
  new URLSearchParams({ _csrf: c.csrfToken ?? '', ...fields }).toString(),
  { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' });

describe.each(testDialects())('enrolment on the portal (%s)', (kind) => {
  let t: TestApp;
  let town: Client;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => dbOf(t);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    town = await t.login('town');
  });
  afterAll(async () => { await t.close(); });

  it('enrols from the class page form, waitlists when full, and offers, confirms and shows who acted on /account/classes', async () => {
    const term = await insertTerm(db());
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, seats: 1, title: '太极拳基础班' });
    const [first, second] = await insertResidents(db(), 2);
    const a = await clientFor(t, first, clock.now());
    const b = await clientFor(t, second, clock.now());

    const anonymous = await t.anonymous().request('GET', `/classes/${cls}`, undefined, { accept: 'text/html' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.raw).toContain('登录后报名');
    const page = await a.request('GET', `/classes/${cls}`, undefined, { accept: 'text/html' });
    expect(page.raw).toContain(`action="/classes/${cls}/enrol"`);

    const done = await form(a, `/classes/${cls}/enrol`);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/account/classes?done=enrolled');
    const again = await form(a, `/classes/${cls}/enrol`);
    expect(again.status).toBe(409);
    expect(again.raw).toContain('您已报名该班级');
    const waiting = await form(b, `/classes/${cls}/enrol`);
    expect(waiting.headers.location).toBe('/account/classes?done=waitlisted&position=1');
    const bPage = await b.request('GET', '/account/classes?done=waitlisted&position=1', undefined, { accept: 'text/html' });
    expect(bPage.raw).toContain('候补第 1 位');
    expect(bPage.raw).toContain('太极拳基础班');

    // The first resident cancels on their page: the second is offered the seat, with a deadline and a confirm button.
    const aId = (await db().selectFrom('learning_enrolments').select('id').where('user_id', '=', first).executeTakeFirstOrThrow()).id;
    expect((await form(a, `/account/classes/${aId}/cancel`)).status).toBe(303);
    const offered = await b.request('GET', '/account/classes', undefined, { accept: 'text/html' });
    expect(offered.raw).toContain('请在 2026-03-04 09:00:00 前确认');
    const bId = (await db().selectFrom('learning_enrolments').select('id').where('user_id', '=', second).executeTakeFirstOrThrow()).id;
    expect(offered.raw).toContain(`/account/classes/${bId}/confirm`);
    expect((await form(b, `/account/classes/${bId}/confirm`)).headers.location).toBe('/account/classes?done=saved');
    expect((await b.request('GET', '/account/classes', undefined, { accept: 'text/html' })).raw).toContain('已报名');
    // Someone else's enrolment cannot be touched from the page.
    const foreign = await form(a, `/account/classes/${bId}/cancel`);
    expect(foreign.status).toBe(404);
  });

  it('shows on the senior\'s page that a town admin enrolled them, when and how they consented', async () => {
    const term = await insertTerm(db());
    const cls = await insertClass(db(), { townId: TOWN_IDS[0], termId: term, title: '书法入门班' });
    const village = await db().selectFrom('regions').select(['id', 'path']).where('parent_id', '=', TOWN_IDS[0]).where('level', '=', 'village').executeTakeFirstOrThrow();
    const [senior] = await insertResidents(db(), 1, { homePath: village.path, homeScopeId: village.id });
    const res = await town.post(`/api/v1/learning/classes/${cls}/enrolments/proxy`, { userId: senior, consent: { method: 'in_person', note: '本人到场', at: '2026-03-02T00:00:00.000Z' } });
    expect(res.status, res.raw).toBe(201);
    const page = await (await clientFor(t, senior, clock.now())).request('GET', '/account/classes', undefined, { accept: 'text/html' });
    expect(page.raw).toContain('于 2026-03-02 08:00:00 代为办理（本人当面同意）');
  });
});
