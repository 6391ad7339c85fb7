import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { fakeClock } from '../../../test/support/fake-clock.js';
import { expectNoPersonalDataLeaks } from '../../../test/support/no-leaks.js';
import { totpCodeAt } from './totp.js';

describe.each(testDialects())('auth on %s', (kind) => {
  const clock = fakeClock();
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind, { clock }); });
  afterAll(async () => { expectNoPersonalDataLeaks(t); await t.close(); });

  it('health reports the dialect', async () => {
    const res = await t.anonymous().get('/healthz');
    expect(res.body).toEqual({ status: 'ok', db: kind });
  });

  it('logs in, reads me, logs out; the old cookie is dead afterwards', async () => {
    const anon = t.anonymous();
    expect((await anon.get('/api/v1/auth/me')).status).toBe(401);
    const c = await t.login('admin');
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.roles[0].role).toBe('city_admin');
    expect(me.headers['cache-control']).toBe('no-store');
    const cookie = c.cookie;
    expect((await c.post('/api/v1/auth/logout')).status).toBe(204);
    c.cookie = cookie;
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('regenerates the session id at every login and sets a safe cookie', async () => {
    const anon = t.anonymous();
    const res = await anon.post('/api/v1/auth/login', { username: 'editor', password: 'learning-city-demo' });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const first = anon.cookie;
    await anon.post('/api/v1/auth/login', { username: 'editor', password: 'learning-city-demo' });
    expect(anon.cookie).not.toBe(first);
  });

  it('answers a wrong password, an unknown user and a locked account identically, and locks after 5 failures', async () => {
    const anon = t.anonymous();
    const strip = (b: any) => ({ ...b, instance: undefined });
    const unknown = await anon.post('/api/v1/auth/login', { username: 'nobody-here', password: 'whatever-pass' });
    const wrong = await anon.post('/api/v1/auth/login', { username: 'teacher', password: 'wrong-password' });
    expect(unknown.status).toBe(401);
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    for (let i = 0; i < 4; i++) await anon.post('/api/v1/auth/login', { username: 'teacher', password: 'wrong-password' });
    const locked = await anon.post('/api/v1/auth/login', { username: 'teacher', password: 'learning-city-demo' });
    expect(locked.status).toBe(401);
    expect(strip(locked.body)).toEqual(strip(unknown.body));
    clock.advance(30 * 60_000 + 1000);
    const after = await anon.post('/api/v1/auth/login', { username: 'teacher', password: 'learning-city-demo' });
    expect(after.status).toBe(200);
    const auditor = await t.login('auditor');
    const log = await auditor.get('/api/v1/audit?action=auth.lockout');
    expect(log.body.items.length).toBeGreaterThanOrEqual(1);
    expect(log.body.items[0].targetId).toBeTruthy();
  });

  it('expires a staff session after 30 minutes idle and 12 hours in all', async () => {
    const c = await t.login('inspector');
    clock.advance(29 * 60_000);
    expect((await c.get('/api/v1/auth/me')).status).toBe(200);
    clock.advance(30 * 60_000 + 1000);
    const expired = await c.get('/api/v1/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('auth.session_expired');
    const d = await t.login('inspector');
    for (let i = 0; i < 25; i++) {
      clock.advance(29 * 60_000);
      await d.get('/api/v1/auth/me');
    }
    expect((await d.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token, and a cross-site anonymous one', async () => {
    const c = await t.login('admin');
    const token = c.csrfToken;
    c.csrfToken = null;
    const res = await c.put('/api/v1/settings/security', { mfaRequiredRoles: [] });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.csrf');
    c.csrfToken = 'x'.repeat(token!.length);
    expect((await c.put('/api/v1/settings/security', { mfaRequiredRoles: [] })).status).toBe(403);
    const anon = t.anonymous();
    const cross = await anon.request('POST', '/api/v1/auth/login', { username: 'admin', password: 'learning-city-demo' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
  });

  it('registers a resident with a mobile number, never shows it unmasked, and lets them log in with it', async () => {
    const anon = t.anonymous();
    const res = await anon.post('/api/v1/auth/register', { phone: '13812345678', password: 'a quiet river morning', realName: '陈春花', privacyConsent: true, noticeVersion: 1 });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.user.kind).toBe('resident');
    expect(res.raw).not.toContain('13812345678');
    const again = await t.anonymous().post('/api/v1/auth/register', { phone: '13812345678', password: 'another good phrase', privacyConsent: true, noticeVersion: 1 });
    expect(again.status).toBe(409);
    await t.login('13812345678', 'a quiet river morning');
    const weak = await t.anonymous().post('/api/v1/auth/register', { username: 'weakling', password: '12345678' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].code).toBe('common');
  });

  it('changes a password only with the current one and ends the other sessions', async () => {
    await t.anonymous().post('/api/v1/auth/register', { username: 'liu.guilan', password: 'plum blossoms in spring', privacyConsent: true, noticeVersion: 1 });
    const a = await t.login('liu.guilan', 'plum blossoms in spring');
    const b = await t.login('liu.guilan', 'plum blossoms in spring');
    expect((await a.post('/api/v1/auth/password', { currentPassword: 'wrong one', newPassword: 'lanterns over the bridge' })).status).toBe(400);
    expect((await a.post('/api/v1/auth/password', { currentPassword: 'plum blossoms in spring', newPassword: 'lanterns over the bridge' })).status).toBe(204);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);
    await t.login('liu.guilan', 'lanterns over the bridge');
  });

  it('two-step login: no session before the code, a used code cannot be replayed', async () => {
    const c = await t.login('editor');
    const setup = await c.post('/api/v1/auth/mfa/setup', {});
    expect(setup.status).toBe(200);
    const secret = setup.body.secret as string;
    expect((await c.post('/api/v1/auth/mfa/enable', { code: totpCodeAt(secret, clock.now()) })).status).toBe(204);
    clock.advance(60_000);
    const anon = t.anonymous();
    const first = await anon.post('/api/v1/auth/login', { username: 'editor', password: 'learning-city-demo' });
    expect(first.body).toEqual({ mfaRequired: true, ticket: expect.any(String) });
    expect(first.headers['set-cookie']).toBeUndefined();
    const wrong = await anon.post('/api/v1/auth/login/mfa', { ticket: first.body.ticket, code: '000000' === totpCodeAt(secret, clock.now()) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    const code = totpCodeAt(secret, clock.now());
    const ok = await anon.post('/api/v1/auth/login/mfa', { ticket: first.body.ticket, code });
    expect(ok.status).toBe(200);
    const second = await t.anonymous().post('/api/v1/auth/login', { username: 'editor', password: 'learning-city-demo' });
    const replay = await t.anonymous().post('/api/v1/auth/login/mfa', { ticket: second.body.ticket, code });
    expect(replay.status).toBe(401);
  });

  it('a city admin can make two-step login mandatory for a role; such users must enrol before anything else', async () => {
    const admin = await t.login('admin');
    expect((await admin.put('/api/v1/settings/security', { mfaRequiredRoles: ['town_admin'] })).status).toBe(200);
    const town = await t.login('town');
    const me = await town.get('/api/v1/auth/me');
    expect(me.body.user.mfaSetupRequired).toBe(true);
    const blocked = await town.get('/api/v1/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('auth.setup_required');
    expect((await admin.put('/api/v1/settings/security', { mfaRequiredRoles: [] })).status).toBe(200);
    expect((await town.get('/api/v1/users')).status).toBe(200);
  });

  it('lists my sessions and ends another one of mine, but never someone else\'s', async () => {
    const laptop = await t.login('staff');
    const phone = await t.login('staff');
    const list = await laptop.get('/api/v1/auth/sessions');
    expect(list.body.items.length).toBeGreaterThanOrEqual(2);
    const other = list.body.items.find((s: any) => !s.current);
    expect(JSON.stringify(list.body)).not.toContain(laptop.cookie!);
    const stranger = await t.login('town');
    expect((await stranger.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(404);
    expect((await laptop.delete(`/api/v1/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('guessing the password inside a stolen session locks the account and ends its sessions', async () => {
    await t.anonymous().post('/api/v1/auth/register', { username: 'guess.target', password: 'a lantern by the gate', privacyConsent: true, noticeVersion: 1 });
    const stolen = await t.login('guess.target', 'a lantern by the gate');
    for (let i = 0; i < 4; i++) expect((await stolen.post('/api/v1/auth/export', { password: `guess ${i}` })).status).toBe(400);
    expect((await stolen.post('/api/v1/auth/password', { currentPassword: 'guess 5', newPassword: 'taken over now!' })).status).toBe(400);
    expect((await stolen.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.anonymous().post('/api/v1/auth/login', { username: 'guess.target', password: 'a lantern by the gate' })).status).toBe(401);
    const auditor = await t.login('auditor');
    const failures = (await auditor.get('/api/v1/audit?action=auth.reauthenticate')).body.items.filter((e: any) => e.actorName === 'guess.target');
    expect(failures).toHaveLength(5);
  });

  it('one address that fails 20 logins in 15 minutes, over any accounts, must wait (429), others are unaffected', async () => {
    const from = (remoteAddress: string, username: string, password: string) => t.app.inject({
      method: 'POST', url: '/api/v1/auth/login', remoteAddress, payload: { username, password },
    });
    for (let i = 0; i < 20; i++) expect((await from('203.0.113.9', `resident${String((i % 20) + 1).padStart(2, '0')}`, 'spray-attempt')).statusCode).toBe(401);
    const blocked = await from('203.0.113.9', 'resident', 'learning-city-demo');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('request.rate_limited');
    expect((await from('198.51.100.4', 'resident', 'learning-city-demo')).statusCode).toBe(200);
    clock.advance(15 * 60_000 + 1000);
    expect((await from('203.0.113.9', 'resident', 'learning-city-demo')).statusCode).toBe(200);
  });
});
