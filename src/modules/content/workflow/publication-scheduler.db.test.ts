import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../../app.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { contentModule } from '../content-module.js';
import { cityScope, grantRole, officialDraft, publishThroughWorkflow } from '../items/item-test-fixtures.js';
import { publishDueItems } from './publication-scheduler.js';

const ORGAN = 'SCHED001';

describe.each(testDialects())('scheduled publication on %s', (kind) => {
  const clock = fakeClock('2026-05-04T02:00:00.000Z');
  let t: TestApp;
  let restarted: App | null = null;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    await grantRole(t, 'inspector', 'reviewer', await cityScope(t));
  });
  afterAll(async () => {
    await restarted?.close();
    await t.db.drop();
  });

  it('keeps a scheduled publication across a restart and publishes it once, at the server\'s time', async () => {
    const [editor, reviewer, reviewer2, admin] = [await t.login('editor'), await t.login('reviewer'), await t.login('inspector'), await t.login('admin')];
    const id = await publishThroughWorkflow({ editor, reviewers: [reviewer, reviewer2], signer: admin }, officialDraft({}, { organCode: ORGAN }));
    const publishAt = '2026-05-04T08:00:00.000Z';
    const scheduled = await editor.post(`/api/v1/content/items/${id}/publish`, { publishAt });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', publishAt });

    // Not due yet: a tick publishes nothing.
    expect(await publishDueItems(t.app.core)).toEqual([]);

    // The server goes down; it comes back after the publication time on the same database.
    const config = t.app.core.config;
    await t.app.close();
    clock.set('2026-05-04T09:30:00.000Z');
    restarted = await buildApp({ config, database: t.db.handle, clock, logger: false });
    // The scheduler's first tick runs at start: nothing waits for the interval.
    const stop = contentModule.start!(restarted.core);
    await stop();

    const db = restarted.database.db as any;
    const row = await db.selectFrom('content_items').select(['status', 'published_at', 'publish_at']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'published', published_at: '2026-05-04T09:30:00.000Z', publish_at: null });
    const official = await db.selectFrom('content_official_documents').select('index_number').where('item_id', '=', id).executeTakeFirstOrThrow();
    expect(official.index_number).toBe(`${ORGAN}/2026-00001`);
    const steps = await db.selectFrom('content_reviews').select(['step', 'comment']).where('item_id', '=', id).orderBy('created_at').orderBy('id').execute();
    expect(steps.map((s: any) => s.step)).toEqual(['submit', 'review', 'review', 'sign', 'schedule', 'publish']);
    const audit = await db.selectFrom('audit_log').select(['actor_name', 'action']).where('target_id', '=', id).where('action', '=', 'content.item.publish').execute();
    expect(audit).toEqual([{ actor_name: 'publication-scheduler', action: 'content.item.publish' }]);
  });

  it('two schedulers ticking at once publish each due item exactly once', async () => {
    const app = restarted!;
    const inject = async (method: string, url: string, cookie: string | null, csrf: string | null, body?: unknown) => {
      const res = await app.inject({
        method: method as never, url, payload: body === undefined ? undefined : JSON.stringify(body),
        headers: { ...(cookie ? { cookie: `lc_session=${cookie}` } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, cookies: res.cookies };
    };
    const login = async (username: string) => {
      const res = await inject('POST', '/api/v1/auth/login', null, null, { username, password: 'learning-city-demo' });
      const cookie = res.cookies.find((c) => c.name === 'lc_session')!.value;
      return {
        post: async (url: string, body: unknown = {}) => inject('POST', url, cookie, res.body.csrfToken, body),
      };
    };
    const [editor, reviewer, reviewer2, admin] = [await login('editor'), await login('reviewer'), await login('inspector'), await login('admin')];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created = await editor.post('/api/v1/content/items', officialDraft({}, { organCode: ORGAN }));
      const id = created.body.id;
      await editor.post(`/api/v1/content/items/${id}/submit`);
      await reviewer.post(`/api/v1/content/items/${id}/review`);
      await reviewer2.post(`/api/v1/content/items/${id}/review`);
      await admin.post(`/api/v1/content/items/${id}/sign`);
      const scheduled = await editor.post(`/api/v1/content/items/${id}/publish`, { publishAt: new Date(clock.now().getTime() + 60_000).toISOString() });
      expect(scheduled.body.status).toBe('scheduled');
      ids.push(id);
    }
    clock.advance(120_000);
    const [a, b] = await Promise.all([publishDueItems(app.core), publishDueItems(app.core)]);
    expect([...a, ...b].sort()).toEqual([...ids].sort());
    const db = app.database.db as any;
    const publishes = await db.selectFrom('content_reviews').select('item_id').where('item_id', 'in', ids).where('step', '=', 'publish').execute();
    expect(publishes).toHaveLength(3);
    const serials = await db.selectFrom('content_official_documents').select('index_serial').where('item_id', 'in', ids).execute();
    expect(serials.map((s: any) => Number(s.index_serial)).sort()).toEqual([2, 3, 4]);
  });

  it('a scheduled edit of a published item replaces the public version only when it falls due', async () => {
    const app = restarted!;
    const db = app.database.db as any;
    const id = (await db.selectFrom('content_items').select('id').where('status', '=', 'published')
      .where('kind', '=', 'official_document').where('created_by', '=', (await db.selectFrom('users').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow()).id)
      .orderBy('created_at').executeTakeFirstOrThrow()).id;
    const before = await db.selectFrom('content_items').select(['title', 'published_at']).where('id', '=', id).executeTakeFirstOrThrow();
    const editedTitle = `${before.title}（修订）`;
    const pendingAt = new Date(clock.now().getTime() + 600_000).toISOString();
    await db.insertInto('content_revisions').values({
      id: `rev-${id}`, item_id: id, revision: 2, title: editedTitle, summary: null, body_html: '<p>修订后的正文。</p>',
      fields_json: (await db.selectFrom('content_revisions').select('fields_json').where('item_id', '=', id).where('revision', '=', 1).executeTakeFirstOrThrow()).fields_json,
      author_id: (await db.selectFrom('users').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow()).id,
      author_name: 'editor', note: null, created_at: clock.now().toISOString(),
    }).execute();
    await db.insertInto('content_pending_edits').values({
      item_id: id, revision: 2, status: 'scheduled', reviews_required: 2, reviews_passed: 2, signed_by: null, signed_by_name: '签发人',
      signed_at: clock.now().toISOString(), publish_at: pendingAt, created_at: clock.now().toISOString(), updated_at: clock.now().toISOString(),
    }).execute();
    expect(await publishDueItems(app.core)).toEqual([]);
    expect((await db.selectFrom('content_items').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title).toBe(before.title);
    clock.advance(600_000);
    expect(await publishDueItems(app.core)).toEqual([id]);
    const after = await db.selectFrom('content_items').select(['title', 'revision', 'published_at', 'body_text']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ title: editedTitle, published_at: before.published_at, body_text: '修订后的正文。' });
    expect(Number(after.revision)).toBe(2);
    expect(await db.selectFrom('content_pending_edits').select('item_id').where('item_id', '=', id).execute()).toEqual([]);
  });
});
