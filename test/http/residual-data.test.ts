import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../../src/core/db/database.js';
import { projectRoot } from '../../src/core/paths.js';

describe('residual information (P9)', () => {
  it('opens every SQLite connection with secure_delete on, so deleted rows are zeroed in the file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-p9-'));
    const handle = createDatabase({ databaseUrl: null, dataDir });
    try {
      const sqlite = handle.sqlite!;
      expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
      // A purged value must not stay readable in the file's free pages.
      const marker = 'RESIDUAL-110105194912310021-MARKER';
      sqlite.exec('create table t (v text)');
      sqlite.prepare('insert into t values (?)').run(marker);
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.prepare('delete from t').run();
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const file = path.join(dataDir, 'learning-city.sqlite');
      expect(fs.readFileSync(file).includes(Buffer.from(marker))).toBe(false);
    } finally {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('keeps no personal data in browser storage: only the language choice of the back office is stored', () => {
    const roots = ['admin/src', 'src/portal'].map((r) => path.join(projectRoot, r));
    const files = roots.flatMap((root) => (fs.readdirSync(root, { recursive: true }) as string[]).map((f) => path.join(root, f)))
      .filter((f) => /\.(tsx?|js)$/.test(f) && !/\.test\.tsx?$/.test(f) && fs.statSync(f).isFile());
    expect(files.length).toBeGreaterThan(20);
    const users = files.filter((f) => /\b(localStorage|sessionStorage|indexedDB|openDatabase)\b|caches\.open/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(projectRoot, f));
    expect(users).toEqual(['admin/src/core/i18n/lang.ts']);
    const lang = fs.readFileSync(path.join(projectRoot, 'admin/src/core/i18n/lang.ts'), 'utf8');
    expect(lang.match(/Storage\.setItem\(([^,]+),/g)).toEqual(['Storage.setItem(LANG_STORAGE_KEY,']);
    expect(lang).toContain("LANG_STORAGE_KEY = 'lc.lang'");
  });
});
