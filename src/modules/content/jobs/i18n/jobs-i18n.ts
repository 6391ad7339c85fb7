import type { Locale } from '../../../../core/i18n/i18n.js';
import { jobsZhCN, type JobsMessageId } from './zh-CN.js';
import { jobsEn } from './en.js';

const catalogs: Record<Locale, Record<JobsMessageId, string>> = { 'zh-CN': jobsZhCN, en: jobsEn };

export type JobsT = (id: JobsMessageId, params?: Record<string, string | number>) => string;

export function jobsT(locale: Locale): JobsT {
  return (id, params) => {
    const template = catalogs[locale][id] ?? jobsZhCN[id];
    return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
  };
}
