import type { Locale } from '../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../core/time.js';
import { writeWorkbook, type XlsxColumn } from '../../../core/xlsx/write-workbook.js';
import type { LearningRecord } from './record-queries.js';
import { recordText } from './record-format.js';

/** The record as a workbook: a summary sheet, then classes, online courses, certificates, credits and awards. */
export function recordWorkbook(record: LearningRecord, locale: Locale): Promise<Buffer> {
  const x = recordText(locale);
  const col = (key: string, id: Parameters<typeof x.L>[0], type?: XlsxColumn['type']): XlsxColumn => ({ key, header: x.L(id), type });
  const r = record;
  return writeWorkbook([
    {
      name: x.L('learning.record.sheet.summary'),
      columns: [col('item', 'learning.record.sheet.item'), col('value', 'learning.record.sheet.value')],
      rows: [
        { item: x.L('learning.record.name'), value: r.name },
        { item: x.L('learning.record.generated_at'), value: formatZhDateTime(r.generatedAt) },
        { item: x.L('learning.record.totals.classes'), value: String(r.totals.classes) },
        { item: x.L('learning.record.totals.completed'), value: String(r.totals.completedClasses) },
        { item: x.L('learning.record.totals.online'), value: String(r.totals.onlineCompleted) },
        { item: x.L('learning.record.totals.hours'), value: x.num(r.totals.hours) },
        { item: x.L('learning.record.totals.certificates'), value: String(r.totals.certificates) },
        { item: x.L('learning.record.totals.credits'), value: x.num(r.totals.credits) },
        { item: x.L('learning.record.totals.awards'), value: String(r.totals.awards) },
      ],
    },
    {
      name: x.L('learning.record.sheet.classes'),
      columns: [col('class', 'learning.record.class'), col('course', 'learning.record.course'), col('category', 'learning.record.category'),
        col('institution', 'learning.record.institution'), col('term', 'learning.record.term'), col('startsOn', 'learning.record.dates', 'date'),
        col('hours', 'learning.record.hours', 'number'), col('credits', 'learning.record.credits_col', 'number'),
        col('attended', 'learning.record.attended_count', 'number'), col('held', 'learning.record.held_count', 'number'),
        col('percent', 'learning.record.attendance_rate', 'number'),
        col('status', 'learning.record.status'), col('certificate', 'learning.record.certificate')],
      rows: r.classes.map((c) => ({
        class: c.classTitle, course: c.courseTitle, category: x.category(c.category), institution: c.institutionName, term: c.termName,
        startsOn: c.startsOn, hours: c.hours, credits: c.credits, attended: c.attended, held: c.held, percent: c.attendancePercent,
        status: x.L(`learning.record.status.${c.status}`), certificate: c.certificate?.number ?? '',
      })),
    },
    {
      name: x.L('learning.record.sheet.online'),
      columns: [col('title', 'learning.record.course'), col('category', 'learning.record.category'), col('hours', 'learning.record.hours', 'number'),
        col('credits', 'learning.record.credits_col', 'number'), col('percent', 'learning.record.online.progress', 'number'),
        col('startedAt', 'learning.record.online.started', 'date'), col('completedAt', 'learning.record.online.completed', 'date')],
      rows: r.online.map((o) => ({ title: o.title, category: x.category(o.category), hours: o.hours, credits: o.creditsAwarded ?? o.credits,
        percent: o.percent, startedAt: o.startedAt, completedAt: o.completedAt })),
    },
    {
      name: x.L('learning.record.sheet.certificates'),
      columns: [col('number', 'learning.record.number'), col('class', 'learning.record.class'), col('course', 'learning.record.course'),
        col('institution', 'learning.record.institution'), col('hours', 'learning.record.hours', 'number'), col('credits', 'learning.record.credits_col', 'number'),
        col('issuedAt', 'learning.record.date', 'date'), col('status', 'learning.record.status')],
      rows: r.certificates.map((c) => ({ number: c.number, class: c.classTitle, course: c.courseTitle, institution: c.institutionName, hours: c.hours,
        credits: c.credits, issuedAt: c.issuedAt, status: c.valid ? '' : x.L('learning.record.certificate.revoked') })),
    },
    {
      name: x.L('learning.record.sheet.credits'),
      columns: [col('at', 'learning.record.date', 'date'), col('title', 'learning.record.item'), col('source', 'learning.record.source'),
        col('category', 'learning.record.category'), col('credits', 'learning.record.credits_col', 'number')],
      rows: [
        ...r.credits.entries.map((e) => ({ at: e.at, title: e.title, source: x.L(`learning.credit.source.${e.sourceKind}`), category: x.category(e.category), credits: e.credits })),
        ...r.credits.byCategory.map((c) => ({ title: x.L('learning.record.credits.by_category'), category: x.category(c.category), credits: c.credits })),
        { title: x.L('learning.record.credits.total', { credits: x.num(r.credits.total) }), credits: r.credits.total },
      ],
    },
    {
      name: x.L('learning.record.sheet.awards'),
      columns: [col('number', 'learning.record.number'), col('title', 'learning.record.item'), col('category', 'learning.record.category'),
        col('credits', 'learning.record.credits_col', 'number'), col('awardedAt', 'learning.record.date', 'date')],
      rows: r.awards.map((a) => ({ number: a.number, title: a.title, category: x.category(a.category), credits: a.credits, awardedAt: a.awardedAt })),
    },
  ]);
}
