import { t, type Locale, type MessageId } from '../../../core/i18n/i18n.js';
import { categoryLabel, classesT } from '../catalogue/portal/i18n/classes-i18n.js';
import { shanghaiDateOf } from '../catalogue/schedule.js';
import './i18n/messages.js';
import '../credits/i18n/messages.js';

/** Shared wording of the record's page, print view and workbook. */
export function recordText(locale: Locale) {
  const L = (id: MessageId, params?: Record<string, string | number>) => t(locale, id, params);
  const classes = classesT(locale);
  return {
    L,
    /** A course category, or 全部类别 for a rule over every category. */
    category: (c: string) => (c === 'any' ? L('learning.credit.category.any') : categoryLabel(classes, c)),
    day: (iso: string | null) => (iso ? shanghaiDateOf(iso) : ''),
    /** 12 or 12.5: credits and hours are kept in tenths, so one decimal at most. */
    num: (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1)),
  };
}
