import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock, type FakeClock } from '../../../../test/support/fake-clock.js';
import { loginAll } from '../../../../test/support/demo-roles.js';

const CITY = '329901000000';
const TOWN1 = '329901101000';
const TOWN1_VILLAGE = '329901101201';
const TOWN2 = '329901102000';
const TOWN2_COMMUNITY = '329901102001';

/** A complete, valid posting; tests override one field at a time. Contact lines use landlines (no mobile numbers in JSON). */
function posting(overrides: Record<string, unknown> = {}) {
  return {
    employerName: '柳泉镇农机合作社', position: '农机维修工', headcount: 3, regionId: TOWN1_VILLAGE,
    salaryMin: 4500, salaryMax: 6000, requirements: '<h3>任职要求</h3><p>持有农机维修相关证书，能吃苦。</p>',
    contact: '联系人：陈师傅，电话 0519-86123456', validUntil: '2026-04-30', trainingLink: 'https://training.example.org/nongji',
    ...overrides,
  };
}

describe.each(testDialects())('job postings API on %s', (kind) => {
  let t: TestApp;
  let clock: FakeClock;
  let c: Record<string, Client>;
  const db = () => t.app.database.db;
  const jobCount = async () => Number((await db().selectFrom('content_jobs' as never).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as any).n);
  const auditCount = async () => Number((await db().selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const contentVersion = async () => Number((await db().selectFrom('content_state' as never).select('version' as never).executeTakeFirstOrThrow() as any).version);

  beforeAll(async () => {
    clock = fakeClock('2026-03-02T01:00:00.000Z');
    t = await createTestApp(kind, { clock });
    c = await loginAll(t, ['admin', 'editor', 'town', 'town02', 'staff', 'employer', 'reviewer']);
  });
  afterAll(async () => { await t.close(); });

  it('an editor drafts a posting, edits it, publishes it and withdraws it; each step is audited and public steps bump the content version', async () => {
    const created = await c.editor.post('/api/v1/content/jobs', posting());
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({
      employerName: '柳泉镇农机合作社', position: '农机维修工', headcount: 3, status: 'draft', publishedAt: null, expired: false,
      region: { id: TOWN1_VILLAGE, townName: '柳泉镇' }, salaryMin: 4500, salaryMax: 6000, validUntil: '2026-04-30',
      ownerScope: { type: 'city', id: CITY, name: '青溪市' }, abilities: { edit: true, publish: true, withdraw: false },
    });
    const id = created.body.id;
    const version0 = await contentVersion();

    const edited = await c.editor.patch(`/api/v1/content/jobs/${id}`, { headcount: 5, salaryMax: 6500 });
    expect(edited.status, edited.raw).toBe(200);
    expect(edited.body).toMatchObject({ headcount: 5, salaryMin: 4500, salaryMax: 6500 });
    expect(await contentVersion()).toBe(version0);

    const published = await c.editor.post(`/api/v1/content/jobs/${id}/publish`);
    expect(published.status, published.raw).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: clock.now().toISOString(), abilities: { publish: false, withdraw: true } });
    expect(await contentVersion()).toBe(version0 + 1);
    expect((await c.editor.post(`/api/v1/content/jobs/${id}/publish`)).body.code).toBe('content.job.already_published');

    clock.advance(60_000);
    const live = await c.editor.patch(`/api/v1/content/jobs/${id}`, { position: '农机维修技师' });
    expect(live.body).toMatchObject({ status: 'published', position: '农机维修技师' });
    expect(await contentVersion()).toBe(version0 + 2);

    const withdrawn = await c.editor.post(`/api/v1/content/jobs/${id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn' });
    expect((await c.editor.post(`/api/v1/content/jobs/${id}/withdraw`)).status).toBe(409);
    expect(await contentVersion()).toBe(version0 + 3);

    const entries = await db().selectFrom('audit_log').select(['action', 'before_json', 'after_json']).where('target_id', '=', id).orderBy('seq').execute();
    expect(entries.map((e) => e.action)).toEqual(['content.job.create', 'content.job.update', 'content.job.publish', 'content.job.update', 'content.job.withdraw']);
    expect(JSON.parse(entries[1].before_json!)).toEqual({ headcount: 3, salaryMax: 6000 });
    expect(JSON.parse(entries[1].after_json!)).toEqual({ headcount: 5, salaryMax: 6500 });
  });

  it('sanitises the requirements on save: scripts, handlers and javascript: links never reach the page', async () => {
    const res = await c.editor.post('/api/v1/content/jobs', posting({
      requirements: '<p onclick="steal()">会使用电脑<script>alert(1)</script></p><a href="javascript:alert(1)">点我</a><img src=x onerror=alert(1)><svg><g onload="x()"></g></svg>',
    }));
    expect(res.status, res.raw).toBe(201);
    expect(res.body.requirements).toContain('会使用电脑');
    expect(res.body.requirements).not.toMatch(/script|onclick|onerror|javascript:|svg/i);
  });

  it('refuses bad input with field errors, in zh-CN and en, and writes nothing', async () => {
    const [jobsBefore, auditBefore] = [await jobCount(), await auditCount()];
    const cases: Array<[Record<string, unknown>, string, string?]> = [
      [{ headcount: 0 }, 'headcount'],
      [{ headcount: 10_000 }, 'headcount'],
      [{ headcount: 2.5 }, 'headcount'],
      [{ salaryMin: 8000, salaryMax: 5000 }, 'salaryMax', 'order'],
      [{ salaryMin: -1 }, 'salaryMin'],
      [{ salaryMin: '4500' }, 'salaryMin'],
      [{ validUntil: '2026-02-30' }, 'validUntil', 'format'],
      [{ validUntil: '30/04/2026' }, 'validUntil'],
      [{ regionId: '329901199000' }, 'regionId', 'unknown'],
      [{ regionId: CITY }, 'regionId', 'level'],
      [{ contact: '电话 0519-8612' }, 'contact', 'phone'],
      [{ contact: '手机 1390511002' }, 'contact', 'phone'],
      [{ contact: '电话 23456789012' }, 'contact', 'phone'],
      [{ trainingLink: 'javascript:alert(1)' }, 'trainingLink', 'scheme'],
      [{ trainingLink: '//evil.example/x' }, 'trainingLink', 'scheme'],
      [{ trainingLink: 'data:text/html,<b>x</b>' }, 'trainingLink', 'scheme'],
      [{ requirements: '<script>only code</script>' }, 'requirements', 'empty'],
      [{ position: '   ' }, 'position', 'required'],
      [{ employerName: ' ' }, 'employerName', 'required'],
      [{ wage: 5000 }, 'wage'],
    ];
    for (const [override, field, code] of cases) {
      const res = await c.editor.post('/api/v1/content/jobs', posting(override));
      expect(res.status, `${JSON.stringify(override)} → ${res.raw}`).toBe(400);
      const error = res.body.errors.find((e: any) => e.field === field);
      expect(error, `${JSON.stringify(override)} → ${res.raw}`).toBeTruthy();
      if (code) expect(error.code).toBe(code);
      expect(error.message['zh-CN']).toBeTruthy();
      expect(error.message.en).toBeTruthy();
    }
    // Several problems at once are all reported.
    const many = await c.editor.post('/api/v1/content/jobs', posting({ salaryMin: 9000, salaryMax: 1000, trainingLink: 'file:///etc/passwd', contact: '电话 12345678' }));
    expect(many.body.errors.map((e: any) => e.field).sort()).toEqual(['contact', 'salaryMax', 'trainingLink']);

    const draft = await c.editor.post('/api/v1/content/jobs', posting());
    const afterDraft = [await jobCount(), await auditCount()];
    for (const [override, field] of [[{ salaryMin: 7000 }, 'salaryMax'], [{ regionId: '329901199000' }, 'regionId'], [{ contact: '电话 0519-861' }, 'contact']] as const) {
      const res = await c.editor.patch(`/api/v1/content/jobs/${draft.body.id}`, override);
      expect(res.status, res.raw).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    }
    expect((await c.editor.get(`/api/v1/content/jobs/${draft.body.id}`)).body).toMatchObject({ salaryMin: 4500, region: { id: TOWN1_VILLAGE } });
    expect([await jobCount(), await auditCount()]).toEqual(afterDraft);
    expect(afterDraft).toEqual([jobsBefore + 1, auditBefore + 1]);
  });

  it('accepts the phone numbers people write (mobiles: job-fields.test.ts, kept out of JSON by the leak scanner): landlines with area code and extension, 400 lines; office hours are not phones', async () => {
    for (const contact of ['0519-86123456', '电话：0519 8612 3456 转 0519-86123456-802', '400-820-1234', '周一至周五 9:00-17:00，电话0519-86123456']) {
      const res = await c.editor.post('/api/v1/content/jobs', posting({ contact }));
      expect(res.status, `${contact} → ${res.raw}`).toBe(201);
    }
  });

  it('an employer posts only for itself, under its registered name, and sees only its own postings', async () => {
    const own = await c.employer.post('/api/v1/content/jobs', posting({ employerName: '别的公司', regionId: TOWN2_COMMUNITY }));
    expect(own.status, own.raw).toBe(201);
    expect(own.body).toMatchObject({ employerName: '青溪绿源食品有限公司', ownerScope: { type: 'institution', name: '青溪绿源食品有限公司' } });
    const renamed = await c.employer.patch(`/api/v1/content/jobs/${own.body.id}`, { employerName: '冒名公司' });
    expect(renamed.body.employerName).toBe('青溪绿源食品有限公司');

    const forTown = await c.employer.post('/api/v1/content/jobs', posting({ ownerScope: { type: 'region', id: TOWN1 } }));
    expect(forTown.status).toBe(400);
    expect(forTown.body.errors[0]).toMatchObject({ field: 'ownerScope', code: 'scope' });

    const cityJob = await c.editor.post('/api/v1/content/jobs', posting());
    expect((await c.employer.get(`/api/v1/content/jobs/${cityJob.body.id}`)).status).toBe(404);
    expect((await c.employer.patch(`/api/v1/content/jobs/${cityJob.body.id}`, { headcount: 1 })).status).toBe(404);
    expect((await c.employer.post(`/api/v1/content/jobs/${cityJob.body.id}/publish`)).status).toBe(404);
    const listed = await c.employer.get('/api/v1/content/jobs?pageSize=100');
    expect(listed.body.items.length).toBeGreaterThan(0);
    for (const job of listed.body.items) expect(job.employerName).toBe('青溪绿源食品有限公司');

    // A city admin posting on the employer's behalf gets the same fixed name.
    const employerId = own.body.ownerScope.id;
    const onBehalf = await c.admin.post('/api/v1/content/jobs', posting({ ownerScope: { type: 'institution', id: employerId }, employerName: '随便' }));
    expect(onBehalf.body).toMatchObject({ employerName: '青溪绿源食品有限公司', ownerScope: { id: employerId } });
  });

  it('town admins post and see only their own town: no id, edit or list filter reaches another town', async () => {
    const mine = await c.town.post('/api/v1/content/jobs', posting({ employerName: '柳泉镇敬老院', position: '护理员' }));
    expect(mine.status, mine.raw).toBe(201);
    expect(mine.body.ownerScope).toMatchObject({ type: 'region', id: TOWN1 });
    const outside = await c.town.post('/api/v1/content/jobs', posting({ regionId: TOWN2_COMMUNITY }));
    expect(outside.status).toBe(400);
    expect(outside.body.errors[0]).toMatchObject({ field: 'regionId', code: 'scope' });
    const staffJob = await c.staff.post('/api/v1/content/jobs', posting({ employerName: '柳泉镇社区教育中心', position: '兼职教师' }));
    expect(staffJob.body.ownerScope).toMatchObject({ type: 'institution', name: '柳泉镇社区教育中心' });
    expect((await c.staff.post('/api/v1/content/jobs', posting({ regionId: TOWN2_COMMUNITY }))).status).toBe(400);

    const id = mine.body.id;
    expect((await c.town02.get(`/api/v1/content/jobs/${id}`)).status).toBe(404);
    expect((await c.town02.patch(`/api/v1/content/jobs/${id}`, { headcount: 9 })).status).toBe(404);
    expect((await c.town02.post(`/api/v1/content/jobs/${id}/publish`)).status).toBe(404);
    expect((await c.town02.post(`/api/v1/content/jobs/${id}/withdraw`)).status).toBe(404);
    for (const query of [`regionId=${TOWN1}`, `regionId=${TOWN1_VILLAGE}`, 'q=护理员', 'status=draft', 'expired=false', 'q=柳泉']) {
      const res = await c.town02.get(`/api/v1/content/jobs?pageSize=100&${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body.items.map((j: any) => j.id), query).not.toContain(id);
      const owners = await db().selectFrom('content_jobs' as never).select('owner_path' as never)
        .where('id' as never, 'in', res.body.items.length > 0 ? res.body.items.map((j: any) => j.id) : ['none'] as never).execute() as any[];
      for (const o of owners) expect(o.owner_path, query).toMatch(new RegExp(`^/${CITY}/${TOWN2}/`));
    }
    const townList = await c.town.get(`/api/v1/content/jobs?pageSize=100&q=护理员`);
    expect(townList.body.items.map((j: any) => j.id)).toContain(id);
    const townAll = await c.town.get('/api/v1/content/jobs?pageSize=100');
    const ownerIds = new Set(townAll.body.items.map((j: any) => j.ownerScope.id));
    expect(ownerIds.has(CITY)).toBe(false);
    // The center's posting is in the town: the town admin manages it too.
    expect(townAll.body.items.map((j: any) => j.id)).toContain(staffJob.body.id);
    // A job located in town 2 shows in town 1's list only when a unit of town 1 owns it (its partner employer).
    const locatedInTown2 = await c.town.get(`/api/v1/content/jobs?pageSize=100&regionId=${TOWN2}`);
    for (const job of locatedInTown2.body.items) expect(job).toMatchObject({ region: { townName: '石桥镇' }, ownerScope: { name: '青溪绿源食品有限公司' } });
    expect((await c.town.get('/api/v1/content/jobs?regionId=329901199000')).status).toBe(400);
  });

  it('expiry follows the clock: an expired posting leaves the open filter and cannot be republished or moved into the past', async () => {
    const today = '2026-03-02';
    clock.set('2026-03-02T01:00:00.000Z');
    const res = await c.editor.post('/api/v1/content/jobs', posting({ validUntil: '2026-03-03', position: '临时搬运工' }));
    const id = res.body.id;
    expect((await c.editor.patch(`/api/v1/content/jobs/${id}`, { validUntil: '2026-03-01' })).status).toBe(200); // a draft may hold any date
    expect((await c.editor.post(`/api/v1/content/jobs/${id}/publish`)).body.errors[0]).toMatchObject({ field: 'validUntil', code: 'past' });
    await c.editor.patch(`/api/v1/content/jobs/${id}`, { validUntil: '2026-03-03' });
    expect((await c.editor.post(`/api/v1/content/jobs/${id}/publish`)).status).toBe(200);
    expect((await c.editor.patch(`/api/v1/content/jobs/${id}`, { validUntil: '2026-03-01' })).body.errors[0]).toMatchObject({ code: 'past' });
    expect((await c.editor.patch(`/api/v1/content/jobs/${id}`, { validUntil: today })).status).toBe(200);

    // Valid through the whole local day (China time), expired the next morning. (Sessions idle out across
    // such jumps of the clock, so the editor signs in again.)
    clock.set('2026-03-02T15:59:00.000Z');
    let editor = await t.login('editor');
    expect((await editor.get(`/api/v1/content/jobs/${id}`)).body.expired).toBe(false);
    clock.set('2026-03-02T16:01:00.000Z');
    editor = await t.login('editor');
    const expired = await editor.get(`/api/v1/content/jobs/${id}`);
    expect(expired.body).toMatchObject({ expired: true, status: 'published', abilities: { publish: false, withdraw: true } });
    expect((await editor.get('/api/v1/content/jobs?expired=true&pageSize=100')).body.items.map((j: any) => j.id)).toContain(id);
    expect((await editor.get('/api/v1/content/jobs?expired=false&pageSize=100')).body.items.map((j: any) => j.id)).not.toContain(id);
    await editor.post(`/api/v1/content/jobs/${id}/withdraw`);
    expect((await editor.post(`/api/v1/content/jobs/${id}/publish`)).body.errors[0]).toMatchObject({ field: 'validUntil', code: 'past' });
    clock.set('2026-03-02T01:00:00.000Z');
    c = await loginAll(t, ['admin', 'editor', 'town', 'town02', 'staff', 'employer', 'reviewer']);
  });

  it('roles without content.job.manage are refused; reviewers too', async () => {
    expect((await c.reviewer.get('/api/v1/content/jobs')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/content/jobs')).status).toBe(401);
  });
});
