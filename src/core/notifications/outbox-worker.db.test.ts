import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { fakeClock } from '../../../test/support/fake-clock.js';
import { userIdOf } from '../../../test/support/demo-roles.js';
import { registerMessages } from '../i18n/i18n.js';
import { notify } from './notify.js';
import { processOutboxOnce, RETRY_DELAYS_MS, retryDelayMs, scrubError, startOutboxWorker } from './outbox-worker.js';
import { loggingSender, type NotificationLog, type NotificationSender, type OutgoingMessage } from './senders.js';

registerMessages(
  { 'test.outbox.ping.title': '开班提醒', 'test.outbox.ping.body': '{course}将于明天开课。' },
  { 'test.outbox.ping.title': 'Class reminder', 'test.outbox.ping.body': '{course} starts tomorrow.' },
);

/** The demo resident's mobile number (src/core/seed/seed-demo.ts). */
const RESIDENT_PHONE = '13905110021';

function recordingLog() {
  const lines: Array<{ level: string; fields: any; message?: string }> = [];
  const log: NotificationLog = {
    info: (fields, message) => { lines.push({ level: 'info', fields, message }); },
    warn: (fields, message) => { lines.push({ level: 'warn', fields, message }); },
    error: (fields, message) => { lines.push({ level: 'error', fields, message }); },
  };
  return { log, lines };
}

describe.each(testDialects())('notification outbox worker on %s', (kind) => {
  let t: TestApp;
  let residentId: string;
  let adminId: string;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const db = () => t.app.database.db as any;
  const core = () => t.app.core;
  const rowOf = (id: string) => db().selectFrom('notification_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  /** Queues one SMS to the user and returns its outbox row id. */
  async function queueSms(userId: string, channel: 'sms' | 'email' = 'sms'): Promise<string> {
    const ids = async () => new Set<string>((await db().selectFrom('notification_outbox').select('id').execute()).map((r: any) => r.id));
    const before = await ids();
    await db().transaction().execute((trx: any) =>
      notify(trx, clock.now(), { userId, topic: 'test.outbox.ping', params: { course: '书法班' }, link: '/account/messages', channels: [channel] }));
    const added = [...(await ids())].filter((id) => !before.has(id));
    expect(added).toHaveLength(1);
    return added[0];
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    residentId = await userIdOf(t, 'resident');
    adminId = await userIdOf(t, 'admin');
  });
  // Each test starts with an empty outbox, so one test's rows never reach another's sender.
  beforeEach(async () => { await db().deleteFrom('notification_outbox').execute(); });
  afterAll(async () => { await t.close(); });

  it('retries a flaky sender with backoff: fails twice, then is sent on the third attempt', async () => {
    const id = await queueSms(residentId);
    const received: OutgoingMessage[] = [];
    let calls = 0;
    const flaky: NotificationSender = async (message) => {
      calls++;
      if (calls <= 2) throw new Error(`gateway busy for ${message.to}`);
      received.push(message);
    };
    const run = () => processOutboxOnce(core(), { workerId: 'w1', senders: { sms: flaky } });

    expect(await run()).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    let row = await rowOf(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    // The error is kept for the admin, with the phone number masked.
    expect(row.last_error).toBe('gateway busy for 139****0021');
    expect(row.next_attempt_at).toBe(new Date(clock.now().getTime() + RETRY_DELAYS_MS[0]).toISOString());

    // Not due yet: nothing is claimed one second before the backoff ends.
    clock.advance(RETRY_DELAYS_MS[0] - 1000);
    expect((await run()).claimed).toBe(0);
    clock.advance(1000);
    expect(await run()).toMatchObject({ claimed: 1, retried: 1 });
    row = await rowOf(id);
    expect(row.attempts).toBe(2);
    expect(row.next_attempt_at).toBe(new Date(clock.now().getTime() + RETRY_DELAYS_MS[1]).toISOString());

    clock.advance(RETRY_DELAYS_MS[1]);
    expect(await run()).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    row = await rowOf(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3, last_error: null, locked_until: null, sent_at: clock.now().toISOString() });
    expect(calls).toBe(3);
    // Recipient resolved from the user's encrypted phone at send time; texts rendered in zh-CN.
    expect(received[0]).toMatchObject({
      channel: 'sms', to: RESIDENT_PHONE, toMasked: '139****0021', title: '开班提醒', body: '书法班将于明天开课。',
      url: `${core().config.publicBaseUrl}/account/messages`,
    });
    // Sent rows are never picked up again.
    clock.advance(24 * 3600_000);
    expect((await run()).claimed).toBe(0);
  });

  it('gives up after the last attempt: the row is failed, kept and no longer retried', async () => {
    const id = await queueSms(residentId);
    let calls = 0;
    const broken: NotificationSender = async () => { calls++; throw new Error('gateway down'); };
    const maxAttempts = 4;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const result = await processOutboxOnce(core(), { workerId: 'w1', senders: { sms: broken }, maxAttempts });
      expect(result).toMatchObject(attempt < maxAttempts ? { retried: 1, failed: 0 } : { retried: 0, failed: 1 });
      clock.advance(retryDelayMs(attempt));
    }
    expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: maxAttempts, last_error: 'gateway down' });
    clock.advance(7 * 24 * 3600_000);
    expect((await processOutboxOnce(core(), { senders: { sms: broken }, maxAttempts })).claimed).toBe(0);
    expect(calls).toBe(maxAttempts);
    const summary = await t.login('admin').then((admin) => admin.get('/api/v1/notifications/outbox/summary'));
    expect(summary.body.latestFailed.map((f: any) => f.id)).toContain(id);
  });

  it('fails at once, without retrying, when the user has no phone (or the channel no address)', async () => {
    const noPhone = await queueSms(adminId);
    const email = await queueSms(residentId, 'email');
    const sender = vi.fn<NotificationSender>(async () => {});
    expect(await processOutboxOnce(core(), { senders: { sms: sender, email: sender } })).toMatchObject({ claimed: 2, failed: 2 });
    expect(sender).not.toHaveBeenCalled();
    for (const id of [noPhone, email]) expect(await rowOf(id)).toMatchObject({ status: 'failed', attempts: 1, last_error: 'no_recipient' });
    clock.advance(3600_000);
    expect((await processOutboxOnce(core(), { senders: { sms: sender, email: sender } })).claimed).toBe(0);
  });

  it('retries the row of a worker that died mid-send once its lease has run out', async () => {
    const id = await queueSms(residentId);
    const lease = 60_000;
    // The crashed worker: it claimed the row (attempt 1) and never settled it.
    await db().updateTable('notification_outbox').set({
      status: 'sending', attempts: 1, claimed_by: 'dead-worker:x', locked_until: new Date(clock.now().getTime() + lease).toISOString(),
    }).where('id', '=', id).execute();
    const sender = vi.fn<NotificationSender>(async () => {});
    expect((await processOutboxOnce(core(), { workerId: 'w2', senders: { sms: sender }, leaseMs: lease })).claimed).toBe(0);
    clock.advance(lease);
    expect(await processOutboxOnce(core(), { workerId: 'w2', senders: { sms: sender }, leaseMs: lease })).toMatchObject({ claimed: 1, sent: 1 });
    expect(sender).toHaveBeenCalledTimes(1);
    const row = await rowOf(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    expect(row.claimed_by).toMatch(/^w2:/);
  });

  it('a dead worker\'s row that already used its last attempt is marked failed, not sent again', async () => {
    const id = await queueSms(residentId);
    await db().updateTable('notification_outbox').set({
      status: 'sending', attempts: 3, claimed_by: 'dead-worker:y', locked_until: clock.now().toISOString(),
    }).where('id', '=', id).execute();
    const sender = vi.fn<NotificationSender>(async () => {});
    expect((await processOutboxOnce(core(), { senders: { sms: sender }, maxAttempts: 3 })).claimed).toBe(0);
    expect(sender).not.toHaveBeenCalled();
    expect(await rowOf(id)).toMatchObject({ status: 'failed', last_error: 'lease_expired', attempts: 3 });
  });

  it('workers racing over the same rows send each row exactly once, claimed once', async () => {
    await db().transaction().execute((trx: any) => notify(trx, clock.now(), Array.from({ length: 120 }, (_, i) => (
      { userId: residentId, topic: 'test.outbox.ping', params: { course: `第 ${i} 班` }, channels: ['sms' as const] }))));
    const ids = new Set<string>((await db().selectFrom('notification_outbox').select('id').execute()).map((r: any) => r.id));
    expect(ids.size).toBe(120);
    const sentBy = new Map<string, string[]>();
    const senderOf = (worker: string): NotificationSender => async (message) => {
      sentBy.set(message.outboxId, [...(sentBy.get(message.outboxId) ?? []), worker]);
      // Yield so the other worker's claims interleave with this one's sends.
      await new Promise((resolve) => setImmediate(resolve));
    };
    const drain = async (worker: string) => {
      for (;;) {
        const result = await processOutboxOnce(core(), { workerId: worker, batchSize: 5, senders: { sms: senderOf(worker) } });
        if (result.claimed === 0) return;
      }
    };
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(drain));
    expect(new Set(sentBy.keys())).toEqual(ids);
    expect([...sentBy.values()].filter((workers) => workers.length !== 1)).toEqual([]);
    const statuses = await db().selectFrom('notification_outbox').select(['status', 'attempts']).execute();
    expect(statuses.every((r: any) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('the development sender logs the zh-CN text and the masked recipient, never the number itself', async () => {
    const id = await queueSms(residentId);
    const { log, lines } = recordingLog();
    expect(await processOutboxOnce(core(), { senders: { sms: loggingSender }, log })).toMatchObject({ sent: 1 });
    const line = lines.find((l) => l.fields.notification?.outboxId === id)!;
    expect(line.level).toBe('info');
    expect(line.fields.notification).toMatchObject({ channel: 'sms', to: '139****0021', title: '开班提醒', body: '书法班将于明天开课。' });
    expect(JSON.stringify(lines)).not.toContain(RESIDENT_PHONE);
  });

  it('the background worker sends what is due and stops cleanly', async () => {
    const id = await queueSms(residentId);
    const sender = vi.fn<NotificationSender>(async () => {});
    const stop = startOutboxWorker(core(), { intervalMs: 10, senders: { sms: sender } });
    await vi.waitFor(async () => { expect((await rowOf(id)).status).toBe('sent'); }, { timeout: 5000 });
    await stop();
    expect(sender).toHaveBeenCalledTimes(1);
  });

  it('scrubs mobile and ID numbers out of kept errors', () => {
    expect(scrubError(new Error('to 13905110021 / +8613905110021 failed'))).toBe('to 139****0021 / +86139****0021 failed');
    expect(scrubError('x'.repeat(2000))).toHaveLength(500);
  });
});
