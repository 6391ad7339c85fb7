import { registerMessages } from '../../../../core/i18n/i18n.js';
import { recordZhCN, type RecordMessageId } from './zh-CN.js';
import { recordEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<RecordMessageId, true> {}
}

registerMessages(recordZhCN, recordEn);
