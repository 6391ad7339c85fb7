import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';
import { centerOf, DEMO_CITY_ID, loginAll, TOWN_ADMINS, TOWN_IDS, userIdOf } from '../support/demo-roles.js';

const MISSING_ID = '0190a000-0000-7000-8000-000000000000';
const withoutInstance = (body: any) => ({ ...body, instance: undefined });

/** AC2/AC3/AC4/AC6 for the users API: scope is applied in SQL and on every `/:id` route. */
describe.each(testDialects())('user scope on %s', (kind) => {
  let t: TestApp;
  let c: Record<string, Client>;
  let ids: Record<string, string>;
  let town1Path: string;
  let center1: { id: string; path: string };
  let center2: { id: string; path: string };

  const userRow = (id: string) => t.app.database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const grantsOf = (id: string) => t.app.database.db.selectFrom('role_assignments').select(['role', 'scope_id'])
    .where('user_id', '=', id).orderBy('role').execute();
  /** Ids of every region and institution under a path: the scopes a user of that town may have. */
  async function scopeIdsUnder(path: string) {
    const db = t.app.database.db;
    const regions = await db.selectFrom('regions').select('id').where('path', 'like', `${path}%`).execute();
    const insts = await db.selectFrom('institutions').select('id').where('path', 'like', `${path}%`).execute();
    return new Set([...regions, ...insts].map((r) => r.id));
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    c = await loginAll(t, ['admin', 'staff', 'resident', 'auditor', ...TOWN_ADMINS]);
    ids = {};
    for (const u of ['teacher', 'staff', ...TOWN_ADMINS]) ids[u] = await userIdOf(t, u);
    town1Path = `/${DEMO_CITY_ID}/${TOWN_IDS[0]}/`;
    center1 = await centerOf(t, TOWN_IDS[0]);
    center2 = await centerOf(t, TOWN_IDS[1]);
  });
  afterAll(async () => { await t.close(); });

  it('a town admin lists exactly the users whose home is in their town, counted in SQL', async () => {
    const res = await c.town.get('/api/v1/users?pageSize=100');
    expect(res.status).toBe(200);
    const inTown = await scopeIdsUnder(town1Path);
    const usernames = res.body.items.map((u: any) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['town', 'staff', 'teacher']));
    expect(usernames).not.toContain('town02');
    for (const u of res.body.items) {
      expect(inTown.has(u.homeScope.id), `${u.username} home ${u.homeScope.id}`).toBe(true);
      for (const g of u.roles) expect(inTown.has(g.scopeId), `${u.username} role ${g.role}@${g.scopeId}`).toBe(true);
    }
    const inDb = await t.app.database.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('home_path', 'like', `${town1Path}%`).executeTakeFirstOrThrow();
    expect(res.body.total).toBe(Number(inDb.n));
    const stats = await c.town.get('/api/v1/users/stats');
    expect(stats.body.byRole.map((r: any) => r.role).sort()).toEqual(['employer', 'institution_admin', 'teacher', 'town_admin']);
  });

  it('filters never reach outside the town: another town\'s regionId, q=town02, role=town_admin', async () => {
    for (const query of [`regionId=${TOWN_IDS[1]}`, 'q=town02', `regionId=${TOWN_IDS[1]}&q=town`]) {
      const res = await c.town.get(`/api/v1/users?${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body, query).toMatchObject({ items: [], total: 0 });
    }
    const admins = await c.town.get('/api/v1/users?role=town_admin');
    expect(admins.body.items.map((u: any) => u.username)).toEqual(['town']);
    const wholeCity = await c.town.get(`/api/v1/users?regionId=${DEMO_CITY_ID}&pageSize=100`);
    const own = await c.town.get('/api/v1/users?pageSize=100');
    expect(wholeCity.body.total).toBe(own.body.total);
  });

  it('every /:id route answers a user of another town exactly like a missing id (404), and changes nothing', async () => {
    const before = { row: await userRow(ids.town02), grants: await grantsOf(ids.town02) };
    const calls: Array<[string, string, unknown?]> = [
      ['GET', ''], ['PATCH', '', { displayName: '越权 修改' }], ['POST', '/disable', {}], ['POST', '/enable', {}],
      ['POST', '/reset-password', {}], ['PUT', '/roles', { roles: [{ role: 'teacher', scopeType: 'institution', scopeId: center1.id }] }],
    ];
    for (const [method, suffix, body] of calls) {
      const other = await c.town.request(method, `/api/v1/users/${ids.town02}${suffix}`, body);
      const missing = await c.town.request(method, `/api/v1/users/${MISSING_ID}${suffix}`, body);
      expect(other.status, `${method} ${suffix}`).toBe(404);
      expect(missing.status, `${method} ${suffix} (missing)`).toBe(404);
      expect(withoutInstance(other.body), `${method} ${suffix}`).toEqual(withoutInstance(missing.body));
    }
    expect(await userRow(ids.town02)).toEqual(before.row);
    expect(await grantsOf(ids.town02)).toEqual(before.grants);
    expect((await c.town02.get('/api/v1/auth/me')).status, 'town02 still logged in').toBe(200);
  });

  it('an institution admin sees only their own institution', async () => {
    const res = await c.staff.get('/api/v1/users?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: any) => u.username).sort()).toEqual(['staff', 'teacher']);
    for (const u of res.body.items) expect(u.homeScope.id).toBe(center1.id);
    expect((await c.staff.get(`/api/v1/users/${ids.town}`)).status).toBe(404);
    expect((await c.staff.get(`/api/v1/users?regionId=${TOWN_IDS[0]}&q=town`)).body.total).toBe(0);
  });

  it('a resident may not list users (403)', async () => {
    const res = await c.resident.get('/api/v1/users');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('auth.forbidden');
  });

  it('separation of duties: the auditor reads the audit log, the city admin does not', async () => {
    const asAuditor = await c.auditor.get('/api/v1/audit?pageSize=5');
    expect(asAuditor.status).toBe(200);
    expect(Array.isArray(asAuditor.body.items)).toBe(true);
    expect((await c.admin.get('/api/v1/audit')).status).toBe(403);
    expect((await c.admin.get('/api/v1/audit/verify')).status).toBe(403);
    expect((await c.auditor.get('/api/v1/users')).status).toBe(403);
  });

  it('refuses to put auditor and city_admin on one account (400), on create and on role change', async () => {
    const both = [
      { role: 'city_admin', scopeType: 'city', scopeId: DEMO_CITY_ID },
      { role: 'auditor', scopeType: 'city', scopeId: DEMO_CITY_ID },
    ];
    const created = await c.admin.post('/api/v1/users', { username: 'sod-both', displayName: '职责 分离', roles: both });
    expect(created.status).toBe(400);
    expect(created.body.errors?.[0]).toMatchObject({ field: 'roles', code: 'separation_of_duties' });
    expect(await t.app.database.db.selectFrom('users').select('id').where('username', '=', 'sod-both').executeTakeFirst()).toBeUndefined();
    const before = await grantsOf(ids.teacher);
    const replaced = await c.admin.put(`/api/v1/users/${ids.teacher}/roles`, { roles: both });
    expect(replaced.status).toBe(400);
    expect(replaced.body.errors?.[0]).toMatchObject({ field: 'roles', code: 'separation_of_duties' });
    expect(await grantsOf(ids.teacher)).toEqual(before);
  });

  it('a town admin can grant neither city_admin nor any role in another town (403)', async () => {
    const before = await grantsOf(ids.teacher);
    const attempts = [
      [{ role: 'city_admin', scopeType: 'city', scopeId: DEMO_CITY_ID }],
      [{ role: 'teacher', scopeType: 'institution', scopeId: center2.id }],
      [{ role: 'town_admin', scopeType: 'region', scopeId: TOWN_IDS[1] }],
    ];
    for (const roles of attempts) {
      const put = await c.town.put(`/api/v1/users/${ids.teacher}/roles`, { roles });
      expect(put.status, JSON.stringify(roles)).toBe(403);
      expect(put.body.code).toBe('user.role_not_grantable');
      const post = await c.town.post('/api/v1/users', { username: 'escalate-try', displayName: '越权', roles });
      expect(post.status, JSON.stringify(roles)).toBe(403);
    }
    expect(await grantsOf(ids.teacher)).toEqual(before);
    expect(await t.app.database.db.selectFrom('users').select('id').where('username', '=', 'escalate-try').executeTakeFirst()).toBeUndefined();
  });

  it('mass assignment: a PATCH with role, homePath, status, regionId or userId is refused (400) and the row is unchanged', async () => {
    const before = await userRow(ids.teacher);
    const extras: Record<string, unknown> = { role: 'city_admin', homePath: '/', status: 'disabled', regionId: TOWN_IDS[1], userId: ids.town02 };
    for (const [field, value] of Object.entries(extras)) {
      const res = await c.admin.patch(`/api/v1/users/${ids.teacher}`, { displayName: '被改的名字', [field]: value });
      expect(res.status, field).toBe(400);
      expect(res.body.errors?.map((e: any) => e.field), field).toContain(field);
    }
    expect(await userRow(ids.teacher)).toEqual(before);
  });

  it('property: a town admin sees another town admin iff they share the town', async () => {
    await fc.assert(fc.asyncProperty(fc.nat(7), fc.nat(7), async (actor, target) => {
      const client = c[TOWN_ADMINS[actor]];
      const targetId = ids[TOWN_ADMINS[target]];
      const one = await client.get(`/api/v1/users/${targetId}`);
      const list = await client.get(`/api/v1/users?role=town_admin&pageSize=100`);
      const listed = list.body.items.some((u: any) => u.id === targetId);
      expect(one.status).toBe(actor === target ? 200 : 404);
      expect(listed).toBe(actor === target);
    }), { numRuns: 40 });
  });
});
