import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../../test/support/test-app.js';
import { testDialects } from '../../../../../test/support/databases.js';
import { fakeClock, type FakeClock } from '../../../../../test/support/fake-clock.js';

const TOWN1_VILLAGE = '329901101201';
const TOWN2 = '329901102000';
const TOWN2_COMMUNITY = '329901102001';
const HTML = { accept: 'text/html' };

function posting(overrides: Record<string, unknown> = {}) {
  return {
    employerName: '青溪瑞丰服饰有限公司', position: '缝纫工', headcount: 6, regionId: TOWN1_VILLAGE,
    salaryMin: 4500, salaryMax: 6000, requirements: '<h3>任职要求</h3><p>会操作平车。</p><p onmouseover="x()">计件工资。</p>',
    contact: '王女士 0519-86001234', validUntil: '2026-05-31', trainingLink: '/c/notices', ...overrides,
  };
}

/** The ids of the postings a listing page links to, in page order. */
const linkedJobs = (html: string) => [...html.matchAll(/<li><a href="\/jobs\/([0-9a-f-]{36})">/g)].map((m) => m[1]);

describe.each(testDialects())('job posting pages on %s', (kind) => {
  let t: TestApp;
  let clock: FakeClock;
  let editor: Client;
  let visitor: Client;
  const page = (url: string, headers: Record<string, string> = HTML) => visitor.request('GET', url, undefined, headers);

  async function publish(overrides: Record<string, unknown> = {}) {
    const created = await editor.post('/api/v1/content/jobs', posting(overrides));
    expect(created.status, created.raw).toBe(201);
    const published = await editor.post(`/api/v1/content/jobs/${created.body.id}/publish`);
    expect(published.status, published.raw).toBe(200);
    clock.advance(60_000);
    return created.body.id as string;
  }

  beforeAll(async () => {
    clock = fakeClock('2026-03-02T01:00:00.000Z');
    t = await createTestApp(kind, { clock });
    // The demo postings are not part of these listings: the test controls every row.
    await t.app.database.db.deleteFrom('content_jobs' as never).execute();
    editor = await t.login('editor');
    visitor = t.anonymous();
  });
  afterAll(async () => { await t.close(); });

  it('lists open postings newest first, 20 a page, each page at its own address; out-of-range pages go to the nearest', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) ids.push(await publish({ position: `缝纫工${i + 1}号岗` }));
    const draft = (await editor.post('/api/v1/content/jobs', posting({ position: '草稿岗位' }))).body.id;
    const withdrawn = await publish({ position: '已撤回岗位' });
    await editor.post(`/api/v1/content/jobs/${withdrawn}/withdraw`);
    const newestFirst = [...ids].reverse();

    const first = await page('/jobs');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/html/);
    expect(linkedJobs(first.raw)).toEqual(newestFirst.slice(0, 20));
    expect(first.raw).toContain('共 23 条，第 1/2 页');
    expect(first.raw).toContain('href="/jobs/page/2"');
    expect(first.raw).not.toContain('草稿岗位');
    expect(first.raw).not.toContain('已撤回岗位');
    const second = await page('/jobs/page/2');
    expect(linkedJobs(second.raw)).toEqual(newestFirst.slice(20));
    expect(second.raw).toContain('<link rel="canonical" href="http');
    expect(second.raw).toMatch(/<link rel="canonical" href="[^"]*\/jobs\/page\/2"/);

    expect((await page('/jobs/page/1')).headers.location).toBe('/jobs');
    const beyond = await page('/jobs/page/9');
    expect(beyond.status).toBe(302);
    expect(beyond.headers.location).toBe('/jobs/page/2');
    for (const bad of ['/jobs/page/0', '/jobs/page/abc', '/jobs/page/-1', '/jobs/page/1.5']) expect((await page(bad)).status, bad).toBe(400);
    expect((await page(`/jobs/${draft}`)).status).toBe(404);
  });

  it('narrows the list to one town (its villages included) and shows the town links', async () => {
    const inTown2 = await publish({ position: '石桥镇岗位', regionId: TOWN2_COMMUNITY });
    const all = await page('/jobs');
    expect(all.raw).toContain(`href="/jobs/town/${TOWN2}"`);
    const town2 = await page(`/jobs/town/${TOWN2}`);
    expect(town2.status).toBe(200);
    expect(linkedJobs(town2.raw)).toEqual([inTown2]);
    expect(town2.raw).toContain('石桥镇招聘信息');
    expect((await page(`/jobs/town/${TOWN2}/page/1`)).headers.location).toBe(`/jobs/town/${TOWN2}`);
    expect((await page(`/jobs/town/${TOWN2}/page/3`)).headers.location).toBe(`/jobs/town/${TOWN2}`);
    for (const unknown of ['/jobs/town/329901199000', `/jobs/town/${TOWN2_COMMUNITY}`]) {
      const res = await page(unknown);
      expect(res.status, unknown).toBe(404);
      expect(res.raw).toContain('您访问的页面不存在');
    }
  });

  it('shows a posting with its salary in yuan, sanitised requirements and JobPosting structured data, in zh-CN and en', async () => {
    const id = await publish({ position: '熨烫工', salaryMin: 4500, salaryMax: 6000 });
    const res = await page(`/jobs/${id}`);
    expect(res.status).toBe(200);
    expect(res.raw).toContain('<h1>熨烫工</h1>');
    expect(res.raw).toMatch(/发布时间：2026-03-02 09:\d\d:\d\d/);
    expect(res.raw).toContain('¥4,500–6,000/月');
    expect(res.raw).toContain('青溪瑞丰服饰有限公司');
    expect(res.raw).toContain('王女士 0519-86001234');
    expect(res.raw).toContain('<a href="/c/notices">/c/notices</a>');
    expect(res.raw).not.toContain('onmouseover');
    expect(res.raw).toContain('当前位置');
    const ld = [...res.raw.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
    const job = ld.find((d) => d['@type'] === 'JobPosting');
    expect(job).toMatchObject({
      title: '熨烫工', hiringOrganization: { name: '青溪瑞丰服饰有限公司' }, validThrough: '2026-05-31T23:59:59+08:00', totalJobOpenings: 6,
      baseSalary: { currency: 'CNY', value: { minValue: 4500, maxValue: 6000, unitText: 'MONTH' } },
      jobLocation: { address: { addressLocality: expect.stringContaining('柳泉镇'), addressCountry: 'CN' } },
    });
    expect(ld.some((d) => d['@type'] === 'BreadcrumbList')).toBe(true);

    const en = await page(`/jobs/${id}`, { ...HTML, cookie: 'lang=en' });
    expect(en.raw).toContain('¥4,500–6,000/month');
    expect(en.raw).toContain('Monthly salary');

    const negotiable = await publish({ position: '学徒', salaryMin: null, salaryMax: null });
    expect((await page(`/jobs/${negotiable}`)).raw).toContain('面议');
    const from = await publish({ position: '普工', salaryMin: 3800, salaryMax: null, trainingLink: '柳泉镇社区教育中心 缝纫培训班' });
    const fromPage = await page(`/jobs/${from}`);
    expect(fromPage.raw).toContain('¥3,800/月起');
    expect(fromPage.raw).toContain('<td>柳泉镇社区教育中心 缝纫培训班</td>');
  });

  it('an expired posting leaves the lists but keeps its page, marked 已过期; unknown, draft and withdrawn ones are a zh-CN 404 page', async () => {
    const id = await publish({ position: '季节工', validUntil: '2026-03-05' });
    expect(linkedJobs((await page('/jobs')).raw)).toContain(id);
    clock.set('2026-03-06T01:00:00.000Z');
    expect(linkedJobs((await page('/jobs')).raw)).not.toContain(id);
    const expired = await page(`/jobs/${id}`);
    expect(expired.status).toBe(200);
    expect(expired.raw).toContain('<h1>季节工（已过期）</h1>');
    expect(expired.raw).not.toContain('"JobPosting"');
    expect(expired.raw).toContain('<meta name="robots" content="noindex">');

    for (const url of ['/jobs/0190a000-0000-7000-8000-000000000000', '/jobs/not-a-job']) {
      const res = await page(url);
      expect(res.status, url).toBe(404);
      expect(res.raw).toContain('您访问的页面不存在');
      expect(res.raw).toContain('<html lang="zh-CN"');
    }
    // API clients (no Accept: text/html) get problem+json, as for every unknown address.
    expect((await visitor.get('/jobs/not-a-job')).headers['content-type']).toMatch(/problem\+json/);
    clock.set('2026-03-02T01:00:00.000Z');
  });

  it('a newly published posting shows at once, although the listing was cached for anonymous visitors', async () => {
    clock.set('2026-03-03T01:00:00.000Z');
    editor = await t.login('editor');
    const before = await page('/jobs');
    const id = await publish({ position: '新发布岗位' });
    const after = await page('/jobs');
    expect(linkedJobs(before.raw)).not.toContain(id);
    expect(linkedJobs(after.raw)[0]).toBe(id);
  });
});
