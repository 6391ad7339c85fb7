import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { fakeClock } from '../../../test/support/fake-clock.js';
import { cookies, form, FORM, idNumberFor } from '../../../test/support/form-post.js';
import { currentNotice } from './privacy-notice.js';
import { consentDb } from './consent-schema.js';
import { isMinorAccount } from './consent-repository.js';

const idNumber = (birth: string, seq: string) => idNumberFor(birth, seq, '330102');

const PASSWORD = 'reeds along the quiet canal';
const VERSION = currentNotice().version;
const accepted = { privacyConsent: true, noticeVersion: VERSION };
const guardian = { name: '周建华', relation: 'mother', phone: '13900139000', consent: true };

describe.each(testDialects())('privacy notice, consent and minors on %s', (kind) => {
  const clock = fakeClock();
  let t: TestApp;
  const db = () => consentDb(t.app.core);
  const count = async (table: 'users' | 'consents' | 'consent_guardians') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const userRow = (username: string) => db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const consentsOf = (userId: string) => db().selectFrom('consents').selectAll().where('user_id', '=', userId).orderBy('purpose').execute();

  async function register(body: Record<string, unknown>) {
    const client = t.anonymous();
    const res = await client.post('/api/v1/auth/register', { password: PASSWORD, ...body });
    return { res, client };
  }
  /** A request must change nothing: the same number of accounts and consent rows before and after. */
  async function expectNothingWritten(run: () => Promise<void>) {
    const before = await Promise.all([count('users'), count('consents'), count('consent_guardians')]);
    await run();
    expect(await Promise.all([count('users'), count('consents'), count('consent_guardians')])).toEqual(before);
  }

  beforeAll(async () => { t = await createTestApp(kind, { clock }); });
  afterAll(async () => { await t.close(); });

  it('refuses a sign-up without the privacy notice box, or for a notice version that is not in force; nothing is written', async () => {
    await expectNothingWritten(async () => {
      const none = await register({ username: 'no.consent' });
      expect(none.res.status).toBe(400);
      expect(none.res.body.errors).toEqual([expect.objectContaining({ field: 'privacyConsent', code: 'required' })]);
      expect(none.res.body.errors[0].message['zh-CN']).toContain('个人信息保护政策');
      const unticked = await register({ username: 'no.consent', privacyConsent: false, noticeVersion: VERSION });
      expect(unticked.res.status).toBe(400);
      const stale = await register({ username: 'no.consent', privacyConsent: true, noticeVersion: VERSION + 1 });
      expect(stale.res.status).toBe(400);
      expect(stale.res.body.errors[0].code).toBe('outdated');
    });
    expect(await userRow('no.consent')).toBeUndefined();
  });

  it('records the accepted notice version, the time and the channel', async () => {
    const { res } = await register({ username: 'with.consent', ...accepted });
    expect(res.status, res.raw).toBe(201);
    const user = (await userRow('with.consent'))!;
    expect(await consentsOf(user.id)).toEqual([expect.objectContaining({
      purpose: 'privacy_notice', notice_version: VERSION, channel: 'api', given_at: clock.now().toISOString(), withdrawn_at: null,
    })]);
    const audit = await db().selectFrom('audit_log').select('after_json').where('action', '=', 'user.register').where('target_id', '=', user.id).executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ noticeVersion: VERSION, consents: ['privacy_notice'], channel: 'api' });
  });

  it('an ID number needs the separate sensitive-PI consent; with it both consents are stored', async () => {
    const id = idNumber('1958-06-01', '512');
    await expectNothingWritten(async () => {
      const { res } = await register({ username: 'id.no.box', idNumber: id, ...accepted });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'sensitiveConsent', code: 'required' })]);
    });
    const { res, client } = await register({ username: 'id.with.box', idNumber: id, ...accepted, sensitivePiConsent: true });
    expect(res.status, res.raw).toBe(201);
    const user = (await userRow('id.with.box'))!;
    expect((await consentsOf(user.id)).map((c) => [c.purpose, c.notice_version])).toEqual([['privacy_notice', VERSION], ['sensitive_pi', VERSION]]);
    const mine = await client.get('/api/v1/auth/consents');
    expect(mine.body).toMatchObject({ currentNoticeVersion: VERSION, noticePending: false, sensitiveActive: true, minor: null });
  });

  it('a child under 14 (birth date from the ID number) needs a guardian; the account is flagged as a minor\'s', async () => {
    const id = idNumber('2016-05-01', '336');
    await expectNothingWritten(async () => {
      const { res } = await register({ username: 'child.alone', idNumber: id, ...accepted, sensitivePiConsent: true });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toEqual(['guardian', 'guardianName', 'guardianRelation', 'guardianPhone', 'guardianConsent']);
      const unticked = await register({ username: 'child.alone', idNumber: id, ...accepted, sensitivePiConsent: true, guardian: { ...guardian, consent: false } });
      expect(unticked.res.status).toBe(400);
      expect(unticked.res.body.errors.map((e: any) => e.field)).toEqual(['guardian', 'guardianConsent']);
    });
    const { res, client } = await register({ username: 'child.with.guardian', idNumber: id, ...accepted, sensitivePiConsent: true, guardian });
    expect(res.status, res.raw).toBe(201);
    const user = (await userRow('child.with.guardian'))!;
    expect((await consentsOf(user.id)).map((c) => c.purpose)).toEqual(['guardian', 'privacy_notice', 'sensitive_pi']);
    const row = await db().selectFrom('consent_guardians').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ guardian_name: '周建华', guardian_relation: 'mother', minor_until: '2030-05-01' });
    expect(row.guardian_phone_enc).not.toContain('13900139000');
    expect(t.app.core.fieldCrypto.decrypt(row.guardian_phone_enc)).toBe('13900139000');
    expect(await isMinorAccount(db(), user.id, '2030-04-30')).toBe(true);
    expect(await isMinorAccount(db(), user.id, '2030-05-01')).toBe(false);
    const mine = await client.get('/api/v1/auth/consents');
    expect(mine.body.minor).toEqual({ until: '2030-05-01', guardianName: '周**', relation: 'mother' });
  });

  it('a declared birth date under 14 needs the guardian too', async () => {
    await expectNothingWritten(async () => {
      const { res } = await register({ username: 'child.declared', birthDate: '2015-12-24', ...accepted });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('guardian');
    });
    expect((await register({ username: 'child.declared', birthDate: '2015-12-24', ...accepted, guardian })).res.status).toBe(201);
  });

  it('fc: around the 14th birthday by the injected clock, exactly the younger ones are asked for a guardian', async () => {
    const saved = clock.now().toISOString();
    let n = 0;
    try {
      await fc.assert(fc.asyncProperty(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2011, 11, 31)), noInvalidDate: true }), fc.integer({ min: -2, max: 2 }), async (birthDate, offset) => {
        const birth = birthDate.toISOString().slice(0, 10);
        const [y, m, d] = birth.split('-').map(Number);
        // 09:00 in China on the day `offset` days from the 14th birthday (Date.UTC turns 29 Feb of a common year into 1 Mar).
        clock.set(new Date(Date.UTC(y + 14, m - 1, d + offset, 1)).toISOString());
        n += 1;
        const { res } = await register({ username: `fc.minor.${n}`, idNumber: idNumber(birth, String(100 + n).slice(-3)), ...accepted, sensitivePiConsent: true });
        if (offset < 0) {
          expect(res.status, `${birth} at ${clock.now().toISOString()}`).toBe(400);
          expect(res.body.errors[0].field).toBe('guardian');
        } else {
          expect(res.status, `${birth} at ${clock.now().toISOString()}: ${res.raw}`).toBe(201);
        }
      }), { numRuns: 12 });
    } finally {
      clock.set(saved);
    }
  });

  it('the sign-up form: unticked boxes, a clear zh-CN message without the notice box, and channel web with it', async () => {
    const page = await t.app.inject({ url: '/register' });
    expect(page.body).toContain(`name="noticeVersion" value="${VERSION}"`);
    expect(page.body).toMatch(/<input type="checkbox" id="privacyConsent" name="privacyConsent" value="1"(?![^>]*checked)/);
    expect(page.body).toMatch(/<input type="checkbox" id="sensitiveConsent" name="sensitiveConsent" value="1"(?![^>]*checked)/);
    expect(page.body).toContain(`href="/privacy?version=${VERSION}"`);
    const anon = cookies(page.headers['set-cookie']).lc_csrf;
    const headers = { 'content-type': FORM, cookie: `lc_csrf=${anon}` };
    const base = { _csrf: anon, username: 'form.resident', phone: '', password: PASSWORD, realName: '', noticeVersion: String(VERSION) };
    await expectNothingWritten(async () => {
      const refused = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form(base) });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('请阅读《个人信息保护政策》，并勾选同意后再注册。');
      const id = idNumber('1961-03-15', '733');
      const noBox = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ ...base, privacyConsent: '1', idNumber: id }) });
      expect(noBox.statusCode).toBe(400);
      expect(noBox.body).toContain('须单独勾选同意处理身份证号码');
      expect(noBox.body).not.toContain(id);
      const child = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ ...base, privacyConsent: '1', birthDate: '2017-01-09', guardianName: '王海', guardianRelation: 'father', guardianPhone: '13700137000' }) });
      expect(child.statusCode).toBe(400);
      expect(child.body).toContain('须由监护人勾选同意。');
      expect(child.body).toContain('<details class="field" open');
      expect(child.body).toContain('value="王海"');
    });
    const ok = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ ...base, privacyConsent: '1' }) });
    expect(ok.statusCode, ok.body).toBe(303);
    const user = (await userRow('form.resident'))!;
    expect((await consentsOf(user.id)).map((c) => [c.purpose, c.channel])).toEqual([['privacy_notice', 'web']]);
  });

  it('withdrawing the ID-number consent on /account erases the number, keeps the birth date, and is audited', async () => {
    const id = idNumber('1955-10-20', '218');
    const { res, client } = await register({ username: 'withdraws', idNumber: id, ...accepted, sensitivePiConsent: true });
    expect(res.status).toBe(201);
    const user = (await userRow('withdraws'))!;
    expect(user.id_number_enc).not.toBeNull();
    const cookie = `lc_session=${client.cookie}`;
    const account = await t.app.inject({ url: '/account', headers: { cookie } });
    expect(account.body).toContain('处理身份证号码（敏感个人信息）');
    expect(account.body).toContain('href="/account/consents/withdraw"');
    const confirm = await t.app.inject({ url: '/account/consents/withdraw', headers: { cookie } });
    expect(confirm.body).toContain('不能再用身份证号码查找您的账户');
    expect(confirm.body).toContain('1955-10-20');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(confirm.body)![1];
    const done = await t.app.inject({ method: 'POST', url: '/account/consents/withdraw', headers: { cookie, 'content-type': FORM }, payload: form({ _csrf: csrf }) });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account?consent=withdrawn#consents');
    const after = (await userRow('withdraws'))!;
    expect([after.id_number_enc, after.id_number_hash, after.birth_date]).toEqual([null, null, '1955-10-20']);
    const sensitive = (await consentsOf(user.id)).find((c) => c.purpose === 'sensitive_pi')!;
    expect(sensitive.withdrawn_at).toBe(clock.now().toISOString());
    const page = await t.app.inject({ url: '/account?consent=withdrawn', headers: { cookie } });
    expect(page.body).toContain('已撤回身份证号码授权');
    expect(page.body).not.toContain('href="/account/consents/withdraw"');
    const auditor = await t.login('auditor');
    const log = await auditor.get(`/api/v1/audit?action=consent.withdraw`);
    expect(log.body.items).toEqual([expect.objectContaining({ action: 'consent.withdraw', targetId: user.id, actorId: user.id })]);
    // Nothing left to withdraw: the API answers 409 and writes nothing.
    await expectNothingWritten(async () => {
      expect((await client.post('/api/v1/auth/consents/sensitive-pi/withdraw', {})).status).toBe(409);
    });
  });

  it('an ID number added later on the profile needs the same separate consent (again after a withdrawal); a child\'s birth date is refused', async () => {
    const { res, client } = await register({ username: 'adds.id.later', ...accepted });
    expect(res.status, res.raw).toBe(201);
    const user = (await userRow('adds.id.later'))!;
    const id = idNumber('1961-03-09', '437');
    const put = (body: Record<string, unknown>) => client.request('PUT', '/api/v1/auth/profile', { currentPassword: PASSWORD, ...body });
    await expectNothingWritten(async () => {
      const refused = await put({ idNumber: id });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'sensitiveConsent', code: 'required' })]);
    });
    expect((await userRow('adds.id.later'))!.id_number_enc).toBeNull();
    const saved = await put({ idNumber: id, sensitivePiConsent: true });
    expect(saved.status, saved.raw).toBe(200);
    expect((await consentsOf(user.id)).map((c) => [c.purpose, c.channel, c.withdrawn_at])).toEqual([['privacy_notice', 'api', null], ['sensitive_pi', 'api', null]]);
    // Withdrawn, the number is gone; entering it again asks for a new consent and records one.
    expect((await client.post('/api/v1/auth/consents/sensitive-pi/withdraw', {})).status).toBe(204);
    expect((await put({ idNumber: id })).status).toBe(400);
    expect((await put({ idNumber: id, sensitivePiConsent: true })).status).toBe(200);
    expect((await consentsOf(user.id)).filter((c) => c.purpose === 'sensitive_pi').map((c) => c.withdrawn_at === null)).toEqual([false, true]);
    // A birth date that makes the account a child's cannot be entered without a guardian's consent.
    const { client: adult } = await register({ username: 'claims.child', ...accepted });
    const before = (await userRow('claims.child'))!;
    const child = await adult.request('PUT', '/api/v1/auth/profile', { birthDate: '2018-02-02' });
    expect(child.status).toBe(400);
    expect(child.body.errors).toEqual([expect.objectContaining({ field: 'birthDate', code: 'guardian' })]);
    expect((await userRow('claims.child'))!.birth_date).toBe(before.birth_date);
  });

  it('the own-data export carries the consent records and the guardian', async () => {
    const { client } = await register({ username: 'exports', birthDate: '2016-08-08', ...accepted, guardian });
    const res = await client.request('POST', '/api/v1/auth/export', { password: PASSWORD });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.consents.records).toEqual(expect.arrayContaining([
      { purpose: 'privacy_notice', noticeVersion: VERSION, channel: 'api', givenAt: clock.now().toISOString(), withdrawnAt: null },
      { purpose: 'guardian', noticeVersion: VERSION, channel: 'api', givenAt: clock.now().toISOString(), withdrawnAt: null },
    ]));
    expect(res.body.consents.guardian).toMatchObject({ name: '周建华', relation: 'mother', phone: '13900139000', minorUntil: '2030-08-08' });
  });

  it('/privacy shows the version and date; an unknown version is a 404; the JSON notice answers in the reader\'s language', async () => {
    const page = await t.app.inject({ url: '/privacy' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('个人信息保护政策');
    expect(page.body).toContain(`第 ${VERSION} 版，${currentNotice().effectiveOn} 起施行`);
    expect(page.body).toContain('敏感个人信息');
    expect((await t.app.inject({ url: `/privacy?version=${VERSION}` })).body).toContain(`第 ${VERSION} 版`);
    expect((await t.app.inject({ url: '/privacy?version=999' })).statusCode).toBe(404);
    const en = await t.anonymous().request('GET', '/api/v1/privacy/notice', undefined, { cookie: 'lang=en' });
    expect(en.body).toMatchObject({ version: VERSION, current: true, title: 'Privacy notice' });
    expect(en.body.sections.length).toBeGreaterThanOrEqual(10);
    expect((await t.anonymous().get('/api/v1/privacy/notice?version=999')).status).toBe(404);
  });
});
