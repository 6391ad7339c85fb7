import type { Locale } from '../../core/i18n/i18n.js';
import { portalZhCN, type PortalMessageId } from './zh-CN.js';
import { portalEn } from './en.js';

const catalogs: Record<Locale, Record<PortalMessageId, string>> = { 'zh-CN': portalZhCN, en: portalEn };

export type PortalT = (id: PortalMessageId, params?: Record<string, string | number>) => string;

export function portalT(locale: Locale): PortalT {
  return (id, params) => {
    const template = catalogs[locale][id] ?? portalZhCN[id];
    return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
  };
}
