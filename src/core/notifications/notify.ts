import type { Kysely } from 'kysely';
import { newId } from '../ids.js';

export interface NotificationInput {
  userId: string;
  /** e.g. 'learning.enrolment.confirmed' — also the i18n message id prefix: `${topic}.title` / `${topic}.body` */
  topic: string;
  params?: Record<string, string | number>;
  /** a site-relative link, e.g. '/account/classes' */
  link?: string;
  /** also send through these channels (outbox); in-app is always written */
  channels?: Array<'sms' | 'email'>;
}

/** Writes the in-app message and its outbox rows in the caller's transaction: committed with the business change, or not at all. */
export async function notify(trx: Kysely<any>, now: Date, input: NotificationInput | NotificationInput[]): Promise<void> {
  const inputs = Array.isArray(input) ? input : [input];
  if (inputs.length === 0) return;
  const at = now.toISOString();
  const notifications: Record<string, unknown>[] = [];
  const outbox: Record<string, unknown>[] = [];
  for (const n of inputs) {
    const id = newId();
    notifications.push({
      id,
      user_id: n.userId,
      topic: n.topic,
      params: JSON.stringify(n.params ?? {}),
      link: n.link ?? null,
      created_at: at,
      read_at: null,
    });
    // A channel named twice must not send twice.
    for (const channel of new Set(n.channels ?? [])) {
      outbox.push({
        id: newId(),
        notification_id: id,
        channel,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        last_error: null,
        created_at: at,
        updated_at: at,
        sent_at: null,
        locked_until: null,
        claimed_by: null,
      });
    }
  }
  await trx.insertInto('notifications').values(notifications).execute();
  if (outbox.length > 0) await trx.insertInto('notification_outbox').values(outbox).execute();
}
