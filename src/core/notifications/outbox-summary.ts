import type { Kysely } from 'kysely';
import type { NotificationsDatabase, OutboxChannel, OutboxStatus } from './notifications-schema.js';

export interface OutboxSummary {
  counts: Array<{ channel: OutboxChannel; status: OutboxStatus; count: number }>;
  /** The newest failed deliveries: what went wrong, never to whom or what was said. */
  latestFailed: Array<{ id: string; channel: OutboxChannel; topic: string; attempts: number; lastError: string | null; createdAt: string; failedAt: string }>;
}

export async function outboxSummary(db: Kysely<NotificationsDatabase>, failedLimit = 20): Promise<OutboxSummary> {
  const [counts, failed] = await Promise.all([
    db.selectFrom('notification_outbox').select(['channel', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['channel', 'status']).orderBy('channel').orderBy('status').execute(),
    db.selectFrom('notification_outbox as o').innerJoin('notifications as n', 'n.id', 'o.notification_id')
      .select(['o.id', 'o.channel', 'n.topic', 'o.attempts', 'o.last_error', 'o.created_at', 'o.updated_at'])
      .where('o.status', '=', 'failed').orderBy('o.updated_at', 'desc').orderBy('o.id', 'desc').limit(failedLimit).execute(),
  ]);
  return {
    counts: counts.map((c) => ({ channel: c.channel, status: c.status, count: Number(c.n) })),
    latestFailed: failed.map((f) => ({
      id: f.id, channel: f.channel, topic: f.topic, attempts: f.attempts, lastError: f.last_error, createdAt: f.created_at, failedAt: f.updated_at,
    })),
  };
}
