import type { Kysely } from 'kysely';
import type { NotificationsDatabase, NotificationsTable } from './notifications-schema.js';

/** Queries on one user's inbox. Every query is keyed on the user id: nobody reads another's messages. */
export async function countUnread(db: Kysely<NotificationsDatabase>, userId: string): Promise<number> {
  const row = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listInbox(db: Kysely<NotificationsDatabase>, userId: string, options: { unreadOnly: boolean; offset: number; limit: number }):
  Promise<{ rows: NotificationsTable[]; total: number }> {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (options.unreadOnly) base = base.where('read_at', 'is', null);
  const [rows, count] = await Promise.all([
    // id breaks ties between messages written in the same millisecond (UUIDv7 ids grow with time).
    base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Marks one of the user's messages read; the first reading time is kept. False when the user has no such message. */
export async function markRead(db: Kysely<NotificationsDatabase>, userId: string, id: string, now: string): Promise<boolean> {
  const own = await db.selectFrom('notifications').select(['id', 'read_at']).where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  if (!own) return false;
  if (own.read_at === null) {
    await db.updateTable('notifications').set({ read_at: now }).where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).execute();
  }
  return true;
}

export async function markAllRead(db: Kysely<NotificationsDatabase>, userId: string, now: string): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
