import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';

/** SECURITY.md O2/O3/A10/S2: headers on every answer; personal answers never cached. */
const ANONYMOUS_PAGES = ['/', '/help', '/privacy', '/healthz', '/api/openapi.json', '/api/docs', '/api/v1/regions', '/login', '/register'];
const LOGGED_IN_PAGES = ['/', '/help', '/account', '/api/v1/auth/me', '/api/v1/users', '/api/v1/regions', '/api/v1/audit', '/api/v1/nope'];

/** Problems with the security headers of one answer (empty when all is well). */
function headerProblems(headers: Record<string, any>): string[] {
  const problems: string[] = [];
  const csp = String(headers['content-security-policy'] ?? '');
  if (!csp) problems.push('no CSP');
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
  for (const [name, sources] of directives) {
    for (const s of sources) {
      // Only keywords and data:/blob: are allowed; any host, scheme source or wildcard is a third-party origin.
      if (!/^'(self|none|unsafe-inline)'$/.test(s) && s !== 'data:' && s !== 'blob:') problems.push(`CSP ${name} allows ${s}`);
    }
  }
  for (const required of ['default-src', 'object-src', 'frame-ancestors']) if (!directives.has(required)) problems.push(`CSP lacks ${required}`);
  if (directives.get('object-src')?.join(' ') !== "'none'") problems.push('object-src is not none');
  if (directives.get('frame-ancestors')?.join(' ') !== "'none'") problems.push('frame-ancestors is not none');
  if (headers['x-content-type-options'] !== 'nosniff') problems.push('no nosniff');
  if (!headers['referrer-policy']) problems.push('no referrer-policy');
  if (!headers['x-frame-options']) problems.push('no x-frame-options');
  return problems;
}

describe.each(testDialects())('security headers on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(async () => { await t.close(); });

  it('every anonymous page carries CSP without third-party origins, nosniff, referrer-policy and x-frame-options', async () => {
    for (const url of ANONYMOUS_PAGES) {
      const res = await t.anonymous().get(url);
      expect(res.status, url).toBe(200);
      expect(headerProblems(res.headers), url).toEqual([]);
    }
  });

  it('every answer to a logged-in request has the headers and cache-control: no-store', async () => {
    for (const url of LOGGED_IN_PAGES) {
      const res = await admin.get(url);
      expect(headerProblems(res.headers), url).toEqual([]);
      expect(res.headers['cache-control'], `${url} (${res.status})`).toBe('no-store');
    }
  });

  it('every /api/v1 answer is no-store, errors included', async () => {
    const anon = t.anonymous();
    for (const [method, url] of [['GET', '/api/v1/regions'], ['GET', '/api/v1/users'], ['GET', '/api/v1/nope'], ['POST', '/api/v1/auth/login']]) {
      const res = await anon.request(method, url, method === 'POST' ? { username: 'nobody-here', password: 'x' } : undefined);
      expect(res.headers['cache-control'], `${method} ${url} (${res.status})`).toBe('no-store');
    }
  });

  it('even the answer to a malformed URL carries the security headers', async () => {
    for (const url of ['/api/v1/users/%zz', `/api/v1/users/${'x'.repeat(101)}`]) {
      const res = await admin.get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(headerProblems(res.headers), url).toEqual([]);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('serves a valid OpenAPI 3 document listing every /api/v1 route, and HTML docs', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const spec = res.body;
    expect(spec.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(spec.info?.title).toBeTruthy();
    expect(spec.info?.version).toBeTruthy();
    const missing = t.app.routeRegistry.filter((r) => r.url.startsWith('/api/v1/'))
      .filter((r) => !spec.paths?.[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    for (const [path, ops] of Object.entries<any>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path} has responses`).toBeGreaterThan(0);
        for (const p of op.parameters ?? []) if (p.in === 'path') expect(path, `${method} ${path} names {${p.name}}`).toContain(`{${p.name}}`);
      }
    }
    const docs = await t.anonymous().get('/api/docs');
    expect(docs.status).toBe(200);
    expect(String(docs.headers['content-type'])).toMatch(/^text\/html/);
    expect(docs.raw).toMatch(/swagger/i);
  });

  describe('with SECURE_COOKIES=1', () => {
    let secure: TestApp;
    beforeAll(async () => { secure = await createTestApp(kind, { env: { SECURE_COOKIES: '1' } }); });
    afterAll(async () => { await secure.close(); });

    it('sends HSTS on every answer and sets the session as a __Host- cookie with Secure', async () => {
      const login = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
      expect(login.statusCode).toBe(200);
      const setCookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
      const session = setCookies.find((c) => c.startsWith('__Host-lc_session='));
      expect(session, setCookies.join(' | ')).toBeTruthy();
      const attrs = session!.split(';').slice(1).map((a) => a.trim().toLowerCase());
      expect(attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'path=/', 'samesite=lax']));
      expect(attrs.some((a) => a.startsWith('domain='))).toBe(false);
      expect(setCookies.some((c) => c.startsWith('lc_session='))).toBe(false);
      const token = session!.split(';')[0].split('=')[1];
      const me = await secure.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `__Host-lc_session=${token}` } });
      expect(me.statusCode).toBe(200);
      for (const res of [login, me, ...await Promise.all(['/', '/healthz', '/api/v1/nope', '/api/docs'].map((url) => secure.app.inject({ method: 'GET', url })))]) {
        expect(String(res.headers['strict-transport-security']), res.raw.req.url).toMatch(/max-age=(\d{8,}).*includeSubDomains/);
        expect(Number(/max-age=(\d+)/.exec(String(res.headers['strict-transport-security']))![1])).toBeGreaterThanOrEqual(31_536_000);
      }
    });
  });
});
