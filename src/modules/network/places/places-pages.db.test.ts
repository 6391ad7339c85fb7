import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';

const [TOWN1, TOWN2] = TOWN_IDS;
const VILLAGE1 = '329901101001';

describe.each(testDialects())('learning places pages on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html', ...headers } });
  const links = (html: string) => [...html.matchAll(/href="\/places\/([0-9a-f-]+)"/g)].map((m) => m[1]);

  it('/places lists every active network institution by town and kind, without the employer', async () => {
    const res = await get('/places');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(new Set(links(res.body)).size).toBe(8 * 7);
    expect(res.body).toContain('<h2 id="town-329901101000">柳泉镇</h2>');
    expect(res.body).toContain('<h3>社区教育中心</h3>');
    expect(res.body).toContain('<h3>老年学校</h3>');
    expect(res.body).not.toContain('青溪绿源食品有限公司');
    expect(res.body).toContain('当前位置');
    expect(res.body).toContain('href="/places"'); // the navigation links here
    expect(res.body).toMatch(/<link rel="canonical" href="[^"]*\/places">/);
  });

  it('filters by town, village and kind through GET parameters; odd combinations get one stable URL', async () => {
    const town = await get(`/places?town=${TOWN2}`);
    expect(town.statusCode).toBe(200);
    expect(new Set(links(town.body)).size).toBe(7);
    expect(town.body).toContain('noindex');
    const village = await get(`/places?town=${TOWN1}&village=${VILLAGE1}`);
    expect(new Set(links(village.body)).size).toBe(1);
    expect(village.body).toMatch(/<option value="329901101001" selected>/);
    const seniors = await get('/places?kind=seniors_school');
    expect(new Set(links(seniors.body)).size).toBe(8);
    const villageOnly = await get(`/places?village=${VILLAGE1}`);
    expect(villageOnly.statusCode).toBe(302);
    expect(villageOnly.headers.location).toBe(`/places?town=${TOWN1}&village=${VILLAGE1}`);
    const mismatch = await get(`/places?town=${TOWN2}&village=${VILLAGE1}&kind=citizen_school`);
    expect(mismatch.headers.location).toBe(`/places?town=${TOWN2}&kind=citizen_school`);
    for (const junk of ['/places?town=abc', '/places?town=329901199000', '/places?kind=wizard', `/places?village=${TOWN1}`, '/places?town=%00']) {
      expect((await get(junk)).statusCode, junk).toBe(400);
    }
  });

  it('/places/<id> shows address, hours, contact, accreditation, description and the places the center coordinates', async () => {
    const center = await centerOf(t, TOWN1);
    const res = await get(`/places/${center.id}`);
    expect(res.statusCode).toBe(200);
    for (const text of ['柳泉镇社区教育中心', '开放时间', '周一至周五', '联系电话', '0571-', '等级评定', '省级（', '本中心统筹的学习场所', '柳泉镇老年学校', 'EducationalOrganization']) {
      expect(res.body, text).toContain(text);
    }
    const seniorsId = links(res.body).find((id) => id !== center.id)!;
    const member = await get(`/places/${seniorsId}`);
    expect(member.body).toContain('所属中心');
    expect(member.body).toContain(`href="/places/${center.id}"`);
    const en = await get(`/places/${center.id}`, { cookie: 'lang=en', 'accept-language': 'en' });
    expect(en.statusCode).toBe(200);
  });

  it('unknown, malformed and retired places answer the zh-CN 404 page; changes show on the page at once', async () => {
    expect((await get('/places/00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const bad = await get('/places/%3Cscript%3E');
    expect(bad.statusCode).toBe(404);
    expect(bad.body).toContain('您访问的页面不存在');

    const town = await t.login('town');
    const center = await centerOf(t, TOWN1);
    const made = (await town.post('/api/v1/network/institutions', { name: '柳泉镇文体中心', tier: 'base', kind: 'culture_sports_venue', regionId: TOWN1,
      parentCenterId: center.id, address: '柳泉镇体育路 1 号' })).body;
    expect((await get('/places')).body).toContain('柳泉镇文体中心');
    expect((await get(`/places/${made.id}`)).statusCode).toBe(200);
    await town.post(`/api/v1/network/institutions/${made.id}/retire`, { version: made.version });
    expect((await get(`/places/${made.id}`)).statusCode).toBe(404);
    expect((await get('/places')).body).not.toContain('柳泉镇文体中心');
  });
});
