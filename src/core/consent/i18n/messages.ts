import { registerMessages } from '../../i18n/i18n.js';
import { consentZhCN, type ConsentMessageId } from './zh-CN.js';
import { consentEn } from './en.js';

declare module '../../i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<ConsentMessageId, true> {}
}

registerMessages(consentZhCN, consentEn);
