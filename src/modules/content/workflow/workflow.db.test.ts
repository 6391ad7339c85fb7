import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { articleDraft, cityScope, grantRole, officialDraft } from '../items/item-test-fixtures.js';

const ORGAN = 'WF00001';

describe.each(testDialects())('editorial workflow on %s', (kind) => {
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  let t: TestApp;
  let editor: Client, reviewer: Client, reviewer2: Client, admin: Client, town: Client;
  const db = () => t.app.database.db as any;
  const countRows = async (table: string) => Number((await db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    await grantRole(t, 'inspector', 'reviewer', await cityScope(t));
    const town1 = await db().selectFrom('regions').select(['id', 'path']).where('id', '=', TOWN_IDS[0]).executeTakeFirstOrThrow();
    await grantRole(t, 'town', 'reviewer', { type: 'region', id: town1.id, path: town1.path });
    [editor, reviewer, reviewer2, admin, town] = [await t.login('editor'), await t.login('reviewer'), await t.login('inspector'), await t.login('admin'), await t.login('town')];
  });
  afterAll(async () => { await t.close(); });

  it('draft → two review levels by two people → sign-off → publish now, with the index number and the history', async () => {
    const created = await editor.post('/api/v1/content/items', officialDraft({}, { organCode: ORGAN }));
    expect(created.status, created.raw).toBe(201);
    const id = created.body.id;
    const url = `/api/v1/content/items/${id}`;

    const submitted = await editor.post(`${url}/submit`, { comment: '请审核' });
    expect(submitted.status, submitted.raw).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in_review', reviewsRequired: 2, reviewsPassed: 0 });
    expect(submitted.body.abilities).toMatchObject({ edit: false, submit: false });
    expect((await editor.post(`${url}/review`, {})).status).toBe(403);

    expect((await reviewer.get(url)).body.abilities).toMatchObject({ review: true, reject: true, sign: false });
    const level1 = await reviewer.post(`${url}/review`, { comment: '一审通过' });
    expect(level1.body).toMatchObject({ status: 'in_review', reviewsPassed: 1 });
    expect(level1.body.abilities.review).toBe(false);
    const twice = await reviewer.post(`${url}/review`, {});
    expect(twice.status).toBe(403);
    expect(twice.body.message['zh-CN']).toContain('不同的人');
    const level2 = await reviewer2.post(`${url}/review`, {});
    expect(level2.body).toMatchObject({ status: 'approved', reviewsPassed: 2, signed: null });

    const unsigned = await editor.post(`${url}/publish`, {});
    expect(unsigned.status).toBe(409);
    expect((await town.post(`${url}/sign`, {})).status).toBe(404);
    const signed = await admin.post(`${url}/sign`, { comment: '同意发布' });
    expect(signed.status, signed.raw).toBe(200);
    const adminName = (await db().selectFrom('users').select('display_name').where('username', '=', 'admin').executeTakeFirstOrThrow()).display_name;
    expect(signed.body.signed).toMatchObject({ name: adminName, at: clock.now().toISOString() });
    expect(signed.body.abilities).toMatchObject({ sign: false, publish: true });

    const auditBefore = await countRows('audit_log');
    const backdated = await editor.post(`${url}/publish`, { publishAt: '2026-03-01T00:00:00.000Z' });
    expect(backdated.status).toBe(400);
    expect(backdated.body.errors[0]).toMatchObject({ field: 'publishAt', code: 'past' });
    const now = await editor.post(`${url}/publish`, { publishAt: clock.now().toISOString() });
    expect(now.status, 'a publishAt equal to now is not in the future').toBe(400);
    expect(await countRows('audit_log')).toBe(auditBefore);
    expect((await editor.get(url)).body.status).toBe('approved');

    clock.advance(60_000);
    const published = await editor.post(`${url}/publish`, {});
    expect(published.status, published.raw).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', publishedAt: clock.now().toISOString(), revision: 1 });
    expect(published.body.official.indexNumber).toBe(`${ORGAN}/2026-00001`);
    expect(published.body.history.map((h: any) => [h.step, h.level])).toEqual([
      ['submit', null], ['review', 1], ['review', 2], ['sign', null], ['publish', null],
    ]);
    expect(published.body.history[1]).toMatchObject({ actorName: expect.any(String), comment: '一审通过' });
    expect(published.body.abilities).toMatchObject({ edit: true, withdraw: true, archive: true, publish: false });
  });

  it('nobody reviews or signs their own draft', async () => {
    const own = await town.post('/api/v1/content/items', articleDraft());
    expect(own.status, own.raw).toBe(201);
    expect(own.body.ownerScope).toMatchObject({ id: TOWN_IDS[0], name: '柳泉镇' });
    const url = `/api/v1/content/items/${own.body.id}`;
    await town.post(`${url}/submit`, {});
    const selfReview = await town.post(`${url}/review`, {});
    expect(selfReview.status).toBe(403);
    expect(selfReview.body.message['zh-CN']).toContain('自己');
    expect((await reviewer.post(`${url}/review`, {})).status).toBe(200);
    const selfSign = await town.post(`${url}/sign`, {});
    expect(selfSign.status).toBe(403);
    expect((await admin.post(`${url}/sign`, {})).status).toBe(200);
  });

  it('a category with 0 review levels goes straight to sign-off; reject sends back with a comment', async () => {
    const category = await admin.post('/api/v1/content/categories', { slug: 'quick-notes', nameZh: '快讯', itemKind: 'article', reviewLevels: 0 });
    const item = await editor.post('/api/v1/content/items', articleDraft({ categoryId: category.body.id }));
    const url = `/api/v1/content/items/${item.body.id}`;
    const submitted = await editor.post(`${url}/submit`, {});
    expect(submitted.body).toMatchObject({ status: 'approved', reviewsRequired: 0 });
    expect((await admin.post(`${url}/reject`, {})).status).toBe(400);
    const rejected = await admin.post(`${url}/reject`, { comment: '标题需修改' });
    expect(rejected.body).toMatchObject({ status: 'draft' });
    expect(rejected.body.history.at(-1)).toMatchObject({ step: 'reject', comment: '标题需修改' });
    expect((await reviewer.post(`${url}/reject`, { comment: '不在审核中' })).status).toBe(409);
  });

  it('an edit of a published item stays private until it is reviewed, signed and published', async () => {
    const created = await editor.post('/api/v1/content/items', officialDraft({ title: '原标题' }, { organCode: ORGAN }));
    const id = created.body.id;
    const url = `/api/v1/content/items/${id}`;
    await editor.post(`${url}/submit`, {});
    await reviewer.post(`${url}/review`, {});
    await reviewer2.post(`${url}/review`, {});
    await admin.post(`${url}/sign`, {});
    clock.advance(1000);
    const first = await editor.post(`${url}/publish`, {});
    const publishedAt = first.body.publishedAt;
    const indexNumber = first.body.official.indexNumber;

    clock.advance(1000);
    const saved = await editor.patch(url, { title: '修改后的标题', baseRevision: 1 });
    expect(saved.status, saved.raw).toBe(200);
    expect(saved.body).toMatchObject({ status: 'published', title: '修改后的标题', revision: 1, latestRevision: 2, pendingEdit: { status: 'draft', revision: 2 } });
    const row = await db().selectFrom('content_items').select(['title', 'status', 'revision']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: '原标题', status: 'published' });
    expect(Number(row.revision)).toBe(1);
    expect((await editor.patch(url, { title: '冲突', baseRevision: 1 })).status).toBe(409);

    const submitted = await editor.post(`${url}/submit`, {});
    expect(submitted.body.pendingEdit).toMatchObject({ status: 'in_review', reviewsRequired: 2 });
    expect((await editor.patch(url, { title: '审核中不能改' })).status).toBe(409);
    await reviewer.post(`${url}/review`, {});
    await reviewer2.post(`${url}/review`, {});
    await admin.post(`${url}/sign`, {});
    clock.advance(1000);
    const republished = await editor.post(`${url}/publish`, {});
    expect(republished.status, republished.raw).toBe(200);
    expect(republished.body).toMatchObject({ status: 'published', title: '修改后的标题', revision: 2, pendingEdit: null, publishedAt });
    expect(republished.body.official.indexNumber).toBe(indexNumber);
    const after = await db().selectFrom('content_items').select(['title']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.title).toBe('修改后的标题');
    const revisions = await editor.get(`${url}/revisions`);
    expect(revisions.body.items.map((r: any) => [r.revision, r.published])).toEqual([[2, true], [1, false]]);
  });

  it('scheduling: future only; withdraw cancels a schedule; withdraw and archive take an item off the site', async () => {
    const created = await editor.post('/api/v1/content/items', articleDraft());
    const url = `/api/v1/content/items/${created.body.id}`;
    await editor.post(`${url}/submit`, {});
    await reviewer.post(`${url}/review`, {});
    await admin.post(`${url}/sign`, {});
    const at = new Date(clock.now().getTime() + 3_600_000).toISOString();
    const scheduled = await editor.post(`${url}/publish`, { publishAt: at });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', publishAt: at, publishedAt: null });
    expect(scheduled.body.history.at(-1).step).toBe('schedule');
    const cancelled = await editor.post(`${url}/withdraw`, {});
    expect(cancelled.body).toMatchObject({ status: 'approved', publishAt: null });
    const published = await editor.post(`${url}/publish`, {});
    expect(published.body.status).toBe('published');
    const withdrawn = await editor.post(`${url}/withdraw`, { comment: '信息有误' });
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', withdrawnAt: clock.now().toISOString() });
    expect(withdrawn.body.abilities).toMatchObject({ edit: true, withdraw: false, archive: true });
    const archived = await editor.post(`${url}/archive`, {});
    expect(archived.body).toMatchObject({ status: 'archived' });
    expect(archived.body.abilities).toMatchObject({ edit: false, submit: false, withdraw: false, archive: false });
    expect((await editor.post(`${url}/archive`, {})).status).toBe(409);
  });

  it('editors act only within their scope', async () => {
    const underTown = await editor.post('/api/v1/content/items', articleDraft({ ownerScope: { type: 'region', id: TOWN_IDS[1] } }));
    expect(underTown.status, underTown.raw).toBe(201);
    expect(underTown.body.ownerScope).toMatchObject({ type: 'region', id: TOWN_IDS[1] });
    const cityFromTown = await town.post('/api/v1/content/items', articleDraft({ ownerScope: { type: 'city', id: '329901000000' } }));
    expect(cityFromTown.status).toBe(400);
    expect(cityFromTown.body.errors[0]).toMatchObject({ field: 'ownerScope', code: 'scope' });
    const otherTown = await town.post('/api/v1/content/items', articleDraft({ ownerScope: { type: 'region', id: TOWN_IDS[1] } }));
    expect(otherTown.status).toBe(400);
    // The town admin does not see the city's drafts or the other town's: a 404, as for a missing item.
    expect((await town.get(`/api/v1/content/items/${underTown.body.id}`)).status).toBe(404);
    expect((await town.patch(`/api/v1/content/items/${underTown.body.id}`, { title: 'x' })).status).toBe(404);
    expect((await town.post(`/api/v1/content/items/${underTown.body.id}/submit`, {})).status).toBe(404);
    const own = await town.post('/api/v1/content/items', articleDraft());
    const list = await town.get('/api/v1/content/items?pageSize=100');
    const ids = list.body.items.map((i: any) => i.id);
    expect(ids).toContain(own.body.id);
    expect(ids).not.toContain(underTown.body.id);
    expect(list.body.items.every((i: any) => i.ownerScope.id === TOWN_IDS[0] || i.ownerScope.type === 'institution')).toBe(true);
  });
});
