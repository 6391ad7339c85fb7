import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';
import { databaseFingerprint, fingerprintTracker } from '../support/db-fingerprint.js';
import { ROLE_USERS, userIdOf } from '../support/demo-roles.js';
import { ROLES } from '../../src/core/access/roles.js';
import { rolesWith } from '../../src/core/access/permissions.js';
import type { RegisteredRoute } from '../../src/core/http/route-access.js';

/**
 * V1/T6 and DESIGN §4 "bad input gets a clear error, never a 500, and writes nothing": every route that
 * takes a body, a query string or a path parameter gets generated junk from a logged-in caller that holds
 * the route's permission (city_admin unless only another role may call it), with a valid CSRF token.
 */
const probe = await createTestApp('sqlite', { demo: false });
const FUZZED: RegisteredRoute[] = probe.app.routeRegistry.filter((r) => r.hasBody || r.hasQuery || r.url.includes(':'));
const SPEC = probe.app.swagger() as any;
await probe.close();

/** Body and query field names the OpenAPI document gives for a route (empty for routes hidden from it). */
function fieldsOf(route: RegisteredRoute): { body: string[]; query: string[] } {
  const op = SPEC.paths?.[route.url.replace(/:(\w+)/g, '{$1}')]?.[route.method.toLowerCase()];
  return {
    body: Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
    query: (op?.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name),
  };
}

const NUM_RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 150;
const NO_WRITE_STATUSES = [400, 404, 413, 415];

// ---- generators -------------------------------------------------------------------------------------------
// Text that has broken servers before: control characters, off-site redirect targets, injection, overflow.
const evilText = fc.constantFrom('/\t/evil.example', '/\n/x', '/\r\nSet-Cookie: x=1', '//evil.example', '/\\evil.example',
  'https://evil.example', '\u0000', '%00', '../../etc/passwd', '<script>alert(1)</script>', "' or 1=1 --", '\u2028');
const nastyString = fc.oneof(
  { weight: 3, arbitrary: evilText },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '329901102000',
    '2026-13-45T99:99:99Z', '𠀀'.repeat(30)) },
  { weight: 1, arbitrary: fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)) },
);
const junkScalar = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: junkScalar },
  { weight: 1, arbitrary: fc.array(junkScalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ role: junkScalar, scopeType: junkScalar, scopeId: junkScalar }, { requiredKeys: [] }), { maxLength: 3 }) },
);
const BODY_KEYS = ['username', 'password', 'displayName', 'phone', 'roles', 'field', 'code', 'ticket', 'currentPassword',
  'newPassword', 'mfaRequiredRoles', 'realName', 'back', 'care', '_csrf', 'role', 'status', 'homePath', 'regionId', 'userId'];
const QUERY_KEYS = ['page', 'pageSize', 'q', 'role', 'status', 'regionId', 'actor', 'action', 'outcome', 'targetType',
  'targetId', 'from', 'to', 'back', 'saved'];
/** A field name: mostly one the route declares, else one some route uses, else anything. */
const key = (own: string[], generic: string[]) => fc.oneof(
  { weight: own.length > 0 ? 4 : 0, arbitrary: fc.constantFrom(...(own.length > 0 ? own : generic)) },
  { weight: 2, arbitrary: fc.constantFrom(...generic) },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);

type Payload = { contentType?: string; text?: string };
const json = (v: unknown): Payload => ({ contentType: 'application/json', text: JSON.stringify(v) });
const jsonBody = (own: string[]): fc.Arbitrary<Payload> => fc.oneof(
  fc.tuple(key(own, BODY_KEYS), nastyString).map(([k, v]) => json({ [k]: v })),
  nastyString.map((v) => json(Object.fromEntries((own.length > 0 ? own : BODY_KEYS).map((k) => [k, v])))),
  fc.dictionary(key(own, BODY_KEYS), junkValue, { maxKeys: 5 }).map(json),
  fc.jsonValue().map(json),
  fc.constantFrom('{', '{"a":', 'nul', '[1,]', "{'a':1}", '', '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}', '{"username":"a","username":"b"}').map((text) => ({ contentType: 'application/json', text })),
  fc.tuple(fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data'), fc.string({ unit: 'binary', maxLength: 60 }))
    .map(([contentType, text]) => ({ contentType, text })),
  fc.constant({}),
);
const queryString = (own: string[]) => fc.oneof(
  nastyString.map((v) => new URLSearchParams((own.length > 0 ? own : QUERY_KEYS).map((k) => [k, v])).toString()),
  fc.array(fc.tuple(key(own, QUERY_KEYS), nastyString), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom('page=0', 'pageSize=100000', 'page=-1', 'pageSize=1.5', 'page=1e3', 'page=1&page=2', 'a=%zz', '%', '&&&', 'q[]=1', 'from=yesterday'),
);

// ---- helpers ----------------------------------------------------------------------------------------------
interface Reply { status: number; headers: Record<string, any>; body: string }
function problemOf(res: Reply): string | null {
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) return `content-type ${res.headers['content-type']}`;
  const b = JSON.parse(res.body);
  if (typeof b.code !== 'string' || !b.message?.['zh-CN'] || !b.message?.en) return `problem body ${res.body.slice(0, 200)}`;
  return null;
}
/** A redirect stays on this site even after a browser strips tabs and newlines from the URL. */
const isLocalRedirect = (location: string) => /^\/(?![/\\])/.test(location.replace(/[\t\n\r]/g, ''));

describe.each(testDialects())('junk input on %s', (kind) => {
  const runs = kind === 'sqlite' ? NUM_RUNS : Math.max(5, Math.floor(NUM_RUNS / 4));
  let t: TestApp;
  let realIds: string[];
  let fingerprint: Awaited<ReturnType<typeof fingerprintTracker>>;
  const sessions = new Map<string, Client>();

  /** A session of a demo user holding the route's permission: city_admin when it does, else the first role that does. */
  async function callerFor(access: string): Promise<Client> {
    const roles = access === 'public' || access === 'authenticated' ? ROLES : ROLES.filter((r) => rolesWith(access).has(r));
    if (roles.length === 0) throw new Error(`no demo role holds ${access}`);
    const username = ROLE_USERS[roles[0]];
    let client = sessions.get(username);
    // A previous route may have ended the session (POST /logout): log in again.
    if (!client || (await client.get('/api/v1/auth/me')).status !== 200) sessions.set(username, client = await t.login(username));
    return client;
  }

  async function send(client: Client, method: string, url: string, payload: Payload): Promise<Reply> {
    const res = await t.app.inject({
      // Junk comes from its own address: its failed logins must not rate-limit the harness's own logins.
      method: method as never, url, remoteAddress: '192.0.2.77',
      headers: {
        cookie: `lc_session=${client.cookie}`, 'x-csrf-token': client.csrfToken!,
        ...(payload.contentType ? { 'content-type': payload.contentType } : {}),
      },
      payload: payload.text,
    });
    // Junk passwords count as failed re-authentications; five would lock the caller (auth.db.test.ts tests
    // that lockout), so the caller's counter starts afresh after every call.
    await t.app.database.db.updateTable('users').set({ failed_logins: 0 }).where('username', '=', client.username ?? '').where('failed_logins', '>', 0).execute();
    return { status: res.statusCode, headers: res.headers, body: res.body };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    fingerprint = await fingerprintTracker(t.app.database);
    // Real targets for `:id` that no caller here logs in as, since a junk call may validly disable them.
    realIds = [await userIdOf(t, 'town02'), await userIdOf(t, 'resident01')];
  });
  afterAll(async () => { await t.close(); });

  for (const route of FUZZED) {
    it(`${route.method} ${route.url} answers junk with a 4xx problem and writes nothing`, async () => {
      const client = await callerFor(route.access);
      // Longer path params are refused by the router itself; 'specific junk' below covers that case.
      const param = nastyString.filter((s) => s.length > 0 && encodeURIComponent(s).length <= 100);
      const idArb = fc.oneof(fc.constantFrom(...realIds), fc.uuid(), param);
      const localeArb = fc.oneof(fc.constantFrom('en', 'zh-CN'), param);
      const fields = fieldsOf(route);
      await fc.assert(fc.asyncProperty(idArb, localeArb, route.hasQuery ? queryString(fields.query) : fc.constant(''),
        route.method === 'GET' ? fc.constant<Payload>({}) : jsonBody(fields.body), async (id, locale, query, payload) => {
          const path = route.url.replace(':id', encodeURIComponent(id)).replace(':locale', encodeURIComponent(locale));
          const url = query ? `${path}?${query}` : path;
          const before = await fingerprint.current();
          const res = await send(client, route.method, url, payload);
          const where = `${route.method} ${url.slice(0, 200)} ${String(payload.text).slice(0, 200)} → ${res.status} ${res.body.slice(0, 300)}`;
          expect(res.status, where).toBeLessThan(500);
          const htmlForm = !route.url.startsWith('/api/') && route.method === 'POST' && String(res.headers['content-type']).startsWith('text/html');
          if (res.status >= 400 && !htmlForm) expect(problemOf(res), where).toBeNull();
          if (res.status >= 300 && res.status < 400) expect(isLocalRedirect(String(res.headers.location)), where).toBe(true);
          if (NO_WRITE_STATUSES.includes(res.status)) {
            expect(await fingerprint.current(), where).toEqual(before);
          }
        }), { numRuns: runs });
    });
  }

  it('the fingerprint notices a single changed field and ignores a session being touched', async () => {
    const admin = await callerFor('core.user.update');
    const before = await databaseFingerprint(t.app.database.db, kind);
    await t.app.database.db.updateTable('sessions').set({ last_seen_at: '2030-01-01T00:00:00.000Z' }).execute();
    expect(await databaseFingerprint(t.app.database.db, kind)).toEqual(before);
    const res = await admin.patch(`/api/v1/users/${await userIdOf(t, 'editor')}`, { displayName: '指纹 测试' });
    expect(res.status).toBe(200);
    const after = await databaseFingerprint(t.app.database.db, kind);
    expect(after.users).not.toBe(before.users);
    expect(after.audit_log).not.toBe(before.audit_log);
    // The cached tracker the fuzzer uses sees the same change (it may skip hashing only when nothing was written).
    const tracked = await fingerprint.current();
    await t.app.database.db.updateTable('users').set({ display_name: '指纹 再测' }).where('username', '=', 'editor').execute();
    expect((await fingerprint.current()).users).not.toBe(tracked.users);
  });

  describe('specific junk', () => {
    it('a JSON body over 1 MiB is 413 problem+json, and so is a form over 64 KiB', async () => {
      const admin = await callerFor('core.user.create');
      const big = await send(admin, 'POST', '/api/v1/users', { contentType: 'application/json', text: JSON.stringify({ username: 'x'.repeat(1024 * 1024 + 10) }) });
      expect(big.status).toBe(413);
      expect(problemOf(big)).toBeNull();
      expect(JSON.parse(big.body).code).toBe('request.too_large');
      const form = await send(admin, 'POST', '/login', { contentType: 'application/x-www-form-urlencoded', text: `username=${'x'.repeat(70 * 1024)}` });
      expect(form.status).toBe(413);
      expect(problemOf(form)).toBeNull();
    });

    it('malformed JSON is 400 request.invalid_json', async () => {
      const admin = await callerFor('core.user.create');
      const res = await send(admin, 'POST', '/api/v1/users', { contentType: 'application/json', text: '{"username": "abc",' });
      expect(res.status).toBe(400);
      expect(problemOf(res)).toBeNull();
      expect(JSON.parse(res.body).code).toBe('request.invalid_json');
    });

    it('an unknown field is 400 naming the field', async () => {
      const admin = await callerFor('core.user.create');
      const res = await admin.post('/api/v1/users', { username: 'fuzz-unknown', displayName: '未知 字段', roles: [], nickname: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toContain('nickname');
      expect(res.body.errors.find((e: any) => e.field === 'nickname')).toMatchObject({ code: 'additionalProperties' });
    });

    it('page=0, pageSize=100000 and negative numbers are 400, not clamped (T6)', async () => {
      const admin = await callerFor('core.user.read');
      const auditor = await callerFor('core.audit.read');
      for (const [client, path] of [[admin, '/api/v1/users'], [auditor, '/api/v1/audit']] as const) {
        for (const q of ['page=0', 'pageSize=100000', 'pageSize=0', 'page=-3', 'pageSize=-1']) {
          const res = await client.get(`${path}?${q}`);
          expect(res.status, `${path}?${q}`).toBe(400);
          expect(res.body.errors?.[0]?.field, `${path}?${q}`).toMatch(/page/);
        }
      }
    });

    it('a path with broken %-encoding or an over-long parameter still gets a problem+json answer', async () => {
      const admin = await callerFor('core.user.read');
      const wrong: string[] = [];
      for (const url of ['/api/v1/users/%zz', '/api/v1/users/%E0%A4%A', `/api/v1/users/${'x'.repeat(101)}`, '/lang/%zz']) {
        const res = await send(admin, 'GET', url, {});
        const problem = res.status >= 400 && res.status < 500 ? problemOf(res) : `status ${res.status}`;
        if (problem) wrong.push(`${url.slice(0, 40)} → ${res.status}: ${problem}`);
      }
      expect(wrong).toEqual([]);
    });

    it('text containing a NUL character is refused or handled, never a 5xx (PostgreSQL rejects 0x00 in text)', async () => {
      const admin = await callerFor('core.user.update');
      const auditor = await callerFor('core.audit.read');
      const teacher = await userIdOf(t, 'teacher');
      const calls: Array<[Client, string, string, unknown?]> = [
        [t.anonymous(), 'POST', '/api/v1/auth/login', { username: 'a\u0000', password: 'x' }],
        [admin, 'GET', '/api/v1/users?q=%00'],
        [admin, 'GET', '/api/v1/users?role=%00'],
        [admin, 'PATCH', `/api/v1/users/${teacher}`, { displayName: 'a\u0000b' }],
        [auditor, 'GET', '/api/v1/audit?actor=%00'],
        [auditor, 'GET', '/api/v1/audit?targetId=%00'],
      ];
      const wrong: string[] = [];
      for (const [client, method, url, body] of calls) {
        const res = await client.request(method, url, body);
        if (res.status >= 500) wrong.push(`${method} ${url} ${JSON.stringify(body ?? '')} → ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });

    const BACKS = ['//evil.example', '/\\evil.example', 'https://evil.example', '/\t/evil.example', '/\n/evil.example', '/\r\nSet-Cookie: x=1', '/\u0000'];
    // A NUL character is refused up front (400) on every route, so that both databases answer alike.
    it('the language switch never redirects off-site nor fails on control characters in `back`', async () => {
      const wrong: string[] = [];
      for (const back of BACKS) {
        const res = await t.anonymous().get(`/lang/en?back=${encodeURIComponent(back)}`);
        if (!(back.includes('\u0000') && res.status === 400) && (res.status !== 303 || !isLocalRedirect(String(res.headers.location)))) wrong.push(`${JSON.stringify(back)} → ${res.status} ${JSON.stringify(res.headers.location)}`);
      }
      expect(wrong).toEqual([]);
    });

    it('the care-mode switch never redirects off-site nor fails on control characters in `back`', async () => {
      const wrong: string[] = [];
      for (const back of BACKS) {
        const res = await t.anonymous().get(`/care-mode?on=1&back=${encodeURIComponent(back)}`);
        if (!(back.includes('\u0000') && res.status === 400) && (res.status !== 303 || !isLocalRedirect(String(res.headers.location)))) wrong.push(`${JSON.stringify(back)} → ${res.status} ${JSON.stringify(res.headers.location)}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});
