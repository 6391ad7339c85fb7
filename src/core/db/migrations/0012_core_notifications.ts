import { sql, type Kysely } from 'kysely';
import { columnTypes } from './helpers.js';

/**
 * In-app notifications and the outbox of SMS / e-mail deliveries (src/core/notifications). Outbox rows are never
 * deleted: a failed one stays visible to the city admin.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('params', t.json, (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('read_at', t.timestamp)
    .execute();
  // The inbox, newest first, and the unread badge (a partial index holds only unread rows).
  await db.schema.createIndex('notifications_user_created').on('notifications').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_user_unread').on('notifications').column('user_id').where(sql.ref('read_at'), 'is', null).execute();

  await db.schema.createTable('notification_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('notification_id', 'text', (c) => c.notNull().references('notifications.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms','email')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','sending','sent','failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('locked_until', t.timestamp)
    .addColumn('claimed_by', 'text')
    .execute();
  // The worker's claim scans due rows by status and time; sent and failed rows stay out of its way.
  await db.schema.createIndex('notification_outbox_due').on('notification_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('notification_outbox_notification').on('notification_outbox').column('notification_id').execute();
  await db.schema.createIndex('notification_outbox_claim').on('notification_outbox').column('claimed_by').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_outbox').execute();
  await db.schema.dropTable('notifications').execute();
}
