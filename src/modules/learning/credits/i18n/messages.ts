import { registerMessages } from '../../../../core/i18n/i18n.js';
import { creditZhCN, type CreditMessageId } from './zh-CN.js';
import { creditEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<CreditMessageId, true> {}
}

registerMessages(creditZhCN, creditEn);
