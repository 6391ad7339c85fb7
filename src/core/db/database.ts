import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';
import { DEFAULT_POOL_SIZE } from '../config.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file (null on PostgreSQL); backup uses the online backup API on it. */
  sqlite: SqliteDatabase.Database | null;
  /** The PostgreSQL schema in use, when not the default. */
  pgSchema: string | null;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** PostgreSQL schema to work in (tests give each file its own); default public. */
  pgSchema?: string;
  /** SQLite file name inside dataDir. */
  sqliteFile?: string;
  /** PostgreSQL connections in the pool (config DATABASE_POOL_SIZE). */
  poolSize?: number;
}

// Timestamps and counts come back as the same JS types on both databases.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString()); // timestamptz
pg.types.setTypeParser(1114, (v) => new Date(v + 'Z').toISOString()); // timestamp
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10)); // int8: count(*) results

export function openSqlite(file: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, so purged personal data does not linger in free pages (SECURITY.md P9).
  sqlite.pragma('secure_delete = ON');
  return sqlite;
}

/**
 * Kysely's SQLite driver prepares every statement anew; keeping prepared statements by their SQL text
 * saves that work on the queries that run on every request (SQLite re-prepares one itself if the schema
 * changes under it).
 */
export function withStatementCache(sqlite: SqliteDatabase.Database, max = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  const prepare = (source: string) => {
    let statement = cache.get(source);
    if (!statement) {
      statement = sqlite.prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(source, statement);
    }
    return statement;
  };
  return new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export function createDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl) {
    const schema = options.pgSchema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? DEFAULT_POOL_SIZE,
      options: schema ? `-c search_path=${schema}` : undefined,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', sqlite: null, pgSchema: schema ?? null, close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = openSqlite(path.join(options.dataDir, options.sqliteFile ?? 'learning-city.sqlite'));
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', sqlite, pgSchema: null, close: () => db.destroy() };
}
