import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';
import { centerOf, loginAll, ROLE_USERS, TOWN_IDS, userIdOf } from '../support/demo-roles.js';
import { AUTHZ_MATRIX, MATRIX_ROLES, type Call, type Ids, type MatrixRole, type Outcome } from './authz-matrix.js';

import { contentCall, contentSetup } from './content-matrix.js';
import { networkCall, networkSetup } from './network-matrix.js';
import { networkImportCall, networkImportSetup } from './network-import-matrix.js';
import { surveyCall, surveySetup } from './survey-matrix.js';
import { lotteryCall, lotterySetup } from './lottery-matrix.js';
import { networkMediaCall, networkMediaSetup } from './network-media-matrix.js';
import { notificationsCall, notificationsSetup } from './notifications-matrix.js';
import { learningCall, learningSetup } from './learning-matrix.js';
import { attendanceCall, attendanceSetup } from './attendance-matrix.js';
import { onlineCall, onlineSetup } from './online-matrix.js';
import { learningStatsCall, learningStatsSetup } from './learning-stats-matrix.js';
import { recordCall, recordSetup } from './record-matrix.js';



/**
 * How to call each route so that an allowed role is not turned away for its body: GET routes with `:id`
 * read the demo teacher (visible to the city, town and institution admins); writes go to a throwaway
 * teacher ("victim") so the demo accounts keep their sessions. Routes that end or replace the caller's
 * session run on a fresh one. A route without an entry gets `{}` (a 400 still proves it was let through).
 */
function callFor(route: string, role: MatrixRole, ids: Ids): Call {
  const moduleCall = contentCall(route, role, ids) ?? networkCall(route, role, ids) ?? networkImportCall(route, role, ids) ?? surveyCall(route, role, ids) ?? networkMediaCall(route, role, ids) ?? notificationsCall(route, role, ids) ?? learningCall(route, role, ids) ?? lotteryCall(route, role, ids) ?? attendanceCall(route, role, ids) ?? onlineCall(route, role, ids) ?? learningStatsCall(route, role, ids) ?? recordCall(route, role, ids);
  if (moduleCall) return moduleCall;
  const [method, path] = route.split(' ');
  const url = path.replace(':id', method === 'GET' ? ids.teacher : ids.victim);
  const teacherAtCenter = [{ role: 'teacher', scopeType: 'institution', scopeId: ids.center1 }];
  const bodies: Record<string, Call> = {
    'POST /api/v1/auth/login': { url, body: { username: 'resident24', password: DEMO_PASSWORD }, freshSession: true },
    // A real ticket needs an MFA account; a malformed one is refused by the schema (400), after authorization.
    'POST /api/v1/auth/login/mfa': { url, body: { ticket: 'short', code: 'x' } },
    'POST /api/v1/auth/register': { url, body: { username: `mx-reg-${role.replace('_', '-')}`, password: 'Zq7#mVr!p2Lk-w' } },
    'POST /api/v1/auth/logout': { url, freshSession: true },
    'POST /api/v1/auth/password': { url, body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } },
    'POST /api/v1/auth/mfa/enable': { url, body: { code: '000000' } },
    'POST /api/v1/auth/mfa/disable': { url, body: { password: DEMO_PASSWORD } },
    'GET /api/v1/institutions': { url: `${url}?regionId=${TOWN_IDS[0]}` },
    'GET /api/v1/users': { url: `${url}?pageSize=5` },
    'POST /api/v1/users': { url, body: { username: `mx-${role}`, displayName: '矩阵 新用户', roles: teacherAtCenter } },
    'PATCH /api/v1/users/:id': { url, body: { displayName: '矩阵 受测' } },
    'PUT /api/v1/users/:id/roles': { url, body: { roles: teacherAtCenter } },
    'POST /api/v1/users/:id/reveal': { url, body: { field: 'phone' } },
    'PUT /api/v1/settings/security': { url, body: { mfaRequiredRoles: [] } },
    'POST /api/v1/auth/export': { url, body: { password: DEMO_PASSWORD } },
    'PUT /api/v1/portal/nav': { url, body: { items: [{ id: 'home', labelZh: '首页', labelEn: 'Home', href: '/', sort: 10, visible: true }] } },
  };
  return bodies[route] ?? { url, body: method === 'GET' ? undefined : {} };
}

function judge(expected: Outcome, res: { status: number; body: any }): string | null {
  const code = res.body?.code;
  if (expected === 'allow') {
    return res.status === 401 || res.status === 403 || res.status >= 500 ? `expected allow, got ${res.status} ${code}` : null;
  }
  const wantCode = expected === 401 ? 'auth.required' : 'auth.forbidden';
  return res.status === expected && code === wantCode ? null : `expected ${expected} ${wantCode}, got ${res.status} ${code}`;
}

describe.each(testDialects())('authorization matrix on %s', (kind) => {
  let t: TestApp;
  let clients: Partial<Record<MatrixRole, Client>>;
  let ids: Ids;

  beforeAll(async () => {
    t = await createTestApp(kind);
    clients = {};
    const byUser = await loginAll(t, Object.values(ROLE_USERS));
    for (const [role, username] of Object.entries(ROLE_USERS)) clients[role as MatrixRole] = byUser[username];
    const center1 = (await centerOf(t, TOWN_IDS[0])).id;
    const created = await clients.city_admin!.post('/api/v1/users', {
      username: 'matrix-victim', displayName: '矩阵 受测', roles: [{ role: 'teacher', scopeType: 'institution', scopeId: center1 }],
    });
    expect(created.status, created.raw).toBe(201);
    ids = { teacher: await userIdOf(t, 'teacher'), victim: created.body.user.id, center1, extra: {} };
    Object.assign(ids.extra, await contentSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await networkSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await networkImportSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await surveySetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await networkMediaSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await notificationsSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await learningSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await lotterySetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await attendanceSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await onlineSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await learningStatsSetup(t, clients as Record<MatrixRole, Client>));
    Object.assign(ids.extra, await recordSetup(t, clients as Record<MatrixRole, Client>));
  });
  afterAll(async () => { await t.close(); });

  it('lists every registered /api/ route, and no route that does not exist', () => {
    const registered = t.app.routeRegistry.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    const inTable = Object.keys(AUTHZ_MATRIX);
    expect(registered.filter((r) => !inTable.includes(r)), 'routes missing from authz-matrix.ts').toEqual([]);
    expect(inTable.filter((r) => !registered.includes(r)), 'rows for routes that are not registered').toEqual([]);
    expect(new Set(registered).size).toBe(registered.length);
  });

  for (const route of Object.keys(AUTHZ_MATRIX)) {
    it(`${route}: every role gets what the matrix says`, async () => {
      const [method] = route.split(' ');
      const failures: string[] = [];
      for (const role of MATRIX_ROLES) {
        const call = callFor(route, role, ids);
        let client: Client;
        if (role === 'anonymous') client = t.anonymous();
        else if (call.freshSession) client = await t.login(ROLE_USERS[role]);
        else client = clients[role]!;
        // Keep the shared session even when the answer sets a cookie (login, register).
        const saved = { cookie: client.cookie, csrfToken: client.csrfToken };
        const res = await client.request(method, call.url, call.body);
        Object.assign(client, saved);
        const problem = judge(AUTHZ_MATRIX[route][role], res);
        if (problem) failures.push(`${role}: ${problem}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('left every demo session usable (the matrix did not log anyone out)', async () => {
    for (const role of MATRIX_ROLES.filter((r) => r !== 'anonymous')) {
      expect((await clients[role]!.get('/api/v1/auth/me')).status, role).toBe(200);
    }
  });
});
