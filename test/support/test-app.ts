import crypto from 'node:crypto';
import { expect } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { buildApp, type App } from '../../src/app.js';
import { findUnmaskedPersonalData } from '../../src/core/pii/mask.js';
import { systemClock, type Clock } from '../../src/core/time.js';
import { createTestDatabase, type DbKind, type TestDatabase } from './databases.js';

export { DEMO_PASSWORD } from '../../src/core/seed/seed-demo.js';

export interface TestApp {
  app: App;
  kind: DbKind;
  db: TestDatabase;
  /** Every JSON body the app sent that contained a full, valid ID number or mobile number. */
  leaks: { url: string; found: string[] }[];
  login(username: string, password?: string): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export interface Response { status: number; body: any; headers: Record<string, any>; raw: string }

export interface Client {
  /** Who logged in with this client (null for anonymous ones). */
  username: string | null;
  cookie: string | null;
  csrfToken: string | null;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

function cookieFrom(setCookie: string | string[] | undefined, name: string): string | null {
  for (const c of ([] as string[]).concat(setCookie ?? [])) {
    const [pair] = c.split(';');
    const [k, v] = pair.split('=');
    if (k === name) return v || null;
  }
  return null;
}

/**
 * The whole app on a private database (demo data seeded), with a response scanner that records any
 * unmasked ID or mobile number leaving the server in JSON.
 */
export async function createTestApp(kind: DbKind, options: { clock?: Clock; demo?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const config = loadConfig({
    NODE_ENV: 'test', DATA_DIR: db.dataDir, DEMO: options.demo === false ? '0' : '1',
    DATA_KEY: crypto.randomBytes(32).toString('base64'),
    // Load shedding is proven by its own test with an injected gauge; on the suite's busy two cores it must not
    // answer 503 to tests of everything else.
    LOAD_SHED_MAX_DELAY_MS: '0', ...options.env,
  });
  const leaks: TestApp['leaks'] = [];
  // Every JSON answer of the app, however the test sent the request, except the audited reveal routes.
  const app = await buildApp({
    config, database: db.handle, clock: options.clock ?? systemClock, logger: false,
    inspectResponse: (request, reply, payload) => {
      if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').includes('json')) return;
      if (reply.getHeader('x-personal-data') === 'unmasked') return;
      const found = findUnmaskedPersonalData(payload);
      if (found.length > 0) leaks.push({ url: request.url, found });
    },
  });

  const makeClient = (): Client => {
    const client: Client = {
      username: null,
      cookie: null,
      csrfToken: null,
      async request(method, url, body, headers = {}) {
        const res = await app.inject({
          method: method as never, url,
          headers: {
            ...(client.cookie ? { cookie: `lc_session=${client.cookie}` } : {}),
            ...(client.csrfToken && method !== 'GET' ? { 'x-csrf-token': client.csrfToken } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        });
        const setCookie = cookieFrom(res.headers['set-cookie'], 'lc_session');
        if (setCookie) client.cookie = setCookie;
        const contentType = String(res.headers['content-type'] ?? '');
        const isJson = contentType.includes('json');
        const parsed = isJson && res.body ? JSON.parse(res.body) : res.body;
        if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string') client.csrfToken = parsed.csrfToken;
        return { status: res.statusCode, body: parsed, headers: res.headers, raw: res.body };
      },
      get: (url) => client.request('GET', url),
      post: (url, body = {}) => client.request('POST', url, body),
      put: (url, body = {}) => client.request('PUT', url, body),
      patch: (url, body = {}) => client.request('PATCH', url, body),
      delete: (url) => client.request('DELETE', url),
    };
    return client;
  };

  return {
    app, kind, db, leaks,
    anonymous: makeClient,
    async login(username, password = 'learning-city-demo') {
      const client = makeClient();
      const res = await client.post('/api/v1/auth/login', { username, password });
      expect(res.status, `login ${username}: ${res.raw}`).toBe(200);
      client.username = username;
      return client;
    },
    /** Also the suite-wide check: no JSON answer of this app carried a full ID or mobile number. */
    async close() {
      await app.close();
      await db.drop();
      expect(leaks, `unmasked personal data left the server: ${JSON.stringify(leaks)}`).toEqual([]);
    },
  };
}
