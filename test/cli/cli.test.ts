import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import SqliteDatabase from 'better-sqlite3';
import { projectRoot } from '../../src/core/paths.js';
import { testDialects } from '../support/databases.js';
import { loadConfig } from '../../src/core/config.js';
import { buildApp } from '../../src/app.js';

const cliPath = path.join(projectRoot, 'dist', 'src', 'cli.js');

/** The operator's CLI, run as operators run it: the compiled entry point in a child process. */
describe.each(testDialects())('operator CLI on %s', (kind) => {
  let env: Record<string, string>;
  let dataDir: string;
  let dbName: string | null = null;
  const cli = (...args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });

  beforeAll(async () => {
    expect(fs.existsSync(cliPath), 'run `npm run build:server` first (npm test does)').toBe(true);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-cli-'));
    env = { DATA_DIR: dataDir, DEMO: '0', NODE_ENV: 'development', DATA_KEY: crypto.randomBytes(32).toString('base64'), DATABASE_URL: '' };
    if (kind === 'postgres') {
      // A database of its own: pg_restore --clean must not touch the schemas other tests are using.
      dbName = `lc_cli_${crypto.randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${dbName}`;
      env.DATABASE_URL = url.toString();
    }
  });

  afterAll(async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  it('sets up a production-style installation: no accounts until the operator creates one', async () => {
    expect(cli('migrate').status).toBe(0);
    const noCity = cli('create-user', '--username', 'chief', '--role', 'city_admin');
    expect(noCity.status).toBe(1);
    expect(noCity.stderr).toMatch(/init-city/);
    expect(cli('init-city', '--code', '329902', '--name', '临河市').status).toBe(0);
    const created = cli('create-user', '--username', 'chief', '--role', 'city_admin', '--display-name', '教育局 管理员');
    expect(created.status, created.stderr).toBe(0);
    const password = created.stdout.trim().split('\n').pop()!;
    expect(password).toMatch(/^\S{16}$/);

    const app = await buildApp({ config: loadConfig({ ...env, NODE_ENV: 'test' }), logger: false });
    try {
      const users = await app.core.db.selectFrom('users').select('username').execute();
      expect(users.map((u) => u.username)).toEqual(['chief']);
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'chief', password } });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.passwordChangeRequired).toBe(true);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const headers = { cookie, 'x-csrf-token': login.json().csrfToken };
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode).toBe(403);
      const change = await app.inject({ method: 'POST', url: '/api/v1/auth/password', headers, payload: { currentPassword: password, newPassword: 'Riverside-Lantern-42' } });
      expect(change.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('backs up, detects tampering with audit verify, and restores the backup', () => {
    const backup = path.join(dataDir, kind === 'postgres' ? 'backup.dump' : 'backup.sqlite');
    // An uploaded file, where the content module keeps them: it must travel with the backup.
    const uploaded = path.join(dataDir, 'files', 'ab', 'ab12cd34');
    fs.mkdirSync(path.dirname(uploaded), { recursive: true });
    fs.writeFileSync(uploaded, '附件：社区教育经费使用情况表');
    const made = cli('backup', backup);
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('1 uploaded files');
    expect(fs.statSync(backup).size).toBeGreaterThan(0);
    fs.rmSync(path.join(dataDir, 'files'), { recursive: true });
    expect(cli('audit', 'verify').status).toBe(0);

    if (kind === 'sqlite') {
      const raw = new SqliteDatabase(path.join(dataDir, 'learning-city.sqlite'));
      raw.exec('drop trigger audit_log_no_update');
      raw.prepare("update audit_log set actor_name = 'someone-else' where seq = 1").run();
      raw.close();
    } else {
      const c = new pg.Client({ connectionString: env.DATABASE_URL });
      const run = async () => {
        await c.connect();
        await c.query('alter table audit_log disable trigger audit_log_no_change');
        await c.query("update audit_log set actor_name = 'someone-else' where seq = 1");
        await c.end();
      };
      return run().then(() => afterTamper());
    }
    afterTamper();

    function afterTamper() {
      const verify = cli('audit', 'verify');
      expect(verify.status).toBe(1);
      expect(verify.stderr).toMatch(/TAMPERED: entry 1 \(hash_mismatch\)/);
      // A file backup that no longer matches its manifest is refused before the database is touched.
      const copy = path.join(`${backup}.files`, 'ab', 'ab12cd34');
      fs.writeFileSync(copy, '被改动的附件');
      const refused = cli('restore', backup);
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toContain('file backup damaged');
      expect(cli('audit', 'verify').status).toBe(1);
      fs.writeFileSync(copy, '附件：社区教育经费使用情况表');

      const restored = cli('restore', backup);
      expect(restored.status, restored.stderr).toBe(0);
      expect(fs.readFileSync(uploaded, 'utf8')).toBe('附件：社区教育经费使用情况表');
      const again = cli('audit', 'verify');
      expect(again.status, again.stderr).toBe(0);
    }
  });
});
