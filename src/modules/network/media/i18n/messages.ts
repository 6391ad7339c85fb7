import { registerMessages } from '../../../../core/i18n/i18n.js';
import { mediaZhCN, type MediaMessageId } from './zh-CN.js';
import { mediaEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<MediaMessageId, true> {}
}

registerMessages(mediaZhCN, mediaEn);
