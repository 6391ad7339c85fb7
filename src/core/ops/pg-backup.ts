import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not start (${result.error.message}); install the PostgreSQL client tools`);
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Logical dump in pg_dump's custom format (compressed, restorable table by table). */
export function backupPostgres(databaseUrl: string, target: string) {
  run('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${target}`, databaseUrl]);
}

/** Restores into the database in one transaction, replacing the objects the dump contains. */
export function restorePostgres(databaseUrl: string, backupFile: string) {
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', `--dbname=${databaseUrl}`, backupFile]);
}
