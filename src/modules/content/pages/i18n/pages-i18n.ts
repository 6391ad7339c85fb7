import type { Locale } from '../../../../core/i18n/i18n.js';
import { pagesZhCN, type PagesMessageId } from './zh-CN.js';
import { pagesEn } from './en.js';

const catalogs: Record<Locale, Record<PagesMessageId, string>> = { 'zh-CN': pagesZhCN, en: pagesEn };

export type PagesT = (id: PagesMessageId, params?: Record<string, string | number>) => string;

/** The content pages' own text (the shell's text stays in the portal catalog). */
export function pagesT(locale: Locale): PagesT {
  return (id, params) => {
    const template = catalogs[locale][id] ?? pagesZhCN[id];
    return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
  };
}
