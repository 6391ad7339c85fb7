import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { userIdOf } from '../../../test/support/demo-roles.js';
import { FORM } from '../../../test/support/form-post.js';
import { consentDb } from './consent-schema.js';
import type { PrivacyNoticeVersion } from './privacy-notice-texts.js';

// This file publishes a second version of the notice: the list is append-only, so "a new version" is one more entry.
vi.mock('./privacy-notice-texts.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./privacy-notice-texts.js')>();
  const first = original.PRIVACY_NOTICE_VERSIONS[0];
  const second: PrivacyNoticeVersion = {
    ...first, version: first.version + 1, effectiveOn: '2027-01-01',
    changes: { 'zh-CN': '新增：短信服务提供者的名称。', en: 'Added: the name of the SMS provider.' },
  };
  return { ...original, PRIVACY_NOTICE_VERSIONS: [first, second] };
});

const HTML = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-dest': 'document' };

describe.each(testDialects())('a new privacy notice version on %s', (kind) => {
  let t: TestApp;
  let residentId: string;
  let cookie: string;
  const db = () => consentDb(t.app.core);

  beforeAll(async () => {
    t = await createTestApp(kind);
    residentId = await userIdOf(t, 'resident');
    // The demo resident accepted version 1 before version 2 was published.
    await db().updateTable('consents').set({ notice_version: 1 }).where('user_id', '=', residentId).execute();
    cookie = `lc_session=${(await t.login('resident')).cookie}`;
  });
  afterAll(async () => { await t.close(); });

  it('the current version is 2; version 1 stays readable and says it is no longer in force', async () => {
    const current = await t.app.inject({ url: '/privacy' });
    expect(current.body).toContain('第 2 版，2027-01-01 起施行');
    const old = await t.app.inject({ url: '/privacy?version=1' });
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('这是已失效的旧版本。');
    expect(old.body).toContain('<meta name="robots" content="noindex">');
  });

  it('public reading is never interrupted, and a page view of the resident is sent once to the update page', async () => {
    expect((await t.app.inject({ url: '/', headers: HTML })).statusCode).toBe(200);
    // Scripts, images and API calls are not page views.
    expect((await t.app.inject({ url: '/account', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/privacy', headers: { ...HTML, cookie } })).statusCode).toBe(200);
    const sent = await t.app.inject({ url: '/account', headers: { ...HTML, cookie } });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/privacy/update?back=%2Faccount');
    const update = await t.app.inject({ url: sent.headers.location as string, headers: { ...HTML, cookie } });
    expect(update.statusCode).toBe(200);
    expect(update.body).toContain('新增：短信服务提供者的名称。');
    expect(update.body).toContain('href="/account">以后再说');
    const asked = /privacy_asked=(\d+)/.exec(String(update.headers['set-cookie']))![1];
    expect(asked).toBe('2');
    // Asked once: "not now" leads on, and the account page keeps the request visible.
    const later = await t.app.inject({ url: '/account', headers: { ...HTML, cookie: `${cookie}; privacy_asked=2` } });
    expect(later.statusCode).toBe(200);
    expect(later.body).toContain('《个人信息保护政策》已更新为第 2 版，请阅读并确认。');
  });

  it('the old version cannot be accepted; accepting version 2 records it once and ends the prompt', async () => {
    const page = await t.app.inject({ url: '/privacy/update?back=%2Fclasses', headers: { ...HTML, cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
    const post = (version: string) => t.app.inject({ method: 'POST', url: '/privacy/accept', headers: { cookie, 'content-type': FORM },
      payload: new URLSearchParams({ _csrf: csrf, version, back: '/classes' }).toString() });
    const stale = await post('1');
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('《个人信息保护政策》已更新，请阅读最新版本后重新勾选同意。');
    const ok = await post('2');
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/classes');
    expect(await post('2').then((r) => r.statusCode)).toBe(303);
    const rows = await db().selectFrom('consents').selectAll().where('user_id', '=', residentId).orderBy('notice_version').execute();
    expect(rows.map((r) => [r.notice_version, r.channel])).toEqual([[1, 'demo'], [2, 'web']]);
    const audit = await db().selectFrom('audit_log').select('after_json').where('action', '=', 'consent.give').where('target_id', '=', residentId).execute();
    expect(audit.map((a) => JSON.parse(a.after_json!))).toEqual([{ purpose: 'privacy_notice', noticeVersion: 2, channel: 'web' }]);
    const account = await t.app.inject({ url: '/account', headers: { ...HTML, cookie } });
    expect(account.statusCode).toBe(200);
    expect(account.body).not.toContain('请阅读并确认');
  });

  it('the JSON API: pending until accepted, version 1 refused, and sign-up needs version 2', async () => {
    const r = await t.login('resident01');
    expect((await r.get('/api/v1/auth/consents')).body).toMatchObject({ noticePending: false });
    await db().updateTable('consents').set({ notice_version: 1 }).where('user_id', '=', await userIdOf(t, 'resident01')).execute();
    expect((await r.get('/api/v1/auth/consents')).body).toMatchObject({ noticePending: true, currentNoticeVersion: 2 });
    expect((await r.post('/api/v1/auth/consents/notice', { version: 1 })).status).toBe(400);
    expect((await r.post('/api/v1/auth/consents/notice', { version: 2 })).body).toEqual({ recorded: true, version: 2 });
    expect((await r.get('/api/v1/auth/consents')).body).toMatchObject({ noticePending: false });
    const signUp = (noticeVersion: number) => t.anonymous().post('/api/v1/auth/register', { username: `v${noticeVersion}.reader`, password: 'reeds along the quiet canal', privacyConsent: true, noticeVersion });
    expect((await signUp(1)).status).toBe(400);
    expect((await signUp(2)).status).toBe(201);
  });
});
