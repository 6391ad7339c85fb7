import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/databases.js';
import { cookies, form } from '../../test/support/form-post.js';


describe.each(testDialects())('public portal on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });

  it('serves the shell: zh-CN, skip link, navigation from the database without sections of missing modules, footer', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(html).toContain('<a class="skip-link" href="#main">');
    expect(html).toContain('青溪市学习型城市');
    expect(html).toContain('>首页</a>');
    expect(html).toContain('>使用帮助</a>');
    expect(html).toContain('>公文文档</a>'); // the content module is installed
    expect(html).toContain('>课程报名</a>'); // and learning, with its online courses
    expect(html).toContain('>网络课程</a>');
    expect(html).not.toContain('考试报名'); // the exams module is not
    expect(html).not.toContain('成绩查询');
    expect(html).toContain('<main id="main"');
    expect(html).toContain('href="/login"'); // the home page logs in to /account
    expect((await t.app.inject({ url: '/places' })).body).toContain('href="/login?back=%2Fplaces"'); // other pages come back
    expect(html).toContain('<footer>');
    expect(html).toContain('8 个镇、40 个村（社区）');
    expect(html).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1">/);
  });

  it('care mode is a plain link that works without JavaScript and persists in a cookie', async () => {
    const page = await t.app.inject({ url: '/help' });
    expect(page.headers['set-cookie']).toBeUndefined(); // ordinary pages are the same for every visitor
    expect(page.body).toContain('href="/care-mode?on=1&amp;back=%2Fhelp"');
    const res = await t.app.inject({ url: '/care-mode?on=1&back=%2Fhelp' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/help');
    expect(cookies(res.headers['set-cookie']).care).toBe('1');
    const cared = await t.app.inject({ url: '/help', headers: { cookie: 'care=1' } });
    expect(cared.body).toContain('<html lang="zh-CN" class="care">');
    expect(cared.body).toContain('href="/care-mode?on=0&amp;back=%2Fhelp"');
    const evil = await t.app.inject({ url: '/care-mode?on=1&back=%2F%2Fevil.example%2F' });
    expect(evil.headers.location).toBe('/');
  });

  it('anonymous pages are cached per language and mode, never across a logged-in visitor', async () => {
    const a = await t.app.inject({ url: '/' });
    const b = await t.app.inject({ url: '/' });
    expect(b.body).toBe(a.body);
    const en = await t.app.inject({ url: '/', headers: { cookie: 'lang=en' } });
    expect(en.body).toContain('<html lang="en">');
    const resident = await t.login('resident');
    const mine = await t.app.inject({ url: '/', headers: { cookie: `lc_session=${resident.cookie}` } });
    expect(mine.body).toContain('王秀英');
    expect((await t.app.inject({ url: '/' })).body).not.toContain('王秀英');
  });

  it('a resident registers, lands on their account, logs out and logs in again through the forms', async () => {
    const page = await t.app.inject({ url: '/register' });
    const anon = cookies(page.headers['set-cookie']).lc_csrf;
    expect(page.body).toContain(`name="_csrf" value="${anon}"`);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie: `lc_csrf=${anon}` };
    const forged = await t.app.inject({ method: 'POST', url: '/register', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: form({ username: 'forged', phone: '', password: 'morning tea by the lake', realName: '' }) });
    expect(forged.statusCode).toBe(403);
    const weak = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ _csrf: anon, username: 'zhao.chunhua', phone: '', password: '123456', realName: '' }) });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('密码至少 8 位');
    expect(weak.body).toContain('value="zhao.chunhua"');
    const ok = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ _csrf: anon, username: 'zhao.chunhua', phone: '', password: 'morning tea by the lake', realName: '赵春花', noticeVersion: '1', privacyConsent: '1' }) });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/account');
    const session = cookies(ok.headers['set-cookie']).lc_session;
    const account = await t.app.inject({ url: '/account', headers: { cookie: `lc_session=${session}` } });
    expect(account.body).toContain('赵春花');
    expect(account.headers['cache-control']).toBe('no-store');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1];
    const out = await t.app.inject({ method: 'POST', url: '/logout', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `lc_session=${session}` }, payload: form({ _csrf: csrf }) });
    expect(out.statusCode).toBe(303);
    expect((await t.app.inject({ url: '/account', headers: { cookie: `lc_session=${session}` } })).headers.location).toBe('/login');
    const wrong = await t.app.inject({ method: 'POST', url: '/login', headers, payload: form({ _csrf: anon, username: 'zhao.chunhua', password: 'not it at all' }) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('用户名或密码错误');
    const login = await t.app.inject({ method: 'POST', url: '/login', headers, payload: form({ _csrf: anon, username: 'zhao.chunhua', password: 'morning tea by the lake' }) });
    expect(login.statusCode).toBe(303);
  });

  it('a resident downloads their own data from the account page after re-entering the password', async () => {
    const resident = await t.login('resident01');
    const cookie = `lc_session=${resident.cookie}`;
    const account = await t.app.inject({ url: '/account', headers: { cookie } });
    expect(account.body).toContain('导出我的数据');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(account.body)![1];
    const headers = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    const wrong = await t.app.inject({ method: 'POST', url: '/account/export', headers, payload: form({ _csrf: csrf, exportPassword: 'not my password' }) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('当前密码不正确');
    const ok = await t.app.inject({ method: 'POST', url: '/account/export', headers, payload: form({ _csrf: csrf, exportPassword: 'learning-city-demo' }) });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-disposition']).toBe('attachment; filename="learning-city-resident01.json"');
    const data = JSON.parse(ok.body);
    expect(data.account.username).toBe('resident01');
    expect(data.account.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(data.activity.some((a: any) => a.action === 'auth.login')).toBe(true);
  });

  it('switches to English and shows a friendly 404 page to browsers, problem+json to API clients', async () => {
    const lang = await t.app.inject({ url: '/lang/en?back=/help' });
    expect(cookies(lang.headers['set-cookie']).lang).toBe('en');
    const en = await t.app.inject({ url: '/help', headers: { cookie: 'lang=en' } });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Care mode');
    const page = await t.app.inject({ url: '/no/such/page', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('您访问的页面不存在');
    const api = await t.app.inject({ url: '/api/v1/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});

describe('back office assets', () => {
  it('a missing bundle file is a 404, while client routes fall back to index.html', async () => {
    const t = await createTestApp('sqlite');
    try {
      const missing = await t.app.inject({ url: '/admin/assets/no-such-chunk.js' });
      expect(missing.statusCode).toBe(404);
      const route = await t.app.inject({ url: '/admin/users' });
      expect(route.statusCode).toBe(200);
      expect(route.headers['content-type']).toMatch(/text\/html/);
    } finally {
      await t.close();
    }
  });
});
