import { registerMessages } from '../../../core/i18n/i18n.js';
import { networkZhCN, type NetworkMessageId } from './zh-CN.js';
import { networkEn } from './en.js';

declare module '../../../core/i18n/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleMessages extends Record<NetworkMessageId, true> {}
}

registerMessages(networkZhCN, networkEn);
