import type { Locale } from '../../../../core/i18n/i18n.js';
import { feeLabel } from '../catalogue-format.js';
import { scheduleLabel } from '../schedule.js';
import type { ClassesT } from './i18n/classes-i18n.js';

/** The fields of a class row the portal describes. */
export interface ClassFactsRow {
  weekdays: string; start_time: string; end_time: string; starts_on: string; ends_on: string; seats: number; seats_taken: number;
  fee_fen: number; age_min: number | null; age_max: number | null; residency_region_name?: string | null;
}

/** What a card says about a class: 周二、周四 14:00–16:00 · dates · 余 12 个名额 / 已满·可候补 · 免费 / ¥120.00 · 60–80 岁，限柳泉镇居民. */
export function classFacts(row: ClassFactsRow, t: ClassesT, locale: Locale, prerequisiteTitle?: string | null) {
  const left = row.seats - row.seats_taken;
  const rules: string[] = [];
  if (row.age_min !== null && row.age_max !== null) rules.push(t('class.age_range', { min: row.age_min, max: row.age_max }));
  else if (row.age_min !== null) rules.push(t('class.age_min', { min: row.age_min }));
  else if (row.age_max !== null) rules.push(t('class.age_max', { max: row.age_max }));
  if (row.residency_region_name) rules.push(t('class.residency', { region: row.residency_region_name }));
  if (prerequisiteTitle) rules.push(t('class.prerequisite', { course: prerequisiteTitle }));
  return {
    schedule: scheduleLabel(locale, row.weekdays, row.start_time, row.end_time),
    dates: t('class.dates', { from: row.starts_on, to: row.ends_on }),
    seats: left > 0 ? t('class.seats_left', { n: left }) : t('class.full'),
    full: left <= 0,
    fee: feeLabel(locale, row.fee_fen),
    eligibility: rules.length > 0 ? rules.join(locale === 'en' ? '; ' : '，') : t('class.open_to_all'),
  };
}
