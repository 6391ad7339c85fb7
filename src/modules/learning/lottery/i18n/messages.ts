import { registerMessages } from '../../../../core/i18n/i18n.js';
import { lotteryZhCN, type LotteryMessageId } from './zh-CN.js';
import { lotteryEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<LotteryMessageId, true> {}
}

registerMessages(lotteryZhCN, lotteryEn);
