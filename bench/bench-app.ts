import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/core/config.js';
import { createDatabase, type DatabaseHandle } from '../src/core/db/database.js';

export interface BenchApp {
  app: Awaited<ReturnType<typeof buildApp>>;
  database: DatabaseHandle;
  /** The BENCH_DATABASE_URL server ('' on SQLite). */
  serverUrl: string;
}

async function onServer(serverUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Runs a bench against the whole platform with its demo data: a fresh data folder and, when BENCH_DATABASE_URL is
 * set, a fresh PostgreSQL database on that server instead of SQLite. Both are removed afterwards, whatever happens.
 */
export async function withBenchApp<T>(name: string, run: (bench: BenchApp) => Promise<T>): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `lc-${name}-bench-`));
  const serverUrl = process.env.BENCH_DATABASE_URL || '';
  const dbName = serverUrl ? `lc_bench_${crypto.randomBytes(4).toString('hex')}` : '';
  let databaseUrl = '';
  if (dbName) {
    await onServer(serverUrl, `create database ${dbName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  try {
    const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, DEMO: '1', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent',
      DATA_KEY: crypto.randomBytes(32).toString('base64') });
    const database = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
    const app = await buildApp({ config, database, logger: false });
    try {
      return await run({ app, database, serverUrl });
    } finally {
      await app.close();
      await database.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbName) await onServer(serverUrl, `drop database if exists ${dbName} with (force)`);
  }
}
