import type { Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type { AppConfig } from './config.js';
import type { Database } from './db/schema.js';
import type { DialectName } from './db/dialect.js';
import type { Clock } from './time.js';
import type { FieldCrypto } from './pii/field-crypto.js';

/** What every service needs from the platform: passed explicitly, never imported as a global. */
export interface CoreContext {
  config: AppConfig;
  db: Kysely<Database>;
  dialect: DialectName;
  sqlite: SqliteDatabase.Database | null;
  clock: Clock;
  fieldCrypto: FieldCrypto;
}
