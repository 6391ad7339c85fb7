import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lc-config-'));

describe('configuration', () => {
  it('has working defaults: port 3000, ./data, SQLite, demo data outside production', () => {
    const dir = tmp();
    const c = loadConfig({ DATA_DIR: dir });
    expect(c).toMatchObject({ port: 3000, host: '0.0.0.0', databaseUrl: null, demo: true, env: 'development', secureCookies: false });
    expect(c.dataKey.length).toBe(32);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dir }).dataKey.equals(c.dataKey)).toBe(true);
  });

  it('selects PostgreSQL with a postgres:// DATABASE_URL', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl).toBe('postgres://u@h:5432/db');
  });

  it('names every bad value in one clear message', () => {
    try {
      loadConfig({ DATA_DIR: tmp(), PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'maybe', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/DEMO/);
      expect(problems).toMatch(/LOG_LEVEL/);
    }
  });

  it('production needs DATA_KEY and refuses demo data', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production' })).toThrow(/DATA_KEY/);
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production', DATA_KEY: key, DEMO: '1' })).toThrow(/DEMO/);
    const prod = loadConfig({ DATA_DIR: tmp(), NODE_ENV: 'production', DATA_KEY: key });
    expect(prod).toMatchObject({ demo: false, secureCookies: true });
  });

  it('PUBLIC_BASE_URL: an http(s) origin (path prefix allowed) without its trailing slash; localhost by default', () => {
    expect(loadConfig({ DATA_DIR: tmp(), PORT: '8080' }).publicBaseUrl).toBe('http://localhost:8080');
    expect(loadConfig({ DATA_DIR: tmp(), PUBLIC_BASE_URL: 'https://xuexi.example.gov.cn/' }).publicBaseUrl).toBe('https://xuexi.example.gov.cn');
    expect(loadConfig({ DATA_DIR: tmp(), PUBLIC_BASE_URL: 'https://example.gov.cn/portal/' }).publicBaseUrl).toBe('https://example.gov.cn/portal');
    for (const bad of ['xuexi.example.gov.cn', 'ftp://example.gov.cn', 'https://example.gov.cn/?a=1', 'https://u:p@example.gov.cn']) {
      expect(() => loadConfig({ DATA_DIR: tmp(), PUBLIC_BASE_URL: bad }), bad).toThrow(/PUBLIC_BASE_URL/);
    }
  });
});
