import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';
import { enforceRouteAccessDeclarations, type RegisteredRoute } from '../../src/core/http/route-access.js';
import { registerProblemHandlers } from '../../src/core/http/problem.js';
import { registerValidators } from '../../src/core/http/validation.js';

/** Static files served by trusted plugins (swagger-ui, the built back office) carry no config.access by design. */
const PLUGIN_STATIC = ['/api/docs', '/admin/'];

/** Every (method, url) the router knows, read from printRoutes' tree (HEAD twins left out). */
function routesInRouter(app: FastifyInstance): Array<{ method: string; url: string }> {
  const out: Array<{ method: string; url: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[└├]── (.*?) \(([A-Z, ]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    const url = (depth === 0 ? '' : stack[depth - 1]) + m[2];
    stack[depth] = url;
    for (const method of m[3].split(', ')) if (method !== 'HEAD') out.push({ method, url });
  }
  return out;
}

describe.each(testDialects())('every route declares who may call it (AC1) on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });

  it('every route the router serves is in routeRegistry with an access, except plugin static files', () => {
    const known = new Set(t.app.routeRegistry.map((r) => `${r.method} ${r.url}`));
    const served = routesInRouter(t.app);
    expect(served.length).toBeGreaterThan(t.app.routeRegistry.length / 2);
    const undeclared = served.filter((r) => !known.has(`${r.method} ${r.url}`))
      .filter((r) => !(r.method === 'GET' && PLUGIN_STATIC.some((p) => r.url.startsWith(p))));
    expect(undeclared).toEqual([]);
    for (const r of t.app.routeRegistry) expect(typeof r.access, `${r.method} ${r.url}`).toBe('string');
    const servedKeys = new Set(served.map((r) => `${r.method} ${r.url}`));
    expect([...known].filter((k) => !servedKeys.has(k)), 'registry entries the router does not serve').toEqual([]);
  });

  it('every /api/v1 route states a permission or is explicitly public/authenticated', () => {
    for (const r of t.app.routeRegistry.filter((x) => x.url.startsWith('/api/v1/'))) {
      expect(r.access === 'public' || r.access === 'authenticated' || /^[a-z]+\.[a-z_]+\.[a-z_]+$/.test(r.access), `${r.method} ${r.url}: ${r.access}`).toBe(true);
    }
  });
});

describe('enforceRouteAccessDeclarations on a bare Fastify instance', () => {
  function bareApp() {
    const app = Fastify({ logger: false });
    const registry: RegisteredRoute[] = [];
    registerValidators(app);
    registerProblemHandlers(app);
    enforceRouteAccessDeclarations(app, registry);
    return { app, registry };
  }

  it('a plugin adding a route without config.access stops start-up', async () => {
    const { app } = bareApp();
    app.register(async (plugin) => { plugin.post('/api/v1/sneaky', async () => ({ ok: true })); });
    await expect(app.ready()).rejects.toThrow(/POST \/api\/v1\/sneaky declares no config\.access/);
  });

  it('a route added directly without config.access throws at once', async () => {
    const { app } = bareApp();
    expect(() => app.get('/api/v1/also-sneaky', async () => 'x')).toThrow(/declares no config\.access/);
    await app.close();
  });

  it('the plugin exemption covers only GET under its prefixes, not writes', async () => {
    const { app, registry } = bareApp();
    app.get('/admin/some-file.js', async () => 'ok');
    expect(registry).toEqual([]);
    expect(() => app.post('/api/docs/upload', async () => 'x')).toThrow(/declares no config\.access/);
    await app.close();
  });

  it('a route naming an unknown permission stops start-up', async () => {
    const { app } = bareApp();
    app.register(async (plugin) => {
      plugin.get('/api/v1/typo', { config: { access: 'core.user.raed' } }, async () => 'x');
    });
    await expect(app.ready()).rejects.toThrow(/unknown permission core\.user\.raed/);
  });

  it('a declared route is recorded once per method (HEAD twins skipped) and is callable', async () => {
    const { app, registry } = bareApp();
    app.get('/api/v1/fine', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.route({ method: ['PUT', 'PATCH'], url: '/api/v1/fine/:id', config: { access: 'core.user.update' }, handler: async () => ({}) });
    await app.ready();
    expect(registry.map((r) => `${r.method} ${r.url} ${r.access}`)).toEqual([
      'GET /api/v1/fine public', 'PUT /api/v1/fine/:id core.user.update', 'PATCH /api/v1/fine/:id core.user.update',
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/fine' })).json()).toEqual({ ok: true });
    await app.close();
  });
});
