import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { fakeClock } from '../../../test/support/fake-clock.js';
import { loginAll, userIdOf } from '../../../test/support/demo-roles.js';
import { registerMessages } from '../i18n/i18n.js';
import { notify } from './notify.js';

// A topic of this test only: modules register theirs the same way.
registerMessages(
  { 'test.inbox.hello.title': '报名成功：{course}', 'test.inbox.hello.body': '您已报名{course}，第 {n} 期。' },
  { 'test.inbox.hello.title': 'Enrolled: {course}', 'test.inbox.hello.body': 'You are enrolled in {course}, term {n}.' },
);

describe.each(testDialects())('notifications inbox on %s', (kind) => {
  let t: TestApp;
  let c: Record<string, Client>;
  let residentId: string;
  let otherId: string;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => t.app.database.db as any;
  const count = async (table: string, where: (q: any) => any = (q) => q) =>
    Number((await where(db().selectFrom(table).select((eb: any) => eb.fn.countAll().as('n'))).executeTakeFirstOrThrow()).n);
  const hello = (userId: string, n: number, extra: object = {}) => ({ userId, topic: 'test.inbox.hello', params: { course: '太极拳', n }, link: '/account', ...extra });

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    c = await loginAll(t, ['resident', 'resident01', 'admin', 'town']);
    residentId = await userIdOf(t, 'resident');
    otherId = await userIdOf(t, 'resident01');
    // The demo's learning data leaves messages in these inboxes; this file counts from empty ones.
    await db().deleteFrom('notification_outbox').execute();
    await db().deleteFrom('notifications').where('user_id', 'in', [residentId, otherId]).execute();
  });
  afterAll(async () => { await t.close(); });

  it('notify() writes in the caller\'s transaction: rolled back with it, committed with it', async () => {
    const before = await count('notifications');
    await expect(db().transaction().execute(async (trx: any) => {
      await notify(trx, clock.now(), hello(residentId, 0, { channels: ['sms'] }));
      throw new Error('business rule failed');
    })).rejects.toThrow('business rule failed');
    expect(await count('notifications')).toBe(before);
    expect(await count('notification_outbox')).toBe(0);

    await db().transaction().execute((trx: any) => notify(trx, clock.now(), [
      hello(residentId, 1, { channels: ['sms', 'sms', 'email'] }),
      hello(otherId, 1),
    ]));
    expect(await count('notifications')).toBe(before + 2);
    const outbox = await db().selectFrom('notification_outbox').selectAll().orderBy('channel').execute();
    // One row per channel, even when a channel is named twice; none for in-app only.
    expect(outbox.map((r: any) => [r.channel, r.status, r.attempts])).toEqual([['email', 'pending', 0], ['sms', 'pending', 0]]);
    await notify(db(), clock.now(), []);
    expect(await count('notifications')).toBe(before + 2);
  });

  it('lists only the caller\'s messages, newest first, rendered in the reader\'s language', async () => {
    for (let n = 2; n <= 4; n++) {
      clock.advance(60_000);
      await notify(db(), clock.now(), hello(residentId, n));
    }
    const res = await c.resident.get('/api/v1/notifications');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(res.body.unread).toBe(4);
    expect(res.body.items.map((i: any) => i.body)).toEqual([4, 3, 2, 1].map((n) => `您已报名太极拳，第 ${n} 期。`));
    expect(res.body.items[0]).toMatchObject({ topic: 'test.inbox.hello', title: '报名成功：太极拳', link: '/account', readAt: null });
    expect(res.body.items[0].createdAt).toBe(clock.now().toISOString());

    const en = await c.resident.request('GET', '/api/v1/notifications?pageSize=1', undefined, { 'accept-language': 'en' });
    expect(en.body.items[0].title).toBe('Enrolled: 太极拳');
    expect(en.body.items).toHaveLength(1);
    expect(en.body.total).toBe(4);

    const page2 = await c.resident.get('/api/v1/notifications?pageSize=3&page=2');
    expect(page2.body.items.map((i: any) => i.body)).toEqual(['您已报名太极拳，第 1 期。']);

    const other = await c.resident01.get('/api/v1/notifications');
    expect(other.body.total).toBe(1);
    expect((await c.admin.get('/api/v1/notifications')).body).toMatchObject({ items: [], total: 0, unread: 0 });
    expect((await t.anonymous().get('/api/v1/notifications')).status).toBe(401);
    expect((await c.resident.get('/api/v1/notifications?pageSize=101')).status).toBe(400);
  });

  it('the own-data export carries the person\'s messages and nobody else\'s', async () => {
    const res = await c.resident01.post('/api/v1/auth/export', { password: 'learning-city-demo' });
    expect(res.status, res.raw).toBe(200);
    expect(res.body.messages).toEqual([expect.objectContaining({ title: '报名成功：太极拳', body: '您已报名太极拳，第 1 期。', link: '/account', readAt: null })]);
  });

  it('marks a message read (first reading time kept); another user\'s message is a 404 and stays unread', async () => {
    const mine = (await c.resident.get('/api/v1/notifications')).body.items;
    const theirs = (await c.resident01.get('/api/v1/notifications')).body.items[0];

    const denied = await c.resident.post(`/api/v1/notifications/${theirs.id}/read`);
    expect(denied.status).toBe(404);
    expect(denied.body.code).toBe('notifications.not_found');
    expect((await c.resident01.get('/api/v1/notifications')).body.items[0].readAt).toBeNull();
    expect((await c.resident.post('/api/v1/notifications/00000000-0000-7000-8000-000000000000/read')).status).toBe(404);

    const read = await c.resident.post(`/api/v1/notifications/${mine[1].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ unread: 3 });
    const firstReadAt = clock.now().toISOString();
    clock.advance(5_000);
    expect((await c.resident.post(`/api/v1/notifications/${mine[1].id}/read`)).body).toEqual({ unread: 3 });
    const after = (await c.resident.get('/api/v1/notifications')).body.items;
    expect(after.find((i: any) => i.id === mine[1].id).readAt).toBe(firstReadAt);

    const unreadOnly = await c.resident.get('/api/v1/notifications?unread=1');
    expect(unreadOnly.body.total).toBe(3);
    expect(unreadOnly.body.items.map((i: any) => i.id)).not.toContain(mine[1].id);

    // A write without the session's CSRF token is refused and changes nothing.
    const noCsrf = await c.resident.request('POST', `/api/v1/notifications/${mine[0].id}/read`, {}, { 'x-csrf-token': 'wrong' });
    expect(noCsrf.status).toBe(403);

    const all = await c.resident.post('/api/v1/notifications/read-all');
    expect(all.body).toEqual({ unread: 0 });
    expect((await c.resident.get('/api/v1/notifications?unread=1')).body.total).toBe(0);
    expect((await c.resident01.get('/api/v1/notifications')).body.unread).toBe(1);
  });

  it('the outbox summary is the city admin\'s: counts by channel and status, failures without personal data', async () => {
    const id = (await db().selectFrom('notification_outbox').select('id').where('channel', '=', 'email').executeTakeFirstOrThrow()).id;
    await db().updateTable('notification_outbox').set({ status: 'failed', attempts: 6, last_error: 'gateway said no' }).where('id', '=', id).execute();
    const res = await c.admin.get('/api/v1/notifications/outbox/summary');
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual([{ channel: 'email', status: 'failed', count: 1 }, { channel: 'sms', status: 'pending', count: 1 }]);
    expect(res.body.latestFailed).toEqual([expect.objectContaining({ id, channel: 'email', topic: 'test.inbox.hello', attempts: 6, lastError: 'gateway said no' })]);
    expect(JSON.stringify(res.body)).not.toContain('太极拳');
    expect((await c.town.get('/api/v1/notifications/outbox/summary')).status).toBe(403);
    expect((await c.resident.get('/api/v1/notifications/outbox/summary')).status).toBe(403);
  });

  describe('portal /account/messages', () => {
    const page = (client: Client | null, url: string, extra: Record<string, string> = {}) => t.app.inject({
      url, headers: { ...(client ? { cookie: `lc_session=${client.cookie}` } : {}), ...extra },
    });
    const form = (client: Client, url: string, fields: Record<string, string>) => t.app.inject({
      method: 'POST', url, payload: new URLSearchParams(fields).toString(),
      headers: { cookie: `lc_session=${client.cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
    });

    it('sends anonymous visitors to the login page', async () => {
      const res = await page(null, '/account/messages');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/login');
    });

    it('lists the messages newest first, unread in bold, with zh-CN dates, and marks one read through a form with the CSRF token', async () => {
      clock.advance(60_000);
      await notify(db(), clock.now(), hello(otherId, 7));
      const res = await page(c.resident01, '/account/messages');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const html = res.body;
      expect(html).toContain('我的消息');
      expect(html).toContain('未读 2 条');
      expect(html.indexOf('第 7 期')).toBeLessThan(html.indexOf('第 1 期'));
      expect(html).toContain('<strong>[未读] 报名成功：太极拳</strong>');
      // 2026-03-02T01:0x UTC is 09:0x in China Standard Time.
      expect(html).toMatch(/2026-03-02 09:\d\d:\d\d/);
      const newest = (await c.resident01.get('/api/v1/notifications')).body.items[0];
      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
      expect(html).toContain(`action="/account/messages/${newest.id}/read"`);

      const forged = await form(c.resident01, `/account/messages/${newest.id}/read`, { _csrf: 'forged', page: '1' });
      expect(forged.statusCode).toBe(403);
      expect((await c.resident01.get('/api/v1/notifications')).body.unread).toBe(2);

      const ok = await form(c.resident01, `/account/messages/${newest.id}/read`, { _csrf: csrf, page: '1' });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe('/account/messages');
      expect((await c.resident01.get('/api/v1/notifications')).body.unread).toBe(1);
      expect((await page(c.resident01, '/account/messages')).body).toContain('未读 1 条');

      // Someone else's message through the form: not found, nothing changed.
      const mineOfResident = (await c.resident.get('/api/v1/notifications')).body.items[0];
      const foreign = await form(c.resident01, `/account/messages/${mineOfResident.id}/read`, { _csrf: csrf });
      expect(foreign.statusCode).toBe(404);

      const all = await form(c.resident01, '/account/messages/read-all', { _csrf: csrf });
      expect(all.statusCode).toBe(303);
      expect((await c.resident01.get('/api/v1/notifications')).body.unread).toBe(0);
      const empty = await page(c.admin, '/account/messages');
      expect(empty.body).toContain('暂时没有消息。');
    });

    it('the account page links to the messages with the unread count', async () => {
      await notify(db(), clock.now(), hello(otherId, 8));
      const account = await page(c.resident01, '/account');
      expect(account.body).toContain('href="/account/messages"');
      expect(account.body).toContain('我的消息<strong>（未读 1 条）</strong>');
      await c.resident01.post('/api/v1/notifications/read-all');
      const none = await page(c.resident01, '/account');
      expect(none.body).toContain('href="/account/messages">我的消息</a>');
    });

    it('renders in English for English readers, and in care mode', async () => {
      const res = await page(c.resident, '/account/messages?page=abc', { cookie: `lc_session=${c.resident.cookie}; lang=en; care=1` });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('My messages');
      expect(res.body).toContain('Enrolled: 太极拳');
      expect(res.body).toContain('class="care"');
    });
  });
});
