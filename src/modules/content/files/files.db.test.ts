import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { pngImage, type FormPart } from '../../../../test/support/upload-fixtures.js';
import { sendRaw, storedFiles, upload } from '../../../../test/support/upload-client.js';
import { contentDb } from '../content-schema.js';
import { publishInTransaction } from '../items/item-writer.js';

const TABLES = ['content_files', 'content_attachments', 'content_items', 'audit_log'] as const;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

describe.each(testDialects())('uploaded files and attachments on %s', (kind) => {
  let t: TestApp;
  let editor: Client;
  const db = () => contentDb(t.app.core);
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) =>
    [table, Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));

  async function newDraft(title = '附件测试通知'): Promise<string> {
    const res = await editor.post('/api/v1/content/items', { categoryId: 'notices', title, bodyHtml: '<p>请下载附件。</p>' });
    expect(res.status, res.raw).toBe(201);
    return res.body.id;
  }
  const attach = (client: Client, itemId: string, parts: FormPart[]) => upload(t, client, `/api/v1/content/items/${itemId}/attachments`, parts);
  const file = (filename: string, content: Buffer): FormPart => ({ name: 'file', filename, content });

  /** Asserts a refused request: the problem's status and code, and no row or byte written. */
  async function expectRefused(send: () => Promise<{ status: number; body: any; headers: Record<string, any> }>, status: number, code?: string) {
    const before = { rows: await counts(), files: storedFiles(t) };
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/problem+json');
    if (code) expect(res.body.code).toBe(code);
    expect(await counts()).toEqual(before.rows);
    expect(storedFiles(t)).toEqual(before.files);
    return res;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    editor = await t.login('editor');
  });
  afterAll(async () => { await t.close(); });

  it('stores an attachment under a random key outside the web root, with its hash and a cleaned name', async () => {
    const itemId = await newDraft();
    const content = Buffer.from('报名表：姓名、电话、所在镇。\n', 'utf8');
    const res = await attach(editor, itemId, [file('../..\\通知 <附件>.txt', content), { name: 'title', value: '报名表' }]);
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ role: 'attachment', title: '报名表', originalName: '通知 _附件_.txt', mime: 'text/plain; charset=utf-8', size: content.length, url: `/files/${res.body.fileId}` });
    const row = await db().selectFrom('content_files').selectAll().where('id', '=', res.body.fileId).executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
    expect(row.sha256).toBe(crypto.createHash('sha256').update(content).digest('hex'));
    const onDisk = path.join(t.db.dataDir, 'files', row.storage_key.slice(0, 2), row.storage_key);
    expect(fs.readFileSync(onDisk)).toEqual(content);
    expect(storedFiles(t).some((p) => p.includes('通知') || p.includes('..'))).toBe(false);
    const detail = await editor.get(`/api/v1/content/items/${itemId}`);
    expect(detail.body.attachments.map((a: any) => a.id)).toEqual([res.body.id]);
    const audit = await t.app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'content.attachment.add').where('target_id', '=', itemId).execute();
    expect(audit).toHaveLength(1);
  });

  it('serves a draft’s file to staff in scope only, with safe headers; to everyone once the item is published', async () => {
    const itemId = await newDraft('下载测试');
    const res = await attach(editor, itemId, [file('活动安排 (2024).pdf', PDF)]);
    expect(res.status, res.raw).toBe(201);
    const url = `/files/${res.body.fileId}`;
    expect((await t.anonymous().get(url)).status).toBe(404);
    // The institution admin of a town's center reads content of its own scope only; this file is the city's.
    expect((await (await t.login('staff')).get(url)).status).toBe(404);
    expect((await (await t.login('resident')).get(url)).status).toBe(404);

    const staffView = await editor.get(url);
    expect(staffView.status).toBe(200);
    expect(staffView.raw).toBe(PDF.toString());
    expect(staffView.headers['content-type']).toBe('application/pdf');
    expect(staffView.headers['content-disposition']).toBe(
      `attachment; filename="____ (2024).pdf"; filename*=UTF-8''${encodeURIComponent('活动安排').replace(/'/g, '%27')}%20%282024%29.pdf`);
    expect(staffView.headers['x-content-type-options']).toBe('nosniff');
    expect(staffView.headers['cache-control']).toBe('private, no-cache');
    const etag = staffView.headers.etag;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await editor.request('GET', url, undefined, { 'if-none-match': etag })).status).toBe(304);

    await db().transaction().execute((trx) => publishInTransaction(trx, t.app.core, itemId, new Date()));
    const publicView = await t.anonymous().get(url);
    expect(publicView.status).toBe(200);
    expect(publicView.headers['cache-control']).toBe('public, max-age=600');
    expect((await t.anonymous().get('/files/00000000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('serves images inline with their checked type; an inline image must be an image', async () => {
    const itemId = await newDraft('插图测试');
    const res = await attach(editor, itemId, [file('示意图.png', pngImage()), { name: 'role', value: 'image' }]);
    expect(res.status, res.raw).toBe(201);
    expect(res.body).toMatchObject({ role: 'image', mime: 'image/png', title: '示意图' });
    const view = await editor.get(res.body.url);
    expect(view.headers['content-type']).toBe('image/png');
    expect(view.headers['content-disposition']).toMatch(/^inline; filename="___\.png"; filename\*=UTF-8''/);
    await expectRefused(() => attach(editor, itemId, [file('说明.pdf', PDF), { name: 'role', value: 'image' }]), 400, 'content.file.image_required');
    await expectRefused(() => attach(editor, itemId, [file('说明.pdf', PDF), { name: 'role', value: 'cover' }]), 400, 'request.invalid');
  });

  it('refuses a file over 20 MiB with 413 problem+json and writes nothing', async () => {
    const itemId = await newDraft('超大文件');
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
    const res = await expectRefused(() => attach(editor, itemId, [file('大文件.pdf', big)]), 413, 'content.file.too_large');
    expect(res.body.message['zh-CN']).toContain('20 MiB');
    // Exactly 20 MiB is still accepted.
    const limit = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 - PDF.length, 0x20)]);
    expect((await attach(editor, itemId, [file('刚好.pdf', limit)])).status).toBe(201);
  });

  it('refuses what a browser could run and files whose bytes are another type than their name says', async () => {
    const itemId = await newDraft('类型检查');
    const gbk = Buffer.from([0xc9, 0xe7, 0xc7, 0xf8, 0xbd, 0xcc, 0xd3, 0xfd]); // 社区教育 in GBK: not UTF-8
    const cases: [string, Buffer][] = [
      ['安装包.exe', EXE], ['通知.pdf', EXE], ['页面.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['页面.txt', Buffer.from('<!doctype html><script>alert(1)</script>')], ['图.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['图.txt', Buffer.from('<svg onload="alert(1)"/>')], ['照片.jpg', pngImage()], ['报表.docx', PDF], ['文本.txt', gbk],
      ['二进制.txt', Buffer.from('abc\u0000def')], ['无扩展名', PDF], ['空.txt', Buffer.alloc(0)],
    ];
    for (const [name, bytes] of cases) {
      await expectRefused(() => attach(editor, itemId, [file(name, bytes)]), 400, bytes.length === 0 ? 'content.file.empty' : 'content.file.type');
    }
  });

  it('answers junk multipart and non-multipart bodies with 4xx problems and writes nothing', async () => {
    const itemId = await newDraft('乱码表单');
    const url = `/api/v1/content/items/${itemId}/attachments`;
    await expectRefused(() => sendRaw(t, editor, 'POST', url, 'garbage', 'multipart/form-data'), 400, 'content.file.malformed');
    await expectRefused(() => sendRaw(t, editor, 'POST', url, '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc', 'multipart/form-data; boundary=x'), 400);
    await expectRefused(() => sendRaw(t, editor, 'POST', url, '{"file":"x"}', 'application/json'), 415, 'content.file.multipart_required');
    await expectRefused(() => sendRaw(t, editor, 'POST', url, '<x/>', 'application/xml'), 415);
    await expectRefused(() => attach(editor, itemId, [{ name: 'title', value: '没有文件' }]), 400, 'request.invalid');
    await expectRefused(() => attach(editor, itemId, [file('a.txt', Buffer.from('一')), file('b.txt', Buffer.from('二'))]), 400, 'content.file.malformed');
    await expectRefused(() => attach(editor, itemId, [{ name: 'upload', filename: 'a.txt', content: Buffer.from('一') }]), 400, 'request.invalid');
    await expectRefused(() => attach(editor, itemId, [file('a.txt', Buffer.from('一')), { name: 'owner', value: 'x' }]), 400, 'request.invalid');
    await expectRefused(() => attach(editor, itemId, [file('a.txt', Buffer.from('一')), { name: 'title', value: '长'.repeat(201) }]), 400, 'request.invalid');
    await expectRefused(() => attach(editor, 'no-such-item', [file('a.txt', Buffer.from('一'))]), 404, 'content.item.not_found');
  });

  it('keeps attachments of items outside the caller’s scope out of reach (404), and locks them once submitted', async () => {
    const itemId = await newDraft('锁定测试');
    const town2 = await t.login('town02');
    await expectRefused(() => attach(town2, itemId, [file('a.txt', Buffer.from('一'))]), 404, 'content.item.not_found');
    expect((await editor.post(`/api/v1/content/items/${itemId}/submit`, {})).status).toBe(200);
    const locked = await expectRefused(() => attach(editor, itemId, [file('a.txt', Buffer.from('一'))]), 409, 'content.attachment.locked');
    expect(locked.body.message['zh-CN']).toContain('in_review');
  });

  it('removes an attachment with its file row and bytes, audited; a second removal is 404', async () => {
    const itemId = await newDraft('删除测试');
    const added = await attach(editor, itemId, [file('名单.txt', Buffer.from('张三\n李四\n'))]);
    const row = await db().selectFrom('content_files').selectAll().where('id', '=', added.body.fileId).executeTakeFirstOrThrow();
    const onDisk = path.join(t.db.dataDir, 'files', row.storage_key.slice(0, 2), row.storage_key);
    expect(fs.existsSync(onDisk)).toBe(true);
    const url = `/api/v1/content/items/${itemId}/attachments/${added.body.id}`;
    expect((await t.login('town02').then((c) => c.delete(url))).status).toBe(404);
    const res = await editor.delete(url);
    expect(res.status).toBe(204);
    expect(await db().selectFrom('content_files').select('id').where('id', '=', row.id).executeTakeFirst()).toBeUndefined();
    expect(fs.existsSync(onDisk)).toBe(false);
    const audit = await t.app.database.db.selectFrom('audit_log').select(['before_json']).where('action', '=', 'content.attachment.remove').where('target_id', '=', itemId).executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.before_json))).toMatchObject({ name: '名单.txt', sha256: row.sha256 });
    expect((await editor.delete(url)).body.code).toBe('content.attachment.not_found');
  });
});
