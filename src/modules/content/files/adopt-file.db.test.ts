import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { storedFiles } from '../../../../test/support/upload-client.js';
import { simpleChinesePdf } from '../../learning/online/demo-pdf.js';
import { contentDb } from '../content-schema.js';
import { adoptFile, storedFilePath, withStoredFiles } from './file-store.js';
import { checkFileType } from './file-types.js';

describe.each(testDialects())('adopting a file already on disk on %s', (kind) => {
  let t: TestApp;
  const pdf = simpleChinesePdf('领养', ['第一行']);
  const sha = crypto.createHash('sha256').update(pdf).digest('hex');
  /** A received file waiting under DATA_DIR, as a streamed upload leaves it. */
  const waiting = () => {
    const dir = path.join(t.db.dataDir, 'tmp', 'adopt-test');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${crypto.randomBytes(8).toString('hex')}.part`);
    fs.writeFileSync(file, pdf);
    return file;
  };
  const input = async (file: string, id?: string) => ({ id, path: file, size: pdf.length, sha256: sha, type: await checkFileType(pdf, 'a.pdf'),
    originalName: '../讲义<1>.pdf', ownerPath: '/city', userId: null });
  const rowCount = async () => (await contentDb(t.app.core).selectFrom('content_files').select('id').execute()).length;

  beforeAll(async () => { t = await createTestApp(kind, { demo: false }); });
  afterAll(async () => { await t.close(); });

  it('moves the file under a random key and inserts its row: no copy left where it was', async () => {
    const file = waiting();
    const row = await adoptFile(t.app.core, undefined, await input(file));
    expect(row).toMatchObject({ size: pdf.length, sha256: sha, mime: 'application/pdf', owner_path: '/city' });
    expect(row.original_name).not.toContain('/');
    expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.readFileSync(storedFilePath(t.app.core, row.storage_key)).equals(pdf)).toBe(true);
    const stored = await contentDb(t.app.core).selectFrom('content_files').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored.sha256).toBe(sha);
  });

  it('removes the moved bytes when the transaction rolls back or the row cannot be inserted', async () => {
    const rows = await rowCount();
    const files = storedFiles(t).length;
    await expect(withStoredFiles(t.app.core, (_store, adopt) => contentDb(t.app.core).transaction().execute(async (trx) => {
      await adopt(t.app.core, trx, await input(waiting()));
      throw new Error('rolled back');
    }))).rejects.toThrow('rolled back');
    expect(await rowCount()).toBe(rows);
    expect(storedFiles(t).length).toBe(files);

    const first = await adoptFile(t.app.core, undefined, await input(waiting()));
    // Same id again: the insert fails, and the second file's bytes must not stay behind under their new key.
    await expect(adoptFile(t.app.core, undefined, await input(waiting(), first.id))).rejects.toThrow();
    expect(await rowCount()).toBe(rows + 1);
    expect(storedFiles(t).length).toBe(files + 1);
  });

  it('refuses an empty file', async () => {
    const file = waiting();
    await expect(adoptFile(t.app.core, undefined, { ...(await input(file)), size: 0 })).rejects.toMatchObject({ status: 400, messageId: 'content.file.empty' });
  });
});
