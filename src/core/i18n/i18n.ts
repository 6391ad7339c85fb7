import { zhCN, type MessageId as CoreMessageId } from './zh-CN.js';
import { en } from './en.js';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: Locale[] = ['zh-CN', 'en'];
export type LocalizedText = Record<Locale, string>;

/**
 * Modules add their server-side message ids by declaration merging, next to their own catalogs:
 * `declare module '../../../core/i18n/i18n.js' { interface ModuleMessages extends Record<ContentMessageId, true> {} }`
 * and register the texts with registerMessages() when the module is loaded.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ModuleMessages {}
export type MessageId = CoreMessageId | keyof ModuleMessages;

const catalogs: Record<Locale, Record<string, string>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

/** Adds a module's catalogs; the en catalog is typed against the zh-CN one so a missing text fails the build. */
export function registerMessages<K extends string>(zh: Record<K, string>, english: Record<K, string>) {
  for (const [id, text] of Object.entries<string>(zh)) {
    if (id in catalogs['zh-CN'] && catalogs['zh-CN'][id] !== text) throw new Error(`message ${id} registered twice`);
    catalogs['zh-CN'][id] = text;
  }
  Object.assign(catalogs.en, english);
}

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
