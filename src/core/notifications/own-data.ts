import { registerOwnDataSection } from '../auth/own-data-sections.js';
import { notificationsDb } from './notifications-schema.js';
import { renderNotification } from './render-notification.js';

/** The person's messages in their own-data export, rendered in zh-CN as they read them. */
registerOwnDataSection('messages', async (core, userId) => {
  const rows = await notificationsDb(core).selectFrom('notifications').selectAll().where('user_id', '=', userId)
    .orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ ...renderNotification('zh-CN', r.topic, r.params), link: r.link, createdAt: r.created_at, readAt: r.read_at }));
});
