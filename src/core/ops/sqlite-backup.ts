import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';

function fsyncFile(file: string) {
  const fd = fs.openSync(file, 'r');
  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
}

function fsyncDir(dir: string) {
  const fd = fs.openSync(dir, 'r');
  try { fs.fsyncSync(fd); } catch { /* some filesystems refuse directory fsync */ } finally { fs.closeSync(fd); }
}

export function integrityCheck(file: string): string {
  const db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/**
 * Online backup of a live SQLite database through the backup API (never a file copy, which can catch a
 * half-written WAL): written to a temp file, checked, fsynced, then renamed into place atomically.
 */
export async function backupSqlite(source: SqliteDatabase.Database, target: string): Promise<{ pages: number }> {
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  fs.rmSync(temp, { force: true });
  try {
    const result = await source.backup(temp);
    const check = integrityCheck(temp);
    if (check !== 'ok') throw new Error(`backup failed its integrity check: ${check}`);
    fsyncFile(temp);
    fs.renameSync(temp, target);
    fsyncDir(dir);
    return { pages: result.totalPages };
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * Replaces the database file with a checked backup. The server must be stopped: the old WAL and
 * shared-memory files are removed so they cannot be replayed over the restored data.
 */
export function restoreSqlite(backupFile: string, databaseFile: string) {
  const check = integrityCheck(backupFile);
  if (check !== 'ok') throw new Error(`refusing to restore: the backup failed its integrity check: ${check}`);
  const dir = path.dirname(databaseFile);
  const temp = path.join(dir, `.restore.${process.pid}.tmp`);
  fs.copyFileSync(backupFile, temp);
  fsyncFile(temp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
  fs.renameSync(temp, databaseFile);
  fsyncDir(dir);
}
