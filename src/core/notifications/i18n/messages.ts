import { registerMessages } from '../../i18n/i18n.js';
import { notificationsZhCN, type NotificationsMessageId } from './zh-CN.js';
import { notificationsEn } from './en.js';

declare module '../../i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<NotificationsMessageId, true> {}
}

registerMessages(notificationsZhCN, notificationsEn);
