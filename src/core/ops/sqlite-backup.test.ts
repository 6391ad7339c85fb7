import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import SqliteDatabase from 'better-sqlite3';
import { openSqlite } from '../db/database.js';
import { backupSqlite, integrityCheck, restoreSqlite } from './sqlite-backup.js';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-backup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('SQLite online backup', () => {
  it('backs up while a writer inserts 10,000 rows: the copy is intact and holds a committed prefix', async () => {
    const dir = tempDir();
    const live = openSqlite(path.join(dir, 'live.sqlite'));
    live.exec('create table events (n integer primary key, payload text not null)');
    const insert = live.prepare('insert into events (n, payload) values (?, ?)');
    let written = 0;
    const writer = setInterval(() => {
      // Each tick commits a batch, so the backup races real commits.
      live.transaction(() => { for (let i = 0; i < 500 && written < 10_000; i++) insert.run(++written, 'x'.repeat(200)); })();
      if (written >= 10_000) clearInterval(writer);
    }, 1);
    await new Promise((r) => setTimeout(r, 5));
    const target = path.join(dir, 'copy.sqlite');
    await backupSqlite(live, target);
    await new Promise<void>((resolve) => { const wait = setInterval(() => { if (written >= 10_000) { clearInterval(wait); resolve(); } }, 2); });
    expect(integrityCheck(target)).toBe('ok');
    const copy = new SqliteDatabase(target, { readonly: true });
    const { count, max } = copy.prepare('select count(*) as count, coalesce(max(n), 0) as max from events').get() as { count: number; max: number };
    copy.close();
    expect(count).toBe(max); // a prefix 1..max with nothing missing: only whole transactions made it in
    expect(count % 500).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    live.close();
  });

  it('restores a backup over the database file and refuses a corrupt one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    const db = openSqlite(file);
    db.exec("create table notes (t text); insert into notes values ('before')");
    await backupSqlite(db, path.join(dir, 'b.sqlite'));
    db.exec("insert into notes values ('after')");
    db.close();
    restoreSqlite(path.join(dir, 'b.sqlite'), file);
    const reopened = new SqliteDatabase(file, { readonly: true });
    expect(reopened.prepare('select t from notes').all()).toEqual([{ t: 'before' }]);
    reopened.close();
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, 'not a database at all'.repeat(100));
    expect(() => restoreSqlite(bad, file)).toThrow();
  });
});
