import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { newId, newToken, sha256 } from '../../src/core/ids.js';
import { platformInventories } from '../../src/core/pii/platform-inventories.js';
import { runRetentionOnce, startRetentionWorker } from '../../src/core/pii/retention-worker.js';
import { MODULES } from '../../src/modules/installed.js';
import { shanghaiDate } from '../../src/modules/content/items/shanghai-date.js';
import { testDialects } from '../support/databases.js';
import { fakeClock } from '../support/fake-clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const inventories = platformInventories(MODULES).map((i) => i.inventory);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe.each(testDialects())('retention purges (P8) on %s', (kind) => {
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  let t: TestApp;
  let db: Kysely<any>;
  let userId: string;
  let notificationId: string;

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    db = t.app.core.db as Kysely<any>;
    userId = (await db.selectFrom('users').select('id').where('username', '=', 'resident').executeTakeFirstOrThrow()).id;
    await t.login('resident'); // an audit entry to keep
    notificationId = newId();
    await db.insertInto('notifications').values({ id: notificationId, user_id: userId, topic: 'test.retention', params: '{}', link: null,
      created_at: clock.now().toISOString(), read_at: null }).execute();
  });
  afterAll(async () => { await t.close(); });

  /** Runs the retention job with the clock at `t0 + offset`. */
  const purgeAt = async (t0: number, offset: number) => {
    clock.set(new Date(t0 + offset).toISOString());
    return runRetentionOnce(t.app.core, inventories);
  };
  const exists = async (table: string, column: string, value: string) =>
    (await db.selectFrom(table).select(column).where(column, '=', value).executeTakeFirst()) !== undefined;

  it('ends idle sessions after 30 minutes and every session after 12 hours', async () => {
    const t0 = Date.parse('2026-04-01T02:00:00.000Z');
    const iso = (ms: number) => new Date(t0 + ms).toISOString();
    const idle = sha256(newToken());
    const busy = sha256(newToken());
    await db.insertInto('sessions').values([
      { id_hash: idle, user_id: userId, csrf_token: newToken(), kind: 'resident', created_at: iso(0), last_seen_at: iso(0), absolute_expires_at: iso(12 * HOUR), ip: '10.0.0.1', user_agent: 'x' },
      // Active up to a minute before its absolute end: only the 12 h limit can end it.
      { id_hash: busy, user_id: userId, csrf_token: newToken(), kind: 'staff', created_at: iso(0), last_seen_at: iso(12 * HOUR - MIN), absolute_expires_at: iso(12 * HOUR), ip: '10.0.0.2', user_agent: 'y' },
    ]).execute();
    await purgeAt(t0, 30 * MIN - 1000);
    expect(await exists('sessions', 'id_hash', idle)).toBe(true);
    await purgeAt(t0, 30 * MIN + 1000);
    expect(await exists('sessions', 'id_hash', idle)).toBe(false);
    await purgeAt(t0, 12 * HOUR - 1000);
    expect(await exists('sessions', 'id_hash', busy)).toBe(true);
    const purged = await purgeAt(t0, 12 * HOUR + 1000);
    expect(await exists('sessions', 'id_hash', busy)).toBe(false);
    expect(purged.sessions).toBe(1);
  });

  it('removes two-step login tickets after their 5 minutes', async () => {
    const t0 = Date.parse('2026-04-02T02:00:00.000Z');
    const ticket = sha256(newToken());
    await db.insertInto('login_tickets').values({ id_hash: ticket, user_id: userId, purpose: 'mfa', expires_at: new Date(t0 + 5 * MIN).toISOString(), attempts: 0 }).execute();
    await purgeAt(t0, 5 * MIN - 1000);
    expect(await exists('login_tickets', 'id_hash', ticket)).toBe(true);
    await purgeAt(t0, 5 * MIN + 1000);
    expect(await exists('login_tickets', 'id_hash', ticket)).toBe(false);
  });

  it('drops delivered outbox rows after 30 days and failed ones after 90, never pending ones', async () => {
    const t0 = Date.parse('2026-04-03T02:00:00.000Z');
    const iso = new Date(t0).toISOString();
    const row = (status: string) => ({ id: newId(), notification_id: notificationId, channel: 'sms', status, attempts: 1, next_attempt_at: iso,
      last_error: status === 'failed' ? 'x' : null, created_at: iso, updated_at: iso, sent_at: status === 'sent' ? iso : null, locked_until: null, claimed_by: null });
    const [sent, failed, pending] = [row('sent'), row('failed'), row('pending')];
    await db.insertInto('notification_outbox').values([sent, failed, pending]).execute();
    await purgeAt(t0, 30 * DAY - DAY);
    expect(await exists('notification_outbox', 'id', sent.id)).toBe(true);
    await purgeAt(t0, 30 * DAY + DAY);
    expect(await exists('notification_outbox', 'id', sent.id)).toBe(false);
    expect(await exists('notification_outbox', 'id', failed.id)).toBe(true);
    await purgeAt(t0, 90 * DAY - DAY);
    expect(await exists('notification_outbox', 'id', failed.id)).toBe(true);
    await purgeAt(t0, 90 * DAY + DAY);
    expect(await exists('notification_outbox', 'id', failed.id)).toBe(false);
    expect(await exists('notification_outbox', 'id', pending.id)).toBe(true);
    // The message itself stays in the person's inbox.
    expect(await exists('notifications', 'id', notificationId)).toBe(true);
  });

  it('deletes import jobs (with their drafts) 7 days after the upload', async () => {
    const t0 = Date.parse('2026-08-01T02:00:00.000Z');
    const iso = new Date(t0).toISOString();
    const id = newId();
    await db.insertInto('network_import_jobs').values({ id, kind: 'people', status: 'ready', file_name: 'people.xlsx', created_by: userId, total: 1,
      processed: 1, valid_rows: 1, error_count: 0, errors_json: '[]', rows_json: '[{"name":"张三"}]', committed: 0, created_at: iso, updated_at: iso, finished_at: iso }).execute();
    await purgeAt(t0, 7 * DAY - DAY);
    expect(await exists('network_import_jobs', 'id', id)).toBe(true);
    await purgeAt(t0, 7 * DAY + DAY);
    expect(await exists('network_import_jobs', 'id', id)).toBe(false);
  });

  it("keeps a day's view rows while they can deduplicate (that day and the next), then drops them", async () => {
    const t0 = Date.parse('2026-09-01T02:00:00.000Z');
    const item = await db.selectFrom('content_items').select('id').orderBy('id').executeTakeFirstOrThrow();
    const visitor = newToken();
    await db.insertInto('content_views').values({ item_id: item.id, visitor, day: shanghaiDate(new Date(t0)) }).execute();
    await purgeAt(t0, DAY);
    expect(await exists('content_views', 'visitor', visitor)).toBe(true);
    await purgeAt(t0, 2 * DAY);
    expect(await exists('content_views', 'visitor', visitor)).toBe(false);
  });

  it('never deletes the audit log or issued certificates and awards', async () => {
    const count = async (table: string) => Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const kept = ['audit_log', 'learning_certificates', 'learning_credit_awards', 'users', 'learning_enrolments'];
    const before = await Promise.all(kept.map(count));
    expect(Object.fromEntries(kept.map((table, i) => [table, before[i] > 0]))).toEqual(Object.fromEntries(kept.map((table) => [table, true])));
    await purgeAt(Date.parse('2036-01-01T00:00:00.000Z'), 0);
    expect(await Promise.all(kept.map(count))).toEqual(before);
  });

  it('runs as a periodic job', async () => {
    clock.set('2037-01-01T00:00:00.000Z');
    const ticket = sha256(newToken());
    await db.insertInto('login_tickets').values({ id_hash: ticket, user_id: userId, purpose: 'mfa', expires_at: '2036-12-31T23:00:00.000Z', attempts: 0 }).execute();
    const stop = startRetentionWorker(t.app.core, inventories, 20);
    try {
      await expect.poll(() => exists('login_tickets', 'id_hash', ticket), { timeout: 10_000, interval: 50 }).toBe(false);
    } finally {
      await stop();
    }
  });
});
