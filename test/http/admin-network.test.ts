import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesWith } from '../../src/core/access/permissions.js';
import { parseCidr } from '../../src/core/http/ip-networks.js';
import { loadConfig } from '../../src/core/config.js';
import { createTestApp, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';

const OUTSIDE = '203.0.113.9';
const OFFICE = '10.1.2.3';

/** One request from a given socket address, with the client's session (if any) and extra headers. */
async function from(t: TestApp, address: string, method: string, url: string, client?: Client, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: method as never, url, remoteAddress: address,
    headers: { ...(client?.cookie ? { cookie: `lc_session=${client.cookie}`, 'x-csrf-token': client.csrfToken ?? '' } : {}), ...headers },
  });
  const json = String(res.headers['content-type'] ?? '').includes('json') && res.body ? res.json() : null;
  return { status: res.statusCode, code: json?.code as string | undefined, body: json };
}

const isStaffAccess = (access: string) => access !== 'public' && access !== 'authenticated' && !rolesWith(access).has('resident');
const sampleUrl = (url: string) => url.replace(/:[a-zA-Z]+/g, '0190aaaa-0000-7000-8000-000000000000').replace('*', 'x');

describe.each(testDialects())('admin network allowlist (T7) on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let resident: Client;
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { ADMIN_ALLOWED_NETWORKS: '10.0.0.0/8, 2001:db8::/32' } });
    // Logging in is public: it works from anywhere (the harness logs in from 127.0.0.1).
    admin = await t.login('admin');
    resident = await t.login('resident');
  });
  afterAll(async () => { await t.close(); });

  it('a staff API route answers inside the allowed networks (IPv4, IPv6, IPv4-mapped) and 403 problem+json outside', async () => {
    for (const address of [OFFICE, '2001:db8::5', `::ffff:${OFFICE}`]) {
      expect((await from(t, address, 'GET', '/api/v1/users', admin)).status, address).toBe(200);
    }
    for (const address of [OUTSIDE, '127.0.0.1', '2001:db9::1', '11.0.0.1']) {
      const res = await from(t, address, 'GET', '/api/v1/users', admin);
      expect(res.status, address).toBe(403);
      expect(res.code).toBe('auth.network_not_allowed');
      expect(res.body.message['zh-CN']).toMatch(/办公网络/);
      expect(res.body.message.en).toMatch(/office networks/);
    }
  });

  it('a spoofed X-Forwarded-For from a client that is not a configured proxy is ignored', async () => {
    const res = await from(t, OUTSIDE, 'GET', '/api/v1/users', admin, { 'x-forwarded-for': OFFICE, 'x-real-ip': OFFICE });
    expect(res.status).toBe(403);
  });

  it('the back office pages and files are refused outside, served inside', async () => {
    for (const url of ['/admin', '/admin/', '/admin/users', '/admin/assets/missing.js']) {
      expect((await from(t, OUTSIDE, 'GET', url)).status, url).toBe(403);
      expect((await from(t, OFFICE, 'GET', url)).status, url).not.toBe(403);
    }
  });

  it('the portal, public API, login and resident routes are not restricted', async () => {
    expect((await from(t, OUTSIDE, 'GET', '/')).status).toBe(200);
    expect((await from(t, OUTSIDE, 'GET', '/api/v1/regions')).status).toBe(200);
    expect((await from(t, OUTSIDE, 'GET', '/api/v1/auth/me', resident)).status).toBe(200);
    const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: OUTSIDE, payload: { username: 'resident01', password: 'learning-city-demo' } });
    expect(login.statusCode).toBe(200);
  });

  it('every route: staff permissions refused from outside before authentication; no other route ever is', async () => {
    const routes = t.app.routeRegistry.filter((r) => !r.url.startsWith('/admin'));
    expect(routes.filter((r) => isStaffAccess(r.access)).length).toBeGreaterThan(50);
    expect(routes.some((r) => r.access === 'learning.enrol.self')).toBe(true);
    for (const route of routes) {
      const res = await from(t, OUTSIDE, route.method, sampleUrl(route.url));
      const where = `${route.method} ${route.url} (${route.access}) → ${res.status} ${res.code}`;
      if (isStaffAccess(route.access)) {
        expect(res.status, where).toBe(403);
        expect(res.code, where).toBe('auth.network_not_allowed');
      } else {
        expect(res.code, where).not.toBe('auth.network_not_allowed');
      }
    }
  });
});

describe.each(testDialects())('admin network allowlist behind a trusted proxy on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const PROXY = '10.0.0.1';
  beforeAll(async () => {
    t = await createTestApp(kind, { env: { ADMIN_ALLOWED_NETWORKS: '192.168.10.0/24', TRUST_PROXY: PROXY } });
    admin = await t.login('admin');
  });
  afterAll(async () => { await t.close(); });

  it('X-Forwarded-For counts only when the configured proxy sends it', async () => {
    expect((await from(t, PROXY, 'GET', '/api/v1/users', admin, { 'x-forwarded-for': '192.168.10.7' })).status).toBe(200);
    expect((await from(t, PROXY, 'GET', '/api/v1/users', admin, { 'x-forwarded-for': OUTSIDE })).status).toBe(403);
    // A client that reaches the app directly cannot claim an office address.
    expect((await from(t, OUTSIDE, 'GET', '/api/v1/users', admin, { 'x-forwarded-for': '192.168.10.7' })).status).toBe(403);
    expect((await from(t, '192.168.10.7', 'GET', '/api/v1/users', admin)).status).toBe(200);
  });
});

describe('ADMIN_ALLOWED_NETWORKS and TRUST_PROXY settings', () => {
  const base = { NODE_ENV: 'test', DATA_DIR: '/nonexistent-unused', DATA_KEY: Buffer.alloc(32).toString('base64') };

  it('unset means no restriction; a list of IPv4/IPv6 CIDRs or addresses is kept', () => {
    expect(loadConfig(base).adminAllowedNetworks).toBeNull();
    expect(loadConfig({ ...base, ADMIN_ALLOWED_NETWORKS: '10.0.0.0/8, 2001:db8::/32,192.168.1.5' }).adminAllowedNetworks)
      .toEqual(['10.0.0.0/8', '2001:db8::/32', '192.168.1.5']);
  });

  it('TRUST_PROXY is off, on, or the proxies\' addresses', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.0.1.0/24' }).trustProxy).toEqual(['10.0.0.1', '10.0.1.0/24']);
  });

  it('a bad network stops the start naming the variable and the entry', () => {
    for (const bad of ['10.0.0.0/33', 'example.gov.cn', '10.0.0/8', '2001:db8::/129', '10.0.0.0/8/1', ',']) {
      expect(() => loadConfig({ ...base, ADMIN_ALLOWED_NETWORKS: bad }), bad).toThrow(/ADMIN_ALLOWED_NETWORKS/);
    }
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY.*maybe/);
  });

  it('parses CIDRs and bare addresses', () => {
    expect(parseCidr('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseCidr(' 2001:db8::1 ')).toEqual({ address: '2001:db8::1', prefix: 128, family: 'ipv6' });
    expect(parseCidr('10.0.0.1/')).toBeNull();
    expect(parseCidr('10.0.0.1/-1')).toBeNull();
  });
});
