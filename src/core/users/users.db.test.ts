import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { expectNoPersonalDataLeaks } from '../../../test/support/no-leaks.js';

const TOWN1 = '329901101000';
const TOWN2 = '329901102000';

describe.each(testDialects())('staff user management on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { expectNoPersonalDataLeaks(t); await t.close(); });

  it('a town admin creates a staff user in their town, who logs in with the one-time password and must change it', async () => {
    const town = await t.login('town');
    const res = await town.post('/api/v1/users', {
      username: 'wang.teacher', displayName: '王建国', phone: '13700001111',
      roles: [{ role: 'editor', scopeType: 'region', scopeId: TOWN1 }],
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'wang.teacher', phone: '137****1111', status: 'active', homeScope: { id: TOWN1, name: '柳泉镇' } });
    const fresh = await t.login('wang.teacher', res.body.initialPassword);
    const me = await fresh.get('/api/v1/auth/me');
    expect(me.body.user.passwordChangeRequired).toBe(true);
    expect((await fresh.post('/api/v1/auth/password', { currentPassword: res.body.initialPassword, newPassword: 'abcdefgh' })).body.errors.map((e: any) => e.code))
      .toEqual(expect.arrayContaining(['too_few_classes']));
    expect((await fresh.post('/api/v1/auth/password', { currentPassword: res.body.initialPassword, newPassword: 'Willow-Bridge-2026' })).status).toBe(204);
    expect((await fresh.get('/api/v1/auth/me')).body.user.passwordChangeRequired).toBe(false);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const town = await t.login('town');
    const count = async () => (await t.app.core.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    const cases = [
      { body: { username: 'x', displayName: 'a', roles: [{ role: 'editor', scopeType: 'region', scopeId: TOWN1 }] }, field: 'username' },
      { body: { username: 'okname', displayName: 'a', phone: '12345', roles: [{ role: 'editor', scopeType: 'region', scopeId: TOWN1 }] }, field: 'phone' },
      { body: { username: 'okname', displayName: 'a', roles: [{ role: 'editor', scopeType: 'region', scopeId: '329901199000' }] }, field: 'roles.0.scopeId' },
      { body: { username: 'okname', displayName: 'a', roles: [{ role: 'wizard', scopeType: 'region', scopeId: TOWN1 }] }, field: 'roles.0.role' },
      { body: { username: 'okname', displayName: 'a', roles: [{ role: 'town_admin', scopeType: 'institution', scopeId: TOWN1 }] }, field: 'roles.0.scopeType' },
      { body: { username: 'okname', displayName: 'a', roles: [], extra: 1 }, field: 'extra' },
    ];
    for (const c of cases) {
      const res = await town.post('/api/v1/users', c.body);
      expect(res.status, res.raw).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors.map((e: any) => e.field)).toContain(c.field);
      expect(res.body.errors[0].message['zh-CN']).toBeTruthy();
      expect(res.body.errors[0].message.en).toBeTruthy();
    }
    const dup = await town.post('/api/v1/users', { username: 'teacher', displayName: 'dup', roles: [{ role: 'editor', scopeType: 'region', scopeId: TOWN1 }] });
    expect(dup.status).toBe(409);
    const otherTown = await town.post('/api/v1/users', { username: 'sneaky', displayName: 'x', roles: [{ role: 'editor', scopeType: 'region', scopeId: TOWN2 }] });
    expect(otherTown.status).toBe(403);
    expect(await count()).toBe(before);
  });

  it('changing roles, disabling and resetting a password end the user\'s sessions at once', async () => {
    const admin = await t.login('admin');
    const teacher = await t.login('teacher');
    const target = (await admin.get('/api/v1/users?q=teacher')).body.items.find((u: any) => u.username === 'teacher');
    const center = target.roles[0].scopeId;

    const roles = await admin.put(`/api/v1/users/${target.id}/roles`, { roles: [{ role: 'teacher', scopeType: 'institution', scopeId: center }, { role: 'editor', scopeType: 'institution', scopeId: center }] });
    expect(roles.status, roles.raw).toBe(200);
    expect(roles.body.roles.map((r: any) => r.role).sort()).toEqual(['editor', 'teacher']);
    expect((await teacher.get('/api/v1/auth/me')).status).toBe(401);

    const again = await t.login('teacher');
    expect((await again.get('/api/v1/auth/me')).body.user.permissions).toContain('core.backoffice.use');
    const disabled = await admin.post(`/api/v1/users/${target.id}/disable`);
    expect(disabled.body.status).toBe('disabled');
    expect((await again.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.anonymous().post('/api/v1/auth/login', { username: 'teacher', password: 'learning-city-demo' })).status).toBe(401);
    expect((await admin.post(`/api/v1/users/${target.id}/enable`)).body.status).toBe('active');

    const third = await t.login('teacher');
    const reset = await admin.post(`/api/v1/users/${target.id}/reset-password`);
    expect(reset.body.temporaryPassword).toMatch(/^\S{16}$/);
    expect((await third.get('/api/v1/auth/me')).status).toBe(401);
    const withTemp = await t.login('teacher', reset.body.temporaryPassword);
    expect((await withTemp.get('/api/v1/auth/me')).body.user.passwordChangeRequired).toBe(true);
  });

  it('admins cannot disable themselves; abilities say what each row allows', async () => {
    const admin = await t.login('admin');
    const me = (await admin.get('/api/v1/auth/me')).body.user;
    const self = await admin.get(`/api/v1/users/${me.id}`);
    expect(self.body.abilities).toMatchObject({ disable: false, resetPassword: false, assignRoles: false });
    expect((await admin.post(`/api/v1/users/${me.id}/disable`)).status).toBe(403);
    const town = await t.login('town');
    const list = (await town.get('/api/v1/users?pageSize=100')).body.items;
    const townSelf = list.find((u: any) => u.username === 'town');
    expect(townSelf.abilities.disable).toBe(false);
    const staff = list.find((u: any) => u.username === 'staff');
    expect(staff.abilities).toMatchObject({ update: true, disable: true, assignRoles: true, reveal: false });
  });

  it('searches names case-insensitively on both databases and treats % and _ as plain characters', async () => {
    const admin = await t.login('admin');
    await admin.post('/api/v1/users', { username: 'li.mei', displayName: 'Li Mei 100%', roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }] });
    expect((await admin.get('/api/v1/users?q=LI%20MEI')).body.items.map((u: any) => u.username)).toEqual(['li.mei']);
    expect((await admin.get('/api/v1/users?q=100%25')).body.items.map((u: any) => u.username)).toEqual(['li.mei']);
    expect((await admin.get('/api/v1/users?q=%25')).body.items.map((u: any) => u.username)).toEqual(['li.mei']);
    expect((await admin.get('/api/v1/users?q=_')).body.total).toBe(0);
  });

  it('counts users by role within scope for the dashboard', async () => {
    const town = await t.login('town');
    const stats = await town.get('/api/v1/users/stats');
    const byRole = Object.fromEntries(stats.body.byRole.map((r: any) => [r.role, r.count]));
    expect(byRole.city_admin).toBeUndefined();
    expect(byRole.town_admin).toBeGreaterThanOrEqual(1);
    const admin = await t.login('admin');
    const all = Object.fromEntries((await admin.get('/api/v1/users/stats')).body.byRole.map((r: any) => [r.role, r.count]));
    expect(all.resident).toBeGreaterThanOrEqual(25);
    expect(all.town_admin).toBeGreaterThanOrEqual(8);
  });
});

describe.each(testDialects())('ID numbers on staff records on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { expectNoPersonalDataLeaks(t); await t.close(); });

  it('validates (GB 11643), stores encrypted, shows masked, reveals only to the city admin with an audit entry', async () => {
    const admin = await t.login('admin');
    const bad = await admin.post('/api/v1/users', { username: 'idcheck', displayName: '身份证测试', idNumber: '110105194912310022', roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'idNumber', code: 'checksum' });
    const badDate = await admin.post('/api/v1/users', { username: 'idcheck', displayName: '身份证测试', idNumber: '110105199902300013', roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }] });
    expect(badDate.status).toBe(400);
    const ok = await admin.post('/api/v1/users', { username: 'idcheck', displayName: '身份证测试', idNumber: '11010519491231002x', roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }] });
    expect(ok.status, ok.raw).toBe(201);
    expect(ok.body.user.idNumber).toBe('110***********002X');
    const row = await t.app.core.db.selectFrom('users').selectAll().where('username', '=', 'idcheck').executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain('11010519491231002X');
    expect(row.birth_date).toBe('1949-12-31');
    const dup = await admin.post('/api/v1/users', { username: 'idcheck2', displayName: '重复', idNumber: '11010519491231002X', roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }] });
    expect(dup.status).toBe(400);
    expect(dup.body.errors[0].code).toBe('taken');
    const revealed = await admin.post(`/api/v1/users/${ok.body.user.id}/reveal`, { field: 'idNumber' });
    expect(revealed.body.value).toBe('11010519491231002X');
    expect(revealed.headers['x-personal-data']).toBe('unmasked');
    const town = await t.login('town');
    expect((await town.post(`/api/v1/users/${ok.body.user.id}/reveal`, { field: 'idNumber' })).status).toBe(403);
    const auditor = await t.login('auditor');
    const log = (await auditor.get(`/api/v1/audit?action=user.pii.reveal&targetId=${ok.body.user.id}`)).body.items;
    expect(log).toHaveLength(1);
    const created = (await auditor.get(`/api/v1/audit?action=user.create&targetId=${ok.body.user.id}`)).body.items[0];
    expect(created.after.idNumber).toBe('110***********002X');
  });

  it('a resident exports their own data after re-entering the password; the export is audited', async () => {
    const resident = await t.login('resident');
    expect((await resident.post('/api/v1/auth/export', { password: 'wrong' })).status).toBe(400);
    const res = await resident.post('/api/v1/auth/export', { password: 'learning-city-demo' });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.body.account).toMatchObject({ username: 'resident', phone: '13905110021' });
    expect(res.body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(res.body.activity.some((a: any) => a.action === 'auth.login')).toBe(true);
    const auditor = await t.login('auditor');
    expect((await auditor.get('/api/v1/audit?action=user.self_export')).body.total).toBe(1);
  });
});
