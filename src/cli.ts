#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './core/config.js';
import { createDatabase } from './core/db/database.js';
import { migrateToLatest } from './core/db/migrate.js';
import { systemClock } from './core/time.js';
import { createFieldCrypto } from './core/pii/field-crypto.js';
import type { CoreContext } from './core/context.js';
import { seedBase } from './core/seed/seed-base.js';
import { seedDemo } from './core/seed/seed-demo.js';
import { allMigrations, MODULES } from './modules/installed.js';
import { verifyAuditChain } from './core/audit/audit-verify.js';
import { recordAudit } from './core/audit/audit-log.js';
import { backupSqlite, restoreSqlite } from './core/ops/sqlite-backup.js';
import { backupPostgres, restorePostgres } from './core/ops/pg-backup.js';
import { backupFiles, restoreFiles, verifyFilesBackup } from './core/ops/files-backup.js';
import { createUserFromCli, initCity } from './core/ops/create-first-admin.js';
import type { ScopeType } from './core/access/roles.js';
import { reindexAll } from './modules/content/search/search-index.js';

const USAGE = `learning-city <command> [options]   (npm run cli -- <command> …)

  migrate                         apply pending database migrations
  seed [--demo]                   insert base rows; with --demo, the demo city and accounts (never in production)
  init-city --code 329901 --name 青溪市 [--population N]
                                  create the city region (production start)
  create-user --username NAME --role ROLE [--scope-type city|region|institution] [--scope-id ID] [--display-name TEXT]
                                  create a staff account; prints a one-time password to change at first login
  backup <file>                   SQLite: online backup, integrity-checked, atomic; PostgreSQL: pg_dump custom format;
                                  uploaded files go to <file>.files/ with a SHA256SUMS manifest
  restore <file>                  SQLite: stop the server first; PostgreSQL: pg_restore in one transaction;
                                  uploaded files are restored only if every hash matches
  audit verify                    check the audit log's hash chain; exit code 1 if it was tampered with
  reindex                         rebuild the site search index with the current search dictionary

Environment: DATA_DIR, DATABASE_URL, DATA_KEY (see README).`;

async function openCore(): Promise<{ core: CoreContext; close: () => Promise<void>; sqliteFile: string | null }> {
  const config = loadConfig();
  const handle = createDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateToLatest(handle.db, allMigrations);
  const core: CoreContext = { config, db: handle.db, dialect: handle.dialect, sqlite: handle.sqlite, clock: systemClock, fieldCrypto: createFieldCrypto(config.dataKey) };
  return { core, close: () => handle.close(), sqliteFile: handle.sqlite ? handle.sqlite.name : null };
}

const cliContext = { actor: null, ip: null, requestId: 'cli' };

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true, strict: true,
    options: {
      demo: { type: 'boolean' }, username: { type: 'string' }, role: { type: 'string' }, 'scope-type': { type: 'string' },
      'scope-id': { type: 'string' }, 'display-name': { type: 'string' }, code: { type: 'string' }, name: { type: 'string' },
      population: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, arg] = positionals;
  if (!command || values.help) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === 'restore' && arg) {
    const config = loadConfig();
    // A damaged file backup stops the restore before the database is touched.
    verifyFilesBackup(path.resolve(arg));
    if (config.databaseUrl) restorePostgres(config.databaseUrl, path.resolve(arg));
    else restoreSqlite(path.resolve(arg), path.join(config.dataDir, 'learning-city.sqlite'));
    const restoredFiles = restoreFiles(path.resolve(arg), config.dataDir);
    const { core, close } = await openCore();
    await recordAudit(core.db, cliContext, { action: 'system.restore', actorOverride: { id: null, name: 'cli' }, after: { file: path.basename(arg) } }, new Date());
    await close();
    console.log(`restored ${arg} and ${restoredFiles} uploaded files`);
    return 0;
  }
  const { core, close, sqliteFile } = await openCore();
  try {
    switch (command) {
      case 'migrate':
        console.log('database is at the latest migration');
        return 0;
      case 'seed':
        await seedBase(core);
        for (const m of MODULES) await m.seed?.(core);
        if (values.demo) {
          if (core.config.env === 'production') throw new Error('demo data is never seeded in production');
          await seedDemo(core);
          for (const m of MODULES) await m.seedDemo?.(core);
        }
        console.log(values.demo ? 'base and demo data present' : 'base data present');
        return 0;
      case 'init-city': {
        if (!values.code || !values.name) throw new Error('init-city needs --code and --name');
        const id = await initCity(core, values.code, values.name, values.population ? Number(values.population) : undefined);
        console.log(`created city ${values.name} (${id})`);
        return 0;
      }
      case 'create-user': {
        if (!values.username || !values.role) throw new Error('create-user needs --username and --role');
        const user = await createUserFromCli(core, {
          username: values.username, role: values.role, displayName: values['display-name'],
          scopeType: values['scope-type'] as ScopeType | undefined, scopeId: values['scope-id'],
        });
        console.log(`created ${user.username}; one-time password (shown once, must be changed at first login):\n${user.password}`);
        return 0;
      }
      case 'backup': {
        if (!arg) throw new Error('backup needs a file name');
        const target = path.resolve(arg);
        if (core.sqlite) await backupSqlite(core.sqlite, target);
        else backupPostgres(core.config.databaseUrl!, target);
        const fileCount = backupFiles(core.config.dataDir, target);
        await recordAudit(core.db, cliContext, { action: 'system.backup', actorOverride: { id: null, name: 'cli' }, after: { file: path.basename(target) } }, new Date());
        console.log(`backup written to ${target}${sqliteFile ? ' (SQLite online backup, integrity ok)' : ' (pg_dump custom format)'}, ${fileCount} uploaded files in ${target}.files/`);
        return 0;
      }
      case 'reindex': {
        const started = Date.now();
        const counts = await reindexAll(core, (done) => process.stdout.write(`indexed ${done}\r`));
        console.log(`search index rebuilt: ${counts.items} items, ${counts.jobs} job postings in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        return 0;
      }
      case 'audit': {
        if (arg !== 'verify') throw new Error('usage: audit verify');
        const report = await verifyAuditChain(core.db);
        if (report.ok) console.log(`audit log intact: ${report.checked} entries verified`);
        else console.error(`audit log TAMPERED: entry ${report.firstBadSeq} (${report.reason}); ${report.checked} entries verified before it`);
        return report.ok ? 0 : 1;
      }
      default:
        console.error(`unknown command ${command}\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error) => {
  console.error(error instanceof ConfigError ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
});
