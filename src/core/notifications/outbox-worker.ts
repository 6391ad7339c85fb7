import os from 'node:os';
import { sql, type ExpressionBuilder, type Updateable } from 'kysely';
import type { CoreContext } from '../context.js';
import { newToken } from '../ids.js';
import { addMs, isoNow } from '../time.js';
import { findUnmaskedPersonalData, maskIdNumber, maskPhone } from '../pii/mask.js';
import { notificationsDb, type NotificationOutboxTable, type NotificationsDatabase, type OutboxChannel } from './notifications-schema.js';
import { renderNotification } from './render-notification.js';
import { resolveRecipient } from './recipients.js';
import { senderFor, type NotificationLog, type NotificationSender } from './senders.js';

/** Wait after the n-th failed attempt (the last entry repeats): 30 s, 2 min, 10 min, 1 h, 6 h. */
export const RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 21_600_000];
export const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_LEASE_MS = 120_000;
const DEFAULT_BATCH = 20;
const MAX_ERROR_LENGTH = 500;

export interface OutboxWorkerOptions {
  /** Names this process in `claimed_by`; each claim adds a random part, so two workers never share a token. */
  workerId?: string;
  batchSize?: number;
  /** How long a claim holds a row; a worker that dies mid-send frees it when this runs out. */
  leaseMs?: number;
  maxAttempts?: number;
  /** Per-channel senders for this worker (tests); otherwise the registered ones. */
  senders?: Partial<Record<OutboxChannel, NotificationSender>>;
  log?: NotificationLog;
}

export interface OutboxRunResult { claimed: number; sent: number; retried: number; failed: number }

export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1];
}

const silentLog: NotificationLog = { info: () => {}, warn: () => {}, error: () => {} };

/** Errors are kept for the city admin to read: no phone or ID number may stay in them. */
export function scrubError(error: unknown): string {
  let text = error instanceof Error ? error.message : String(error);
  for (const found of findUnmaskedPersonalData(text)) {
    text = text.split(found).join(found.length === 18 ? maskIdNumber(found) : maskPhone(found));
  }
  return text.slice(0, MAX_ERROR_LENGTH) || 'error';
}

function sendWithin<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('sender_timeout')), ms); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Claims due rows and sends them, once. A claim is one conditional UPDATE (pending, or sending with an expired
 * lease, and due): on both databases only one worker's update can match a row, so two workers never hold the same
 * row. The attempt is counted at claim time; a row whose lease expired after its last allowed attempt is failed.
 * A send that outlives half the lease is abandoned as failed, so the lease does not run out while it is running.
 */
export async function processOutboxOnce(core: CoreContext, options: OutboxWorkerOptions = {}): Promise<OutboxRunResult> {
  const db = notificationsDb(core);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const log = options.log ?? silentLog;
  const result: OutboxRunResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };
  const now = isoNow(core.clock);

  await db.updateTable('notification_outbox')
    .set({ status: 'failed', last_error: 'lease_expired', locked_until: null, updated_at: now })
    .where('status', '=', 'sending').where('locked_until', '<=', now).where('attempts', '>=', maxAttempts)
    .execute();

  const claimable = (eb: ExpressionBuilder<NotificationsDatabase, 'notification_outbox'>) => eb.and([
    eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb('locked_until', '<=', now)])]),
    eb('next_attempt_at', '<=', now),
    eb('attempts', '<', maxAttempts),
  ]);
  const token = `${options.workerId ?? `${os.hostname()}:${process.pid}`}:${newToken().slice(0, 12)}`;
  const due = db.selectFrom('notification_outbox').select('id').where(claimable)
    .orderBy('next_attempt_at').orderBy('id').limit(options.batchSize ?? DEFAULT_BATCH);
  // The conditions are repeated outside the subquery: PostgreSQL re-checks them on a row another worker just claimed.
  await db.updateTable('notification_outbox')
    .set({ status: 'sending', claimed_by: token, locked_until: addMs(now, leaseMs), attempts: sql<number>`attempts + 1`, updated_at: now })
    .where('id', 'in', due).where(claimable)
    .execute();

  const rows = await db.selectFrom('notification_outbox as o')
    .innerJoin('notifications as n', 'n.id', 'o.notification_id')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['o.id', 'o.channel', 'o.attempts', 'o.notification_id', 'n.topic', 'n.params', 'n.link', 'u.phone_enc'])
    .where('o.claimed_by', '=', token).where('o.status', '=', 'sending')
    .orderBy('o.next_attempt_at').orderBy('o.id')
    .execute();
  result.claimed = rows.length;

  for (const row of rows) {
    // Only the holder of this claim may settle the row.
    const settle = (values: Updateable<NotificationOutboxTable>) => db.updateTable('notification_outbox')
      .set(values).where('id', '=', row.id).where('claimed_by', '=', token).where('status', '=', 'sending').execute();
    let recipient;
    try {
      recipient = resolveRecipient(core.fieldCrypto, row.channel, row);
    } catch {
      recipient = null;
    }
    if (!recipient) {
      // Retrying cannot make an address appear: fail now, visibly.
      await settle({ status: 'failed', last_error: 'no_recipient', locked_until: null, updated_at: isoNow(core.clock) });
      result.failed++;
      log.warn({ outboxId: row.id, channel: row.channel, topic: row.topic }, 'notification has no recipient');
      continue;
    }
    const { title, body } = renderNotification('zh-CN', row.topic, row.params);
    const sender = options.senders?.[row.channel] ?? senderFor(row.channel);
    try {
      await sendWithin(leaseMs / 2, sender({
        outboxId: row.id, notificationId: row.notification_id, channel: row.channel, topic: row.topic,
        to: recipient.to, toMasked: recipient.masked, title, body,
        url: row.link ? new URL(row.link, core.config.publicBaseUrl).toString() : null,
      }, log));
      const at = isoNow(core.clock);
      await settle({ status: 'sent', sent_at: at, last_error: null, locked_until: null, updated_at: at });
      result.sent++;
    } catch (error) {
      const at = isoNow(core.clock);
      const lastError = scrubError(error);
      if (row.attempts >= maxAttempts) {
        await settle({ status: 'failed', last_error: lastError, locked_until: null, updated_at: at });
        result.failed++;
        log.error({ outboxId: row.id, channel: row.channel, to: recipient.masked, attempts: row.attempts, error: lastError }, 'notification failed for good');
      } else {
        await settle({ status: 'pending', last_error: lastError, locked_until: null, next_attempt_at: addMs(at, retryDelayMs(row.attempts)), updated_at: at });
        result.retried++;
        log.warn({ outboxId: row.id, channel: row.channel, to: recipient.masked, attempts: row.attempts, error: lastError }, 'notification send failed, will retry');
      }
    }
  }
  return result;
}

/**
 * Runs the outbox in the background: drains what is due, then looks again every `intervalMs`. Returns a stop
 * function that waits for the send in progress to settle.
 */
export function startOutboxWorker(core: CoreContext, options: OutboxWorkerOptions & { intervalMs?: number } = {}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 5_000;
  const batch = options.batchSize ?? DEFAULT_BATCH;
  const log = options.log ?? silentLog;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => { running = tick().finally(() => { running = null; }); }, ms);
    timer.unref();
  };
  const tick = async () => {
    try {
      let result: OutboxRunResult;
      do result = await processOutboxOnce(core, { ...options, batchSize: batch, log });
      while (!stopped && result.claimed === batch);
    } catch (error) {
      log.error({ err: error }, 'notification outbox run failed');
    }
    schedule(intervalMs);
  };
  schedule(0);
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
  };
}
