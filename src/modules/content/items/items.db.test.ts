import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { articleDraft, officialDraft } from './item-test-fixtures.js';

const WRITE_TABLES = ['content_items', 'content_official_documents', 'content_revisions', 'content_reviews', 'content_pending_edits', 'audit_log'];

describe.each(testDialects())('items on %s', (kind) => {
  let t: TestApp;
  let editor: Client;
  let reviewer: Client;
  const db = () => t.app.database.db as any;
  const counts = async () => Object.fromEntries(await Promise.all(WRITE_TABLES.map(async (table) =>
    [table, Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));

  beforeAll(async () => {
    t = await createTestApp(kind);
    editor = await t.login('editor');
    reviewer = await t.login('reviewer');
  });
  afterAll(async () => { await t.close(); });

  it('creates an official-document draft with revision 1, normalised 公文 fields and abilities', async () => {
    const res = await editor.post('/api/v1/content/items', officialDraft({}, { docNumber: '青教发[2023]7号' }));
    expect(res.status, res.raw).toBe(201);
    const city = await db().selectFrom('regions').select('name').where('level', '=', 'city').executeTakeFirstOrThrow();
    // 来源 defaults to the owner unit's name.
    expect(res.body).toMatchObject({ status: 'draft', revision: 1, latestRevision: 1, kind: 'official_document', pendingEdit: null, source: city.name });
    expect(res.body.official).toMatchObject({ docNumber: '青教发〔2023〕7号', docYear: 2023, docType: 'notice', docTypeName: '通知', indexNumber: null, validity: 'valid', disclosure: 'proactive' });
    expect(res.body.abilities).toMatchObject({ edit: true, submit: true, review: false, sign: false, publish: false });
    expect((await reviewer.get(`/api/v1/content/items/${res.body.id}`)).body.abilities).toMatchObject({ edit: false, submit: false, review: false });
    const revision = await db().selectFrom('content_revisions').selectAll().where('item_id', '=', res.body.id).executeTakeFirstOrThrow();
    const fields = typeof revision.fields_json === 'string' ? JSON.parse(revision.fields_json) : revision.fields_json;
    expect(fields.official).toMatchObject({ doc_number: '青教发〔2023〕7号', doc_type: 'notice' });
    expect(fields.item).toMatchObject({ category_id: 'policies' });
  });

  it('sanitises the body on create and on every save, and keeps its plain text', async () => {
    const res = await editor.post('/api/v1/content/items', articleDraft({ bodyHtml: '<p onclick="x()">甲<script>alert(1)</script></p><p>乙</p>' }));
    expect(res.body.bodyHtml).toBe('<p>甲</p><p>乙</p>');
    const saved = await editor.patch(`/api/v1/content/items/${res.body.id}`, { bodyHtml: '<img src="x" onerror="alert(1)"><a href="javascript:alert(1)">丙</a>' });
    expect(saved.body.bodyHtml).toBe('<img src="x" /><a rel="noopener">丙</a>');
    const row = await db().selectFrom('content_items').select(['body_text']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row.body_text).toBe('丙');
  });

  it('bad input: a clear field error for each, and nothing written', async () => {
    const existing = await editor.post('/api/v1/content/items', officialDraft());
    const before = await counts();
    const long = '说'.repeat(101);
    const cases: [string, unknown, string, string][] = [
      ['malformed document number', officialDraft({}, { docNumber: '青教发2023年12号' }), 'docNumber', 'format'],
      ['第 in the document number', officialDraft({}, { docNumber: '青教发〔2023〕第12号' }), 'docNumber', 'format'],
      ['document number year', officialDraft({}, { docNumber: '青教发〔1890〕1号' }), 'docNumber', 'year'],
      ['document number taken', officialDraft({}, { docNumber: existing.body.official.docNumber }), 'docNumber', 'taken'],
      ['summary over 100 characters', officialDraft({ summary: long }), 'summary', 'too_long'],
      ['date that does not exist', officialDraft({}, { writtenDate: '2023-02-30' }), 'official.writtenDate', 'date'],
      ['repealed without repealer', officialDraft({}, { validity: 'repealed' }), 'official.repealedById', 'required'],
      ['repealed by a missing document', officialDraft({}, { validity: 'repealed', repealedById: 'nope' }), 'official.repealedById', 'not_found'],
      ['unknown document type', officialDraft({}, { docType: 'memo' }), 'official/docType', ''],
      ['organ code with spaces', officialDraft({}, { organCode: '000 14349' }), 'official.organCode', 'format'],
      ['official fields missing', { categoryId: 'policies', title: '无公文信息' }, 'official', 'required'],
      ['official fields on an article', articleDraft({ official: officialDraft().official }), 'official', 'not_allowed'],
      ['blank title', articleDraft({ title: '   ' }), 'title', 'required'],
      ['unknown category', articleDraft({ categoryId: 'nope' }), 'categoryId', 'not_found'],
      ['interpretation of a missing document', articleDraft({ interpretationOfId: 'nope' }), 'interpretationOfId', 'not_found'],
      ['interpretation link on an official document', officialDraft({ interpretationOfId: existing.body.id }), 'interpretationOfId', 'not_allowed'],
      ['unknown owner scope', articleDraft({ ownerScope: { type: 'region', id: '329901199000' } }), 'ownerScope', 'not_found'],
      ['unknown field', articleDraft({ colour: 'red' }), 'colour', ''],
    ];
    for (const [name, body, field, code] of cases) {
      const res = await editor.post('/api/v1/content/items', body);
      expect(res.status, `${name}: ${res.raw}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      const error = res.body.errors.find((e: any) => e.field.replace(/^\//, '') === field.replace(/^\//, '')) ?? res.body.errors.find((e: any) => e.field.includes(field.split(/[./]/).pop()!));
      expect(error, `${name}: ${res.raw}`).toBeTruthy();
      if (code) expect(error.code, name).toBe(code);
      expect(error.message['zh-CN'], name).toBeTruthy();
      expect(error.message.en, name).toBeTruthy();
    }
    const malformed = await editor.post('/api/v1/content/items', officialDraft({}, { docNumber: '青教发2023年12号' }));
    expect(malformed.body.errors[0].message['zh-CN']).toContain('青教发〔2023〕12号');
    // A save with errors writes nothing either.
    const badSave = await editor.patch(`/api/v1/content/items/${existing.body.id}`, { summary: long, official: { docNumber: 'x' } });
    expect(badSave.status).toBe(400);
    expect(badSave.body.errors.map((e: any) => e.field).sort()).toEqual(['docNumber', 'summary']);
    expect(await counts()).toEqual(before);
  });

  it('every save is a revision; the diff shows added and removed text and changed fields', async () => {
    const created = await editor.post('/api/v1/content/items', officialDraft({ title: '关于开展终身学习活动周的通知', bodyHtml: '<p>各镇要组织社区教育活动。</p>' }));
    const url = `/api/v1/content/items/${created.body.id}`;
    const saved = await editor.patch(url, { title: '关于开展全民终身学习活动周的通知', bodyHtml: '<p>各镇要认真组织老年大学活动。</p>', official: { signer: '张明' }, note: '按意见修改' });
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, latestRevision: 2, status: 'draft' });
    const revisions = await editor.get(`${url}/revisions`);
    expect(revisions.body.items.map((r: any) => [r.revision, r.note])).toEqual([[2, '按意见修改'], [1, null]]);
    const diff = await reviewer.get(`${url}/diff?from=1&to=2`);
    expect(diff.status, diff.raw).toBe(200);
    const added = (segments: any[]) => segments.filter((s) => s.type === 'added').map((s) => s.text).join('|');
    const removed = (segments: any[]) => segments.filter((s) => s.type === 'removed').map((s) => s.text).join('|');
    expect(added(diff.body.title)).toContain('全民');
    expect(removed(diff.body.title)).toBe('');
    expect(added(diff.body.body)).toContain('老年大学');
    expect(removed(diff.body.body)).toContain('社区教育');
    const side = (segments: any[], skip: string) => segments.filter((s) => s.type !== skip).map((s) => s.text).join('');
    expect(side(diff.body.title, 'added')).toBe('关于开展终身学习活动周的通知');
    expect(side(diff.body.title, 'removed')).toBe('关于开展全民终身学习活动周的通知');
    expect(side(diff.body.body, 'removed')).toBe('各镇要认真组织老年大学活动。');
    expect(diff.body.fields).toEqual([{ field: 'official.signer', from: null, to: '张明' }]);
    expect((await reviewer.get(`${url}/diff?from=1&to=9`)).status).toBe(404);
    expect((await reviewer.get(`${url}/diff?from=x&to=2`)).status).toBe(400);
  });

  it('an interpretation and its document show each other; repealed documents name their repealer', async () => {
    const policy = await editor.post('/api/v1/content/items', officialDraft({ title: '关于加强社区教育的意见' }, { docType: 'opinion' }));
    const interpretation = await editor.post('/api/v1/content/items', articleDraft({ categoryId: 'interpretations', title: '《关于加强社区教育的意见》解读', interpretationOfId: policy.body.id }));
    expect(interpretation.status, interpretation.raw).toBe(201);
    expect(interpretation.body.interpretationOf).toMatchObject({ id: policy.body.id, title: '关于加强社区教育的意见' });
    const policyView = await editor.get(`/api/v1/content/items/${policy.body.id}`);
    expect(policyView.body.interpretations).toEqual([{ id: interpretation.body.id, title: '《关于加强社区教育的意见》解读', status: 'draft' }]);

    const newer = await editor.post('/api/v1/content/items', officialDraft({ title: '新的意见' }));
    const repealed = await editor.patch(`/api/v1/content/items/${policy.body.id}`, { official: { validity: 'repealed', repealedById: newer.body.id } });
    expect(repealed.status, repealed.raw).toBe(200);
    expect(repealed.body.official).toMatchObject({ validity: 'repealed', repealedBy: { id: newer.body.id, title: '新的意见' } });
    const self = await editor.patch(`/api/v1/content/items/${policy.body.id}`, { official: { validity: 'repealed', repealedById: policy.body.id } });
    expect(self.body.errors[0]).toMatchObject({ field: 'official.repealedById', code: 'self' });
  });

  it('lists items in scope with filters and paging', async () => {
    await editor.post('/api/v1/content/items', articleDraft({ title: '独一无二的筛选标题' }));
    const byTitle = await reviewer.get(`/api/v1/content/items?q=${encodeURIComponent('独一无二')}`);
    expect(byTitle.status, byTitle.raw).toBe(200);
    expect(byTitle.body.items.map((i: any) => i.title)).toEqual(['独一无二的筛选标题']);
    const official = await reviewer.get('/api/v1/content/items?kind=official_document&categoryId=policies&status=draft&pageSize=2');
    expect(official.body.pageSize).toBe(2);
    expect(official.body.items.length).toBeLessThanOrEqual(2);
    expect(official.body.total).toBeGreaterThanOrEqual(3);
    expect(official.body.items.every((i: any) => i.kind === 'official_document' && i.categoryId === 'policies' && i.status === 'draft')).toBe(true);
    expect((await reviewer.get('/api/v1/content/items?status=flying')).status).toBe(400);
    expect((await reviewer.get('/api/v1/content/items?page=0')).status).toBe(400);
    const resident = await t.login('resident');
    expect((await resident.get('/api/v1/content/items')).status).toBe(403);
  });
});
