import { registerMessages } from '../../../core/i18n/i18n.js';
import { contentZhCN, type ContentMessageId } from './zh-CN.js';
import { contentEn } from './en.js';

declare module '../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<ContentMessageId, true> {}
}

registerMessages(contentZhCN, contentEn);
