import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { TOWN_IDS } from '../../../test/support/demo-roles.js';
import { cookies, form, FORM, idNumberFor } from '../../../test/support/form-post.js';

/** A checksum-valid ID number for a birth date and a 3-digit sequence. */
const idNumber = (birth: string, seq: string) => idNumberFor(birth, seq);

/** The same number with a wrong check character. */
function withBadCheck(id: string): string {
  return id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
}


describe.each(testDialects())('residents\' profile: ID number, birth date and home village on %s', (kind) => {
  let t: TestApp;
  let towns: { id: string; name: string; path: string; villages: { id: string; name: string; path: string }[] }[];

  const db = () => t.app.core.db;
  const userRow = (username: string) => db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const userCount = async () => Number((await db().selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const auditOf = (targetId: string, action: string) => db().selectFrom('audit_log').selectAll()
    .where('target_id', '=', targetId).where('action', '=', action).orderBy('seq').execute();

  async function register(body: Record<string, unknown>) {
    const anon = t.anonymous();
    const res = await anon.post('/api/v1/auth/register', { password: 'reeds along the quiet canal', privacyConsent: true, noticeVersion: 1, sensitivePiConsent: true, ...body });
    return { res, client: anon };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    const regions = await db().selectFrom('regions').select(['id', 'name', 'level', 'parent_id', 'path']).orderBy('path').execute();
    towns = regions.filter((r) => r.level === 'town').map((town) => ({
      ...town, villages: regions.filter((r) => r.parent_id === town.id),
    }));
    expect(towns[0].id).toBe(TOWN_IDS[0]);
  });
  afterAll(async () => {
    expect(t.leaks).toEqual([]);
    await t.close();
  });

  it('signs up with an ID number and a village: birth date from the ID, home path of the village, role still city-wide', async () => {
    const village = towns[1].villages[2];
    const id = idNumber('1958-06-01', '123');
    const { res } = await register({ username: 'gu.lanying', realName: '顾兰英', idNumber: id.toLowerCase(), homeTownId: towns[1].id, homeVillageId: village.id });
    expect(res.status, res.raw).toBe(201);
    const row = (await userRow('gu.lanying'))!;
    expect(row.birth_date).toBe('1958-06-01');
    expect(row).toMatchObject({ home_scope_type: 'region', home_scope_id: village.id, home_path: village.path });
    expect(row.id_number_hash).toBeTruthy();
    expect(row.id_number_enc).not.toContain(id);
    expect(t.app.core.fieldCrypto.decrypt(row.id_number_enc!)).toBe(id);
    const roles = await db().selectFrom('role_assignments').select(['role', 'scope_type']).where('user_id', '=', row.id).execute();
    expect(roles).toEqual([{ role: 'resident', scope_type: 'city' }]);
    const [entry] = await auditOf(row.id, 'user.register');
    expect(entry.after_json).not.toContain(id);
    expect(entry.after_json).not.toContain('1958-06-01');
    expect(entry.after_json).toContain(village.id);
  });

  it('a town alone makes the town the home; a declared birth date is kept when there is no ID number', async () => {
    const { res } = await register({ username: 'he.yuzhen', homeTownId: towns[2].id, birthDate: '1949-10-01' });
    expect(res.status, res.raw).toBe(201);
    const row = (await userRow('he.yuzhen'))!;
    expect(row).toMatchObject({ home_scope_type: 'region', home_scope_id: towns[2].id, home_path: towns[2].path, birth_date: '1949-10-01', id_number_enc: null });
  });

  it('without a home the resident lives in the whole city, as before', async () => {
    const { res } = await register({ username: 'lu.xiaomei' });
    expect(res.status, res.raw).toBe(201);
    const row = (await userRow('lu.xiaomei'))!;
    expect(row.home_scope_type).toBe('city');
    expect(row.birth_date).toBeNull();
  });

  it('a bad check digit, a village outside the town and an impossible birth date are 400 field errors, and nothing is written', async () => {
    const before = await userCount();
    const bad = await register({ username: 'bad.digit', idNumber: withBadCheck(idNumber('1960-01-02', '456')) });
    expect(bad.res.status).toBe(400);
    expect(bad.res.body.errors.map((e: { field: string }) => e.field)).toEqual(['idNumber']);
    expect(bad.res.body.errors[0].message['zh-CN']).toContain('身份证号码无效');

    const elsewhere = await register({ username: 'wrong.town', homeTownId: towns[0].id, homeVillageId: towns[3].villages[0].id });
    expect(elsewhere.res.status).toBe(400);
    expect(elsewhere.res.body.errors).toEqual([expect.objectContaining({ field: 'homeVillageId', code: 'not_in_town' })]);

    const unknown = await register({ username: 'no.town', homeTownId: towns[0].villages[0].id });
    expect(unknown.res.status).toBe(400);
    expect(unknown.res.body.errors[0].field).toBe('homeTownId');

    const date = await register({ username: 'bad.date', birthDate: '1958-02-30' });
    expect(date.res.status).toBe(400);
    expect(date.res.body.errors[0].field).toBe('birthDate');

    // Every problem at once, together with the password rule.
    const all = await register({ username: 'all.wrong', password: '123', idNumber: '12345', homeTownId: towns[0].id, homeVillageId: towns[1].villages[0].id });
    expect(all.res.status).toBe(400);
    expect(all.res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['homeVillageId', 'idNumber', 'password']);

    expect(await userCount()).toBe(before);
    for (const name of ['bad.digit', 'wrong.town', 'no.town', 'bad.date', 'all.wrong']) expect(await userRow(name)).toBeUndefined();
  });

  it('an ID number already on another account is refused on its field ("已登记在其他账户"), and so is a date that contradicts the ID', async () => {
    const id = idNumber('1958-06-01', '123');
    const taken = await register({ username: 'copy.cat', idNumber: id });
    expect(taken.res.status).toBe(400);
    expect(taken.res.body.errors[0]).toMatchObject({ field: 'idNumber', code: 'taken' });
    expect(taken.res.body.errors[0].message['zh-CN']).toContain('其他账户');
    const mismatch = await register({ username: 'two.dates', idNumber: idNumber('1961-07-08', '222'), birthDate: '1961-07-09' });
    expect(mismatch.res.status).toBe(400);
    expect(mismatch.res.body.errors[0]).toMatchObject({ field: 'birthDate', code: 'mismatch' });
    expect(await userRow('copy.cat')).toBeUndefined();
    expect(await userRow('two.dates')).toBeUndefined();
  });

  describe('GET/PUT /api/v1/auth/profile', () => {
    let me: Client;
    const firstId = idNumber('1955-03-04', '345');
    beforeAll(async () => {
      const { res, client } = await register({ username: 'qian.shuying', realName: '钱淑英', idNumber: firstId, homeTownId: towns[0].id, homeVillageId: towns[0].villages[0].id });
      expect(res.status, res.raw).toBe(201);
      me = client;
    });

    it('reads the own profile with the ID number masked and the home by name', async () => {
      const res = await me.get('/api/v1/auth/profile');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        realName: '钱淑英', idNumber: `321***********${firstId.slice(14)}`, birthDate: '1955-03-04', birthDateFromIdNumber: true,
        homeTownId: towns[0].id, homeTownName: towns[0].name, homeVillageId: towns[0].villages[0].id, homeVillageName: towns[0].villages[0].name,
        homeEditable: true,
      });
      expect(res.raw).not.toContain(firstId);
      expect((await t.anonymous().get('/api/v1/auth/profile')).status).toBe(401);
    });

    it('moves home to another village of the town and audits it', async () => {
      const user = (await userRow('qian.shuying'))!;
      const target = towns[0].villages[3];
      const res = await me.put('/api/v1/auth/profile', { homeTownId: towns[0].id, homeVillageId: target.id, realName: '钱淑英' });
      expect(res.status, res.raw).toBe(200);
      expect(res.body).toMatchObject({ homeVillageId: target.id, homeVillageName: target.name });
      expect(await userRow('qian.shuying')).toMatchObject({ home_scope_id: target.id, home_path: target.path });
      const entries = await auditOf(user.id, 'user.profile.update');
      expect(entries).toHaveLength(1);
      expect(JSON.parse(entries[0].after_json!)).toEqual({ home: target.id });
      // Sending the same values again changes nothing and logs nothing.
      expect((await me.put('/api/v1/auth/profile', { homeTownId: towns[0].id, homeVillageId: target.id })).status).toBe(200);
      expect(await auditOf(user.id, 'user.profile.update')).toHaveLength(1);
    });

    it('refuses a village outside the town without changing anything', async () => {
      const before = await userRow('qian.shuying');
      const res = await me.put('/api/v1/auth/profile', { homeTownId: towns[0].id, homeVillageId: towns[4].villages[1].id, realName: '别的名字' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('homeVillageId');
      expect(await userRow('qian.shuying')).toEqual(before);
    });

    it('changing the ID number needs the current password: none → 400, wrong → 400 and counted, right → saved with the new birth date', async () => {
      const user = (await userRow('qian.shuying'))!;
      const next = idNumber('1956-11-12', '678');
      const none = await me.put('/api/v1/auth/profile', { idNumber: next });
      expect(none.status).toBe(400);
      expect(none.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'required' })]);
      const wrong = await me.put('/api/v1/auth/profile', { idNumber: next, currentPassword: 'not my password at all' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].field).toBe('currentPassword');
      expect((await userRow('qian.shuying'))!.failed_logins).toBe(1);
      expect(await userRow('qian.shuying')).toMatchObject({ id_number_hash: user.id_number_hash, birth_date: '1955-03-04' });

      const badDigit = await me.put('/api/v1/auth/profile', { idNumber: withBadCheck(next), currentPassword: 'reeds along the quiet canal' });
      expect(badDigit.status).toBe(400);
      expect(badDigit.body.errors[0].field).toBe('idNumber');

      const ok = await me.put('/api/v1/auth/profile', { idNumber: next, currentPassword: 'reeds along the quiet canal' });
      expect(ok.status, ok.raw).toBe(200);
      expect(ok.body).toMatchObject({ idNumber: `321***********${next.slice(14)}`, birthDate: '1956-11-12' });
      const row = (await userRow('qian.shuying'))!;
      expect(t.app.core.fieldCrypto.decrypt(row.id_number_enc!)).toBe(next);
      expect(row.failed_logins).toBe(0);
      const entries = await auditOf(user.id, 'user.profile.update');
      const last = entries[entries.length - 1];
      for (const plain of [next, firstId]) {
        expect(last.after_json).not.toContain(plain);
        expect(last.before_json).not.toContain(plain);
      }
      expect(JSON.parse(last.after_json!)).toMatchObject({ idNumber: `321***********${next.slice(14)}`, birthDate: '1956-**-**' });
    });

    it('the birth date follows the ID number; without one it is declared, and removing the ID needs the password too', async () => {
      const clash = await me.put('/api/v1/auth/profile', { birthDate: '1970-01-01' });
      expect(clash.status).toBe(400);
      expect(clash.body.errors[0]).toMatchObject({ field: 'birthDate', code: 'mismatch' });
      expect((await me.put('/api/v1/auth/profile', { idNumber: null })).status).toBe(400);
      const removed = await me.put('/api/v1/auth/profile', { idNumber: null, birthDate: '1956-11-12', currentPassword: 'reeds along the quiet canal' });
      expect(removed.status, removed.raw).toBe(200);
      expect(removed.body).toMatchObject({ idNumber: null, birthDate: '1956-11-12', birthDateFromIdNumber: false });
      expect(await userRow('qian.shuying')).toMatchObject({ id_number_enc: null, id_number_hash: null, birth_date: '1956-11-12' });
      const declared = await me.put('/api/v1/auth/profile', { birthDate: '1956-11-13' });
      expect(declared.status).toBe(200);
      expect(declared.body.birthDate).toBe('1956-11-13');
      expect((await me.put('/api/v1/auth/profile', { birthDate: '2999-01-01' })).status).toBe(400);
    });

    it('staff edit their name but not their home, which their roles decide', async () => {
      const teacher = await t.login('teacher');
      const before = (await userRow('teacher'))!;
      const home = await teacher.put('/api/v1/auth/profile', { homeTownId: towns[1].id });
      expect(home.status).toBe(400);
      expect(home.body.errors[0]).toMatchObject({ field: 'homeTownId', code: 'staff' });
      const name = await teacher.put('/api/v1/auth/profile', { realName: '李老师' });
      expect(name.status, name.raw).toBe(200);
      expect(name.body.homeEditable).toBe(false);
      const after = (await userRow('teacher'))!;
      expect(after).toMatchObject({ real_name: '李老师', display_name: before.display_name, home_path: before.home_path });
    });
  });

  it('a town admin sees a resident of a village in the town, named by town and village', async () => {
    const town = await t.login('town');
    const res = await town.get('/api/v1/users?q=gu.lanying');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]); // gu.lanying lives in the second town
    const other = await t.login('town02');
    const found = await other.get('/api/v1/users?q=gu.lanying');
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0].homeScope.name).toBe(`${towns[1].name} · ${towns[1].villages[2].name}`);
    expect(found.body.items[0].idNumber).toMatch(/^321\*{11}\d{3}[\dX]$/);
  });

  describe('the portal forms', () => {
    async function anonForm(url: string) {
      const page = await t.app.inject({ url });
      const anon = cookies(page.headers['set-cookie']).lc_csrf;
      return { page, anon, headers: { 'content-type': FORM, cookie: `lc_csrf=${anon}` } };
    }

    it('the sign-up form offers town and village selects, villages grouped by town for browsers without JavaScript', async () => {
      const { page } = await anonForm('/register');
      expect(page.body).toContain('<select id="homeTownId" name="homeTownId"');
      expect(page.body).toContain(`<optgroup label="${towns[0].name}" data-town="${towns[0].id}">`);
      expect(page.body.match(/<optgroup /g)).toHaveLength(towns.length);
      expect(page.body).toContain('name="idNumber"');
      expect(page.body).toContain('type="date"');
    });

    it('signs up through the form with an ID number and a village, and the account page shows them masked', async () => {
      const { anon, headers } = await anonForm('/register');
      const id = idNumber('1962-09-10', '901');
      const base = { _csrf: anon, username: 'song.guifang', phone: '', password: 'plum rain over the bridge', realName: '宋桂芳', noticeVersion: '1', privacyConsent: '1', sensitiveConsent: '1' };
      const wrong = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ ...base, idNumber: id, birthDate: '', homeTownId: towns[0].id, homeVillageId: towns[1].villages[0].id }) });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('所选村（社区）不属于所选镇（街道）');
      expect(wrong.body).not.toContain(id); // the ID number is never echoed into the page
      expect(wrong.body).toMatch(new RegExp(`<option value="${towns[0].id}" selected>`));
      expect(await userRow('song.guifang')).toBeUndefined();

      const ok = await t.app.inject({ method: 'POST', url: '/register', headers, payload: form({ ...base, idNumber: id, birthDate: '', homeTownId: towns[0].id, homeVillageId: towns[0].villages[1].id }) });
      expect(ok.statusCode, ok.body).toBe(303);
      expect(ok.headers.location).toBe('/account');
      const session = cookies(ok.headers['set-cookie']).lc_session;
      const account = await t.app.inject({ url: '/account', headers: { cookie: `lc_session=${session}` } });
      expect(account.body).toContain(`321***********${id.slice(14)}`);
      expect(account.body).not.toContain(id);
      expect(account.body).toContain('1962-09-10');
      expect(account.body).toContain(`${towns[0].name} · ${towns[0].villages[1].name}`);
      expect(account.body).toContain('action="/account/profile"');
    });

    it('the account form changes the ID number only with the password, then says it is saved', async () => {
      const resident = await t.login('resident05');
      const cookie = `lc_session=${resident.cookie}`;
      const headers = { 'content-type': FORM, cookie };
      const id = idNumber('1950-05-06', '555');
      const fields = { _csrf: resident.csrfToken!, realName: '居民五', idNumber: id, birthDate: '', homeTownId: towns[5].id, homeVillageId: towns[5].villages[4].id };
      const forged = await t.app.inject({ method: 'POST', url: '/account/profile', headers, payload: form({ ...fields, _csrf: 'nope' }) });
      expect(forged.statusCode).toBe(403);
      const noPassword = await t.app.inject({ method: 'POST', url: '/account/profile', headers, payload: form({ ...fields, profilePassword: '' }) });
      expect(noPassword.statusCode).toBe(400);
      expect(noPassword.body).toContain('修改身份证号码需要输入当前密码');
      expect((await userRow('resident05'))!.id_number_enc).toBeNull();
      const noConsent = await t.app.inject({ method: 'POST', url: '/account/profile', headers, payload: form({ ...fields, profilePassword: DEMO_PASSWORD }) });
      expect(noConsent.statusCode).toBe(400);
      expect(noConsent.body).toContain('须单独勾选同意处理身份证号码');
      expect((await userRow('resident05'))!.id_number_enc).toBeNull();
      const saved = await t.app.inject({ method: 'POST', url: '/account/profile', headers, payload: form({ ...fields, profilePassword: DEMO_PASSWORD, sensitiveConsent: '1' }) });
      expect(saved.statusCode, saved.body).toBe(303);
      expect(saved.headers.location).toBe('/account?saved=profile');
      const page = await t.app.inject({ url: '/account?saved=profile', headers: { cookie } });
      expect(page.body).toContain('个人信息已保存');
      expect(page.body).toContain(`${towns[5].name} · ${towns[5].villages[4].name}`);
      expect(await userRow('resident05')).toMatchObject({ birth_date: '1950-05-06', real_name: '居民五', display_name: '居民五', home_path: towns[5].villages[4].path });
      // The blank ID field keeps the number on record.
      const keep = await t.app.inject({ method: 'POST', url: '/account/profile', headers, payload: form({ ...fields, idNumber: '', profilePassword: '' }) });
      expect(keep.statusCode).toBe(303);
      expect(t.app.core.fieldCrypto.decrypt((await userRow('resident05'))!.id_number_enc!)).toBe(id);
    });
  });

  describe('login returns to the page that asked for it', () => {
    async function loginWithBack(back: string) {
      const page = await t.app.inject({ url: `/login?back=${encodeURIComponent(back)}` });
      const anon = cookies(page.headers['set-cookie']).lc_csrf;
      const res = await t.app.inject({
        method: 'POST', url: '/login', headers: { 'content-type': FORM, cookie: `lc_csrf=${anon}` },
        payload: form({ _csrf: anon, username: 'resident07', password: DEMO_PASSWORD, back }),
      });
      return { page, res };
    }

    it('keeps a same-site path in the form and goes there after login', async () => {
      const { page, res } = await loginWithBack('/surveys/xyz');
      expect(page.body).toContain('<input type="hidden" name="back" value="/surveys/xyz">');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/surveys/xyz');
    });

    it.each(['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/\t/evil.example'])(
      'lands on /account for %j', async (back) => {
        const { page, res } = await loginWithBack(back);
        expect(page.body).not.toContain('name="back"');
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe('/account');
      });

    it('a visitor already logged in goes straight back', async () => {
      const resident = await t.login('resident08');
      const res = await t.app.inject({ url: '/login?back=%2Fclasses%3Ftown%3D1', headers: { cookie: `lc_session=${resident.cookie}` } });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/classes?town=1');
      const evil = await t.app.inject({ url: '/login?back=%2F%2Fevil.example', headers: { cookie: `lc_session=${resident.cookie}` } });
      expect(evil.headers.location).toBe('/account');
    });
  });
});
