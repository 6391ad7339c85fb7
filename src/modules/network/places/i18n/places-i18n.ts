import type { Locale } from '../../../../core/i18n/i18n.js';
import { placesZhCN, type PlacesMessageId } from './zh-CN.js';
import { placesEn } from './en.js';

const catalogs: Record<Locale, Record<PlacesMessageId, string>> = { 'zh-CN': placesZhCN, en: placesEn };

export type PlacesT = (id: PlacesMessageId, params?: Record<string, string | number>) => string;

/** The learning-places pages' text (the shell's text stays in the portal catalog). */
export function placesT(locale: Locale): PlacesT {
  return (id, params) => {
    const template = catalogs[locale][id] ?? placesZhCN[id];
    return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
  };
}

/** A kind's label; an unknown kind (a future one) shows as "other" rather than a raw id. */
export function kindLabel(t: PlacesT, kind: string): string {
  const id = `kind.${kind}` as PlacesMessageId;
  return id in placesZhCN ? t(id) : t('kind.other');
}
