import type { Kysely } from 'kysely';
import type { CoreContext } from '../context.js';
import type { Database } from '../db/schema.js';

/** Row types of the notification tables (db/migrations/0012_core_notifications.ts). Timestamps are ISO strings. */
export type OutboxChannel = 'sms' | 'email';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface NotificationsTable {
  id: string;
  user_id: string;
  /** Also the i18n prefix of the texts: `${topic}.title`, `${topic}.body`. */
  topic: string;
  /** JSON object of the message parameters. */
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationOutboxTable {
  id: string;
  notification_id: string;
  channel: OutboxChannel;
  status: OutboxStatus;
  /** Attempts started so far (counted when claimed, so a worker that crashes mid-send still uses one up). */
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  /** The lease of the worker sending the row; once past, another worker may take it. */
  locked_until: string | null;
  /** The claim token of the worker holding (or that last held) the lease. */
  claimed_by: string | null;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
}

export type NotificationsDatabase = Database & NotificationTables;

export function notificationsDb(core: Pick<CoreContext, 'db'>): Kysely<NotificationsDatabase> {
  return core.db as unknown as Kysely<NotificationsDatabase>;
}
