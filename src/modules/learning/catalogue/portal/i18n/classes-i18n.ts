import type { Locale } from '../../../../../core/i18n/i18n.js';
import { classesZhCN, type ClassesMessageId } from './zh-CN.js';
import { classesEn } from './en.js';

const catalogs: Record<Locale, Record<ClassesMessageId, string>> = { 'zh-CN': classesZhCN, en: classesEn };

export type ClassesT = (id: ClassesMessageId, params?: Record<string, string | number>) => string;

/** The class pages' text (the shell's text stays in the portal catalog). */
export function classesT(locale: Locale): ClassesT {
  return (id, params) => {
    const template = catalogs[locale][id] ?? classesZhCN[id];
    return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
  };
}

export function categoryLabel(t: ClassesT, category: string): string {
  const id = `category.${category}` as ClassesMessageId;
  return id in classesZhCN ? t(id) : t('category.other');
}
