import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import { eventLoopGauge, isOverloaded, RETRY_AFTER_SECONDS, type LoadReading } from '../../src/core/http/load-shedding.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js';

/** The whole app on a private database with a load reading the test sets (no timing involved). */
async function appWithGauge(kind: 'sqlite' | 'postgres', reading: { current: LoadReading }, env: Record<string, string> = {}) {
  const db = await createTestDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: db.dataDir, DEMO: '0', DATA_KEY: crypto.randomBytes(32).toString('base64'), ...env });
  const app = await buildApp({ config, database: db.handle, logger: false, loadGauge: { read: () => reading.current, stop: () => {} } });
  return { app, db };
}

const CALM: LoadReading = { eventLoopDelayMs: 3, eventLoopUtilization: 0.2 };

describe.each(testDialects())('load shedding (T6) on %s', (kind) => {
  const reading = { current: CALM };
  let app: App;
  let db: TestDatabase;
  beforeAll(async () => { ({ app, db } = await appWithGauge(kind, reading)); });
  afterAll(async () => { await app.close(); await db.drop(); });

  it('passes requests through under a normal load, and health says ok', async () => {
    reading.current = CALM;
    expect((await app.inject({ method: 'GET', url: '/api/v1/regions' })).statusCode).toBe(200);
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', db: kind });
  });

  it('over the delay limit: 503 + Retry-After problem+json (zh-CN and en) for pages, API reads and writes alike', async () => {
    reading.current = { eventLoopDelayMs: 1500, eventLoopUtilization: 1 };
    for (const [method, url] of [['GET', '/api/v1/regions'], ['GET', '/'], ['POST', '/api/v1/auth/login'], ['GET', '/no-such-page']] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { username: 'x', password: 'y' } : undefined });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['retry-after'], url).toBe(String(RETRY_AFTER_SECONDS));
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const body = res.json();
      expect(body).toMatchObject({ status: 503, code: 'server.overloaded' });
      expect(body.message['zh-CN']).toMatch(/繁忙/);
      expect(body.message.en).toMatch(/busy/);
    }
  });

  it('a shed login writes nothing: no audit entry, no session', async () => {
    reading.current = { eventLoopDelayMs: 5000, eventLoopUtilization: 1 };
    const count = async (table: 'audit_log' | 'sessions') =>
      Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = [await count('audit_log'), await count('sessions')];
    expect((await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password' } })).statusCode).toBe(503);
    expect([await count('audit_log'), await count('sessions')]).toEqual(before);
  });

  it('health is never shed: it answers 503 overloaded with the pressure, so a balancer sends traffic elsewhere', async () => {
    reading.current = { eventLoopDelayMs: 1234.4, eventLoopUtilization: 0.99 };
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(res.json()).toEqual({ status: 'overloaded', db: kind, pressure: { eventLoopDelayMs: 1234, eventLoopUtilization: 0.99 } });
  });

  it('recovers as soon as the reading drops', async () => {
    reading.current = { eventLoopDelayMs: 2000, eventLoopUtilization: 1 };
    expect((await app.inject({ method: 'GET', url: '/api/v1/regions' })).statusCode).toBe(503);
    reading.current = CALM;
    expect((await app.inject({ method: 'GET', url: '/api/v1/regions' })).statusCode).toBe(200);
  });
});

describe('load shedding limits', () => {
  const defaults = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent-unused', DATA_KEY: Buffer.alloc(32).toString('base64') }).loadShedding;

  it('defaults: a 1 s mean timer lag sheds; utilisation alone does not (a bench keeps a healthy loop near 1)', () => {
    expect(defaults).toEqual({ maxEventLoopDelayMs: 1000, maxEventLoopUtilization: 0 });
    expect(isOverloaded({ eventLoopDelayMs: 999, eventLoopUtilization: 1 }, defaults)).toBe(false);
    expect(isOverloaded({ eventLoopDelayMs: 1001, eventLoopUtilization: 0.1 }, defaults)).toBe(true);
  });

  it('a utilisation limit applies when configured; 0 turns the delay limit off', () => {
    const limits = { maxEventLoopDelayMs: 0, maxEventLoopUtilization: 0.95 };
    expect(isOverloaded({ eventLoopDelayMs: 60_000, eventLoopUtilization: 0.9 }, limits)).toBe(false);
    expect(isOverloaded({ eventLoopDelayMs: 0, eventLoopUtilization: 0.96 }, limits)).toBe(true);
  });

  it('the real gauge: a calm process is not overloaded; a loop kept busy sample after sample is', async () => {
    // Short samples keep this quick; the lag of a blocked loop is at least the length of the block on any machine.
    const gauge = eventLoopGauge(50);
    const limits = { maxEventLoopDelayMs: 20, maxEventLoopUtilization: 0 };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      await pause(400);
      expect(isOverloaded(gauge.read(), defaults)).toBe(false);
      expect(gauge.read().eventLoopUtilization).toBeLessThanOrEqual(1);
      const until = Date.now() + 600;
      while (Date.now() < until) {
        const blockEnd = Date.now() + 120;
        while (Date.now() < blockEnd) { /* keep the loop busy */ }
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(gauge.read().eventLoopDelayMs).toBeGreaterThan(limits.maxEventLoopDelayMs);
      expect(isOverloaded(gauge.read(), limits)).toBe(true);
      await pause(400);
      // Recovered: judged with more room than the busy check, so a busy CI machine's ordinary timer lag does not count.
      expect(isOverloaded(gauge.read(), { ...limits, maxEventLoopDelayMs: 60 })).toBe(false);
    } finally {
      gauge.stop();
    }
  });

  it('bad values stop the start with the variable named', () => {
    const base = { NODE_ENV: 'test', DATA_DIR: '/nonexistent-unused', DATA_KEY: Buffer.alloc(32).toString('base64') };
    expect(() => loadConfig({ ...base, LOAD_SHED_MAX_DELAY_MS: '-5' })).toThrow(/LOAD_SHED_MAX_DELAY_MS/);
    expect(() => loadConfig({ ...base, LOAD_SHED_MAX_UTILIZATION: '1.5' })).toThrow(/LOAD_SHED_MAX_UTILIZATION/);
    expect(loadConfig({ ...base, LOAD_SHED_MAX_UTILIZATION: '0.97' }).loadShedding.maxEventLoopUtilization).toBe(0.97);
  });
});
