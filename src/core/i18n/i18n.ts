import { zhCN, type MessageId } from './zh-CN.js';
import { en } from './en.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];
export type { MessageId };
export type LocalizedText = Record<Locale, string>;

const catalogs: Record<Locale, Record<string, string>> = { 'zh-CN': zhCN, en };

function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function t(locale: Locale, id: MessageId, params?: Record<string, string | number>): string {
  return interpolate(catalogs[locale][id] ?? catalogs['zh-CN'][id] ?? id, params);
}

/** The message in every locale, as problem+json carries it. */
export function localized(id: MessageId, params?: Record<string, string | number>): LocalizedText {
  return { 'zh-CN': t('zh-CN', id, params), en: t('en', id, params) };
}

/** Picks the reader's language: an explicit `lang` cookie wins, then Accept-Language; zh-CN by default. */
export function negotiateLocale(langCookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (langCookie === 'en' || langCookie === 'zh-CN') return langCookie;
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return 'en';
  return 'zh-CN';
}
