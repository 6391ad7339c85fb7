import { en } from './en';
import type { Lang } from './lang';
import { zhCN, type Catalog, type MessageKey } from './zh-CN';

export type { Catalog, MessageKey };

export const catalogs: Record<Lang, Catalog> = { 'zh-CN': zhCN, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}
