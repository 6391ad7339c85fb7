import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../core/paths.js';
import { createDatabase } from '../../../core/db/database.js';
import { createTestApp } from '../../../../test/support/test-app.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { createSession } from '../../../core/auth/sessions.js';
import { dbOf, insertClass, insertResidents, insertTerm } from './test-fixtures.js';
import type { EnrolmentDatabase } from './enrolment-schema.js';
import type { Kysely } from 'kysely';

/** The compiled server, as `npm start` runs it (npm test builds it first); LC_MAIN_JS points elsewhere for a local run. */
const mainPath = process.env.LC_MAIN_JS ?? path.join(projectRoot, 'dist', 'src', 'main.js');
const RESIDENTS = 300;
const SEATS = 40;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function startServer(dataDir: string, key: string, port: number) {
  const child = spawn(process.execPath, [mainPath], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', DEMO: '1',
      NODE_ENV: 'development', LOG_LEVEL: 'silent', DATA_KEY: key },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => { output += chunk; });
  child.stderr!.on('data', (chunk) => { output += chunk; });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { child, exited, output: () => output };
}

async function waitUp(server: { output(): string }) {
  await expect.poll(() => server.output(), { timeout: 45_000, interval: 100 }).toContain('is running on SQLite');
}

/**
 * Durability of acknowledged enrolments: the real server is killed with SIGKILL in the middle of a rush; after a
 * restart every request that got a 201 is in the database, and the seats still add up.
 */
describe('an enrolment rush survives kill -9', () => {
  it('keeps every acknowledged enrolment and consistent seat counts', async () => {
    expect(fs.existsSync(mainPath), 'run `npm run build:server` first (npm test does)').toBe(true);
    const key = crypto.randomBytes(32).toString('base64');
    // Prepare the database in-process (migrations, demo seed, a class, residents with sessions), then hand it over.
    const t = await createTestApp('sqlite', { env: { DATA_KEY: key } });
    const dataDir = t.db.dataDir;
    const db = dbOf(t);
    const term = await insertTerm(db);
    const classId = await insertClass(db, { townId: TOWN_IDS[0], termId: term, seats: SEATS,
      enrol_opens_at: '2020-01-01T00:00:00.000Z', enrol_closes_at: '2099-01-01T00:00:00.000Z' });
    const users = await insertResidents(db, RESIDENTS);
    const sessions = [];
    for (const u of users) sessions.push(await createSession(t.app.database.db, { id: u, kind: 'resident' }, new Date(), { ip: null, userAgent: 'rush' }));
    await t.app.close();
    await t.db.handle.close();

    const port = await freePort();
    let server = startServer(dataDir, key, port);
    let child: ChildProcess = server.child;
    try {
      await waitUp(server);
      const acknowledged: { id: string; status: string }[] = [];
      let failed = 0;
      const url = `http://127.0.0.1:${port}/api/v1/learning/classes/${classId}/enrolments`;
      const requests = sessions.map(async (s) => {
        try {
          const res = await fetch(url, {
            method: 'POST', body: '{}',
            headers: { 'content-type': 'application/json', cookie: `lc_session=${s.token}`, 'x-csrf-token': s.csrfToken },
          });
          if (res.status === 201) {
            acknowledged.push(await res.json() as { id: string; status: string });
            // Kill mid-rush: once a third of the residents have their answer.
            if (acknowledged.length === Math.floor(RESIDENTS / 3)) child.kill('SIGKILL');
          } else failed++;
        } catch {
          failed++; // the connection died with the server: not acknowledged, may or may not be stored
        }
      });
      await Promise.all(requests);
      await server.exited;
      expect(acknowledged.length).toBeGreaterThanOrEqual(Math.floor(RESIDENTS / 3));
      expect(failed).toBeGreaterThan(0);

      // Restart on the same folder: the server comes back, and a late request is served.
      server = startServer(dataDir, key, port);
      child = server.child;
      await waitUp(server);
      const late = sessions[sessions.length - 1];
      const again = await fetch(url, { method: 'POST', body: '{}',
        headers: { 'content-type': 'application/json', cookie: `lc_session=${late.token}`, 'x-csrf-token': late.csrfToken } });
      expect([201, 409]).toContain(again.status);
      child.kill('SIGTERM');
      await server.exited;

      const handle = createDatabase({ databaseUrl: null, dataDir });
      try {
        const check = handle.db as unknown as Kysely<EnrolmentDatabase>;
        const rows = await check.selectFrom('learning_enrolments').select(['id', 'status', 'waitlist_seq']).where('class_id', '=', classId).execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const a of acknowledged) expect(byId.get(a.id)?.status, `acknowledged ${a.id}`).toBe(a.status);
        const cls = await check.selectFrom('learning_classes').select(['seats', 'seats_taken']).where('id', '=', classId).executeTakeFirstOrThrow();
        const held = rows.filter((r) => r.status === 'enrolled' || r.status === 'offered').length;
        expect(cls.seats_taken).toBe(held);
        expect(cls.seats_taken).toBeLessThanOrEqual(cls.seats);
        const seqs = rows.filter((r) => r.waitlist_seq !== null).map((r) => r.waitlist_seq);
        expect(new Set(seqs).size).toBe(seqs.length);
        const quotas = await check.selectFrom('learning_term_quotas').select(['used']).where('term_id', '=', term).execute();
        expect(quotas.reduce((s, q) => s + q.used, 0)).toBe(rows.length);
      } finally {
        await handle.close();
      }
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
