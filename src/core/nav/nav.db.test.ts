import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';

describe.each(testDialects())('portal navigation on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });

  it('a city admin renames, reorders, hides and adds links; the portal shows the result at once', async () => {
    const admin = await t.login('admin');
    const { items } = (await admin.get('/api/v1/portal/nav')).body;
    expect(items.find((i: any) => i.id === 'exams')).toMatchObject({ module: 'exams', moduleInstalled: false });
    expect(items.find((i: any) => i.id === 'documents')).toMatchObject({ module: 'content', moduleInstalled: true });
    const edited = items.map((i: any) => ({ id: i.id, labelZh: i.id === 'help' ? '办事指南' : i.labelZh, labelEn: i.labelEn, href: i.href, sort: i.id === 'help' ? 1 : i.sort, visible: i.visible }));
    edited.push({ id: 'privacy', labelZh: '隐私政策', labelEn: 'Privacy', href: '/privacy', sort: 500, visible: true });
    const res = await admin.put('/api/v1/portal/nav', { items: edited });
    expect(res.status, res.raw).toBe(200);
    const html = (await t.app.inject({ url: '/' })).body;
    expect(html.indexOf('>办事指南</a>')).toBeGreaterThan(-1);
    expect(html.indexOf('>办事指南</a>')).toBeLessThan(html.indexOf('>首页</a>'));
    expect(html).toContain('>隐私政策</a></li>');
    expect(html).toContain('>公文文档</a>');
    // Modules that are not built yet show no placeholder section.
    expect(html).not.toContain('考试报名');
  });

  it('refuses off-site links and duplicate ids, and only the city admin may edit', async () => {
    const admin = await t.login('admin');
    const bad = await admin.put('/api/v1/portal/nav', { items: [{ id: 'x', labelZh: '外链', labelEn: 'Out', href: 'https://evil.example/', sort: 1, visible: true }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('items.0.href');
    const proto = await admin.put('/api/v1/portal/nav', { items: [{ id: 'x', labelZh: '外链', labelEn: 'Out', href: '//evil.example', sort: 1, visible: true }] });
    expect(proto.status).toBe(400);
    const { items } = (await admin.get('/api/v1/portal/nav')).body;
    const plain = items.map((i: any) => ({ id: i.id, labelZh: i.labelZh, labelEn: i.labelEn, href: i.href, sort: i.sort, visible: i.visible }));
    const withoutHome = await admin.put('/api/v1/portal/nav', { items: plain.filter((i: any) => i.id !== 'home') });
    expect(withoutHome.status).toBe(400);
    expect(withoutHome.body.errors[0].code).toBe('required');
    const allHidden = await admin.put('/api/v1/portal/nav', { items: plain.map((i: any) => ({ ...i, visible: false })) });
    expect(allHidden.status).toBe(400);
    expect((await admin.get('/api/v1/portal/nav')).body.items.some((i: any) => i.id === 'home' && i.visible)).toBe(true);
    const town = await t.login('town');
    expect((await town.get('/api/v1/portal/nav')).status).toBe(403);
  });
});
