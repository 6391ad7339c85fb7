import type { NotificationsMessageId } from './zh-CN.js';

/** Messages of notifications, English; typed against zh-CN so a missing key fails the build. */
export const notificationsEn: Record<NotificationsMessageId, string> = {
  'notifications.not_found': 'Message not found.',
  'notifications.outbox.city_only': 'Only a city-wide administrator may see how messages are delivered.',
  'notifications.page.title': 'My messages',
  'notifications.page.intro': 'Messages about enrolments, waitlists, class changes and certificates arrive here.',
  'notifications.page.empty': 'No messages yet.',
  'notifications.page.unread_count': '{count} unread',
  'notifications.page.unread': 'Unread',
  'notifications.page.mark_read': 'Mark as read',
  'notifications.page.mark_all_read': 'Mark all as read',
  'notifications.page.open_link': 'Details',
  'notifications.page.received_at': 'Received',
  'notifications.page.back_to_account': 'Back to my account',
  'notifications.page.prev': 'Previous',
  'notifications.page.next': 'Next',
  'notifications.page.page_of': 'Page {page} of {pages}',
  'notifications.page.link_label': 'My messages',
};
