import type { Lang } from '../../core/i18n/lang';

/** Accreditation level names are configurable data with both languages; pick the one being shown. */
export function levelName(level: { nameZh: string; nameEn: string }, lang: Lang): string {
  return lang === 'en' ? level.nameEn : level.nameZh;
}
