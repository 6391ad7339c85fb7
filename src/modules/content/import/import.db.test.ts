import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPagePath } from '../../../../test/support/seed-page.js';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { docxDocument, noticeDocx, zipArchive, type FormPart } from '../../../../test/support/upload-fixtures.js';
import { sendRaw, storedFiles, upload } from '../../../../test/support/upload-client.js';
import { contentDb } from '../content-schema.js';
import { publishInTransaction } from '../items/item-writer.js';

const TABLES = ['content_items', 'content_official_documents', 'content_revisions', 'content_files', 'content_attachments', 'audit_log'] as const;
const SEED = seedPagePath();
const OFFICIAL = { organCode: '000014349', topic: '教育' };
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A 通知 whose 落款 organ is named per test, so organ-code look-ups do not depend on test order. */
const noticeText = (organ: string, number: string) => `${organ}文件
${number}
关于做好社区教育志愿者招募工作的通知
各镇社区教育中心：
为壮大社区教育志愿者队伍，现就招募工作通知如下。
一、招募对象
热心社区教育的退休教师和专业技术人员。
二、工作要求
各中心于10月底前报送名单。
附件：志愿者报名表
${organ}
2024年9月1日`;

describe.each(testDialects())('import into drafts on %s', (kind) => {
  let t: TestApp;
  let editor: Client;
  const db = () => contentDb(t.app.core);
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) =>
    [table, Number((await db().selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));

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
  const importDocx = (client: Client, parts: FormPart[]) => upload(t, client, '/api/v1/content/import/docx', parts);
  const docxForm = (bytes: Buffer, extra: Record<string, string> = {}, filename = '社区教育通知.docx'): FormPart[] => [
    { name: 'file', filename, content: bytes, contentType: DOCX_MIME },
    ...Object.entries({ categoryId: 'documents', ...OFFICIAL, ...extra }).map(([name, value]) => ({ name, value })),
  ];

  beforeAll(async () => {
    t = await createTestApp(kind);
    editor = await t.login('editor');
  });
  afterAll(async () => { await t.close(); });

  it('turns the seed page into a structured 意见 draft: title, addressees, three sections, no site text', async () => {
    const res = await editor.post('/api/v1/content/import/text', { text: fs.readFileSync(SEED, 'utf8'), categoryId: 'policies', official: OFFICIAL });
    expect(res.status, res.raw).toBe(201);
    const { item, recognised } = res.body;
    expect(item).toMatchObject({ title: '关于进一步加强我市社区教育工作的意见', status: 'draft', kind: 'official_document', categoryId: 'policies', revision: 1 });
    expect(item.official).toMatchObject({ addressees: '各镇人民政府,市各有关单位', docType: 'opinion', organCode: '000014349', topic: '教育' });
    expect(recognised).toMatchObject({ sectionCount: 3, addressees: '各镇人民政府,市各有关单位', docNumber: null });
    expect(item.bodyHtml.match(/<h2>/g)).toHaveLength(3);
    expect(item.bodyHtml).toContain('<p><strong>4、强化督导管理。</strong>');
    for (const debris of ['全部考试', '勤学考试网', '当前位置', '推荐访问', '小编', '招聘大全']) expect(res.raw).not.toContain(debris);
    const revision = await db().selectFrom('content_revisions').select(['note']).where('item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(revision.note).toBe('由纯文本导入');
    const audit = await t.app.database.db.selectFrom('audit_log').select(['after_json']).where('action', '=', 'content.item.import').where('target_id', '=', item.id).executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after_json))).toMatchObject({ origin: 'text', title: item.title });
  });

  it('fills what a document never states from the organ’s last document, and leaves out a number already taken', async () => {
    const text = noticeText('青山市民政局', '青民发〔2024〕31号');
    // The organ's first document: its code and topic must be given.
    const first = await expectRefused(() => editor.post('/api/v1/content/import/text', { text, categoryId: 'documents' }), 400, 'request.invalid');
    expect(first.body.errors.map((e: any) => e.field).sort()).toEqual(['official.organCode', 'official.topic']);
    const created = await editor.post('/api/v1/content/import/text', { text, categoryId: 'documents', official: { organCode: '000099001', topic: '社会事业' } });
    expect(created.status, created.raw).toBe(201);
    expect(created.body.item.official).toMatchObject({
      docNumber: '青民发〔2024〕31号', issuingOrgan: '青山市民政局', writtenDate: '2024-09-01', docType: 'notice',
      addressees: '各镇社区教育中心', attachmentNotes: '附件：志愿者报名表',
    });
    expect(created.body.warnings).toEqual([]);
    // The same document again: code and topic come from the first, the taken number is left out with a warning.
    const again = await editor.post('/api/v1/content/import/text', { text, categoryId: 'documents' });
    expect(again.status, again.raw).toBe(201);
    expect(again.body.item.official).toMatchObject({ organCode: '000099001', topic: '社会事业', docNumber: null });
    expect(again.body.warnings.map((w: any) => w.code)).toEqual(['doc_number_taken']);
    expect(again.body.warnings[0].message['zh-CN']).toContain('青民发〔2024〕31号');
  });

  it('imports into an article category without 公文 fields, and into a scope under the caller’s', async () => {
    const res = await editor.post('/api/v1/content/import/text', {
      text: '柳泉镇老年学校开学\n本周一，柳泉镇老年学校秋季班开学。', categoryId: 'notices', ownerScope: { type: 'region', id: TOWN_IDS[0] },
    });
    expect(res.status, res.raw).toBe(201);
    expect(res.body.item).toMatchObject({ title: '柳泉镇老年学校开学', official: null, kind: 'article' });
    expect(res.body.item.ownerScope).toMatchObject({ type: 'region', id: TOWN_IDS[0] });
    const town = await t.login('town');
    const refused = await expectRefused(() => town.post('/api/v1/content/import/text', {
      text: '标题\n正文。', categoryId: 'notices', ownerScope: { type: 'region', id: TOWN_IDS[1] },
    }), 400, 'request.invalid');
    expect(refused.body.errors[0]).toMatchObject({ field: 'ownerScope' });
  });

  it('refuses bad text requests with 400 and writes nothing', async () => {
    await expectRefused(() => editor.post('/api/v1/content/import/text', { text: '   \n\n', categoryId: 'notices' }), 400);
    await expectRefused(() => editor.post('/api/v1/content/import/text', { text: '标题', categoryId: 'no-such' }), 400, 'request.invalid');
    await expectRefused(() => editor.post('/api/v1/content/import/text', { text: '标题', categoryId: 'notices', extra: 1 }), 400);
    await expectRefused(() => editor.post('/api/v1/content/import/text', { text: 'x'.repeat(200_001), categoryId: 'notices' }), 400);
    await expectRefused(() => editor.post('/api/v1/content/import/text', { text: 42, categoryId: 'notices' }), 400);
    await expectRefused(() => sendRaw(t, editor, 'POST', '/api/v1/content/import/text', '{"text":', 'application/json'), 400);
  });

  it('turns a Word file into a draft with headings, list, table and image; the original stays attached as the record', async () => {
    const res = await importDocx(editor, docxForm(noticeDocx()));
    expect(res.status, res.raw).toBe(201);
    const { item, recognised } = res.body;
    expect(item).toMatchObject({ title: '关于做好2024年社区教育工作的通知', status: 'draft', categoryId: 'documents' });
    expect(item.official).toMatchObject({
      docNumber: '山教职〔2024〕9号', writtenDate: '2024-03-01', addressees: '各镇人民政府，市各有关单位',
      attachmentNotes: '附件：2024年社区教育工作任务分解表', issuingOrgan: '青山市教育局', cc: '市委宣传部', docType: 'notice',
    });
    expect(recognised).toMatchObject({ docNumber: '山教职〔2024〕9号', closingOrgans: ['青山市教育局'] });
    expect(item.bodyHtml).toContain('<h2>工作目标</h2>');
    expect(item.bodyHtml).toMatch(/<ol><li>每镇建成一所老年学校。<\/li>/);
    expect(item.bodyHtml).toContain('<td><p>柳泉镇</p></td>');
    expect(item.bodyHtml).not.toContain('data:');
    const roles = item.attachments.map((a: any) => a.role).sort();
    expect(roles).toEqual(['image', 'original']);
    const image = item.attachments.find((a: any) => a.role === 'image');
    const original = item.attachments.find((a: any) => a.role === 'original');
    expect(item.bodyHtml).toContain(`src="/files/${image.fileId}"`);
    expect(original).toMatchObject({ mime: DOCX_MIME, originalName: '社区教育通知.docx' });

    // Staff of the scope see both files; visitors see neither while it is a draft.
    expect((await editor.get(image.url)).headers['content-type']).toBe('image/png');
    expect((await editor.get(original.url)).headers['content-disposition']).toMatch(/^attachment;/);
    expect((await t.anonymous().get(image.url)).status).toBe(404);
    const stored = await db().selectFrom('content_files').select(['owner_path']).where('id', 'in', [image.fileId, original.fileId]).execute();
    expect(stored.map((f) => f.owner_path)).toEqual([item.ownerScope.path, item.ownerScope.path]);

    await expectRefused(() => editor.delete(`/api/v1/content/items/${item.id}/attachments/${original.id}`), 409, 'content.attachment.original_kept');
    // Published, the image is public; the original Word file stays the editors' record.
    await db().transaction().execute((trx) => publishInTransaction(trx, t.app.core, item.id, new Date()));
    expect((await t.anonymous().get(image.url)).status).toBe(200);
    expect((await t.anonymous().get(original.url)).status).toBe(404);
    const revision = await db().selectFrom('content_revisions').select(['note']).where('item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(revision.note).toBe('导入自 Word 文件 社区教育通知.docx');
  });

  it('refuses a corrupt or non-Word file with a clear 400, an oversize one with 413, and junk forms; nothing written', async () => {
    const corrupt = noticeDocx().subarray(0, 4000);
    await expectRefused(() => importDocx(editor, docxForm(corrupt, { categoryId: 'notices' })), 400, 'content.import.docx_invalid');
    await expectRefused(() => importDocx(editor, docxForm(zipArchive({ 'a.txt': '不是 Word' }), { categoryId: 'notices' })), 400, 'content.import.docx_invalid');
    await expectRefused(() => importDocx(editor, docxForm(Buffer.from('MZ\u0090\u0000 not a document'), { categoryId: 'notices' })), 400, 'content.import.docx_invalid');
    await expectRefused(() => importDocx(editor, docxForm(noticeDocx(), { categoryId: 'notices' }, '通知.pdf')), 400, 'request.invalid');
    const docOnly = await expectRefused(() => importDocx(editor, docxForm(noticeDocx(), { categoryId: 'notices' }, '通知.doc')), 400);
    expect(docOnly.body.errors[0]).toMatchObject({ field: 'file', code: 'docx_only' });
    const big = Buffer.concat([noticeDocx(), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    await expectRefused(() => importDocx(editor, docxForm(big, { categoryId: 'notices' })), 413, 'content.file.too_large');
    await expectRefused(() => importDocx(editor, [{ name: 'categoryId', value: 'notices' }]), 400, 'request.invalid');
    const empty = await expectRefused(() => importDocx(editor, docxForm(docxDocument([]), { categoryId: 'notices' })), 400, 'request.invalid');
    expect(empty.body.errors[0]).toMatchObject({ field: 'file', code: 'empty' });
    await expectRefused(() => importDocx(editor, docxForm(noticeDocx(), { categoryId: '' })), 400, 'request.invalid');
    await expectRefused(() => importDocx(editor, docxForm(noticeDocx(), { categoryId: 'no-such' })), 400, 'request.invalid');
    await expectRefused(() => importDocx(editor, docxForm(noticeDocx(), { ownerScopeType: 'region' })), 400, 'request.invalid');
    await expectRefused(() => importDocx(editor, docxForm(noticeDocx(), { docType: 'memo' })), 400, 'request.invalid');
    await expectRefused(() => sendRaw(t, editor, 'POST', '/api/v1/content/import/docx', '{}', 'application/json'), 415, 'content.file.multipart_required');
    await expectRefused(() => sendRaw(t, editor, 'POST', '/api/v1/content/import/docx', 'junk', 'multipart/form-data; boundary=zz'), 400);
  });
});
