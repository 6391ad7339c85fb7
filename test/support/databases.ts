import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type DatabaseHandle } from '../../src/core/db/database.js';

export type DbKind = 'sqlite' | 'postgres';

/** SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (CI sets it). */
export function testDialects(): DbKind[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestDatabase { handle: DatabaseHandle; dataDir: string; drop(): Promise<void> }

/**
 * A database no other test touches: a fresh SQLite file in a temp folder, or a fresh PostgreSQL schema
 * that is dropped afterwards. Test files can therefore run in parallel.
 */
export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-test-'));
  if (kind === 'sqlite') {
    const handle = createDatabase({ databaseUrl: null, dataDir });
    return { handle, dataDir, drop: async () => { await handle.close(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const schema = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = createDatabase({ databaseUrl: url, dataDir, pgSchema: schema });
  return {
    handle, dataDir,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
