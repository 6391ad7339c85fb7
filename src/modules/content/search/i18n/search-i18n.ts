import type { Locale } from '../../../../core/i18n/i18n.js';
import { searchZhCN, type SearchMessageId } from './zh-CN.js';
import { searchEn } from './en.js';

const catalogs: Record<Locale, Record<SearchMessageId, string>> = { 'zh-CN': searchZhCN, en: searchEn };

export type SearchT = (id: SearchMessageId, params?: Record<string, string | number>) => string;

export function searchT(locale: Locale): SearchT {
  return (id, params) => {
    const template = catalogs[locale][id] ?? searchZhCN[id];
    return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
  };
}
