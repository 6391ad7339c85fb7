import { registerMessages } from '../../../../core/i18n/i18n.js';
import { statsZhCN, type StatsMessageId } from './zh-CN.js';
import { statsEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<StatsMessageId, true> {}
}

registerMessages(statsZhCN, statsEn);
