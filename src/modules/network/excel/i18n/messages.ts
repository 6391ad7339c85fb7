import { registerMessages } from '../../../../core/i18n/i18n.js';
import { networkExcelZhCN, type NetworkExcelMessageId } from './zh-CN.js';
import { networkExcelEn } from './en.js';

declare module '../../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<NetworkExcelMessageId, true> {}
}

registerMessages(networkExcelZhCN, networkExcelEn);
