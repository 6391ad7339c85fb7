import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';

describe.each(testDialects())('categories on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const count = async (table: 'content_categories' | 'audit_log') =>
    Number((await t.app.database.db.selectFrom(table as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() as { n: number }).n);

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(async () => { await t.close(); });

  it('lists the tree in tree order with counts', async () => {
    const editor = await t.login('editor');
    const res = await editor.get('/api/v1/content/categories');
    expect(res.status, res.raw).toBe(200);
    const ids = res.body.items.map((c: any) => c.id);
    expect(ids.indexOf('documents')).toBeLessThan(ids.indexOf('policies'));
    expect(ids.indexOf('policies')).toBe(ids.indexOf('documents') + 1);
    expect(res.body.items.find((c: any) => c.id === 'policies')).toMatchObject({
      parentId: 'documents', slug: 'policies', depth: 1, itemKind: 'official_document', reviewLevels: 2, visible: true,
    });
    expect(res.body.items.find((c: any) => c.id === 'documents').childCount).toBe(2);
  });

  it('creates, edits, moves and deletes a category, each with an audit entry', async () => {
    const auditBefore = await count('audit_log');
    const created = await admin.post('/api/v1/content/categories', { parentId: 'library', slug: 'speeches', nameZh: '讲话稿', nameEn: 'Speeches', itemKind: 'article', reviewLevels: 0 });
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({ parentId: 'library', slug: 'speeches', depth: 1, reviewLevels: 0, itemCount: 0 });
    const id = created.body.id;
    const child = await admin.post('/api/v1/content/categories', { parentId: id, slug: 'speeches-2023', nameZh: '2023 年讲话稿', itemKind: 'article' });
    expect(child.status, child.raw).toBe(201);

    const moved = await admin.patch(`/api/v1/content/categories/${id}`, { parentId: 'models', nameZh: '讲话稿范文', reviewLevels: 3 });
    expect(moved.status, moved.raw).toBe(200);
    expect(moved.body).toMatchObject({ parentId: 'models', path: `/models/${id}/`, nameZh: '讲话稿范文', reviewLevels: 3 });
    const tree = (await admin.get('/api/v1/content/categories')).body.items;
    expect(tree.find((c: any) => c.id === child.body.id).path).toBe(`/models/${id}/${child.body.id}/`);

    const refused = await admin.delete(`/api/v1/content/categories/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message['zh-CN']).toContain('子栏目');
    expect((await admin.delete(`/api/v1/content/categories/${child.body.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/content/categories/${id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/content/categories/${id}`)).status).toBe(404);
    expect(await count('audit_log')).toBe(auditBefore + 5);
  });

  it('refuses a category with items', async () => {
    const editor = await t.login('editor');
    const category = await admin.post('/api/v1/content/categories', { slug: 'learner-stories', nameZh: '学习故事', itemKind: 'article' });
    const item = await editor.post('/api/v1/content/items', { categoryId: category.body.id, title: '我的学习故事', bodyHtml: '<p>正文</p>' });
    expect(item.status, item.raw).toBe(201);
    const res = await admin.delete(`/api/v1/content/categories/${category.body.id}`);
    expect(res.status).toBe(409);
    expect(res.body.message['zh-CN']).toContain('1 条内容');
    const kindChange = await admin.patch(`/api/v1/content/categories/${category.body.id}`, { itemKind: 'official_document' });
    expect(kindChange.status).toBe(400);
    expect(kindChange.body.errors.map((e: any) => e.field)).toEqual(['itemKind']);
  });

  it('bad input: field errors, nothing written', async () => {
    const before = await count('content_categories');
    const auditBefore = await count('audit_log');
    const cases: [unknown, string][] = [
      [{ slug: 'Bad Slug', nameZh: '坏', itemKind: 'article' }, 'slug'],
      [{ slug: '-edge', nameZh: '坏', itemKind: 'article' }, 'slug'],
      [{ slug: 'notices', nameZh: '重复', itemKind: 'article' }, 'slug'],
      [{ slug: 'orphan', parentId: 'no-such-category', nameZh: '孤儿', itemKind: 'article' }, 'parentId'],
      [{ slug: 'levels', nameZh: '级数', itemKind: 'article', reviewLevels: 4 }, 'reviewLevels'],
      [{ slug: 'kind', nameZh: '类型', itemKind: 'video' }, 'itemKind'],
      [{ slug: 'empty-name', nameZh: '', itemKind: 'article' }, 'nameZh'],
      [{ slug: 'blank-name', nameZh: '   ', itemKind: 'article' }, 'nameZh'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/content/categories', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: any) => e.field), res.raw).toContain(field);
      expect(res.body.errors[0].message['zh-CN']).toBeTruthy();
    }
    const loop = await admin.patch('/api/v1/content/categories/documents', { parentId: 'policies' });
    expect(loop.status).toBe(400);
    expect(loop.body.errors[0]).toMatchObject({ field: 'parentId', code: 'loop' });
    const self = await admin.patch('/api/v1/content/categories/documents', { parentId: 'documents' });
    expect(self.body.errors[0]).toMatchObject({ field: 'parentId', code: 'loop' });
    expect(await count('content_categories')).toBe(before);
    expect(await count('audit_log')).toBe(auditBefore);
  });
});
