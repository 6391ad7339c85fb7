import type { JobsT } from './i18n/jobs-i18n.js';

const YUAN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** ¥4,500–6,000/月; one bound alone reads "from" or "up to"; none is 面议 (negotiable). */
export function formatSalary(t: JobsT, min: number | null, max: number | null): string {
  if (min != null && max != null) {
    return min === max ? t('salary.exact', { amount: YUAN.format(min) }) : t('salary.range', { min: YUAN.format(min), max: YUAN.format(max) });
  }
  if (min != null) return t('salary.from', { min: YUAN.format(min) });
  if (max != null) return t('salary.up_to', { max: YUAN.format(max) });
  return t('salary.negotiable');
}
