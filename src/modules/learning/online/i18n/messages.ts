import { registerMessages } from '../../../../core/i18n/i18n.js';
import { onlineZhCN, type OnlineMessageId } from './zh-CN.js';
import { onlineEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<OnlineMessageId, true> {}
}

registerMessages(onlineZhCN, onlineEn);
