import type { Kysely } from 'kysely';
import type { FieldCrypto } from '../../../core/pii/field-crypto.js';
import { t, type Locale, type MessageId } from '../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../core/time.js';
import { writeWorkbook, type XlsxColumn } from '../../../core/xlsx/write-workbook.js';
import { categoryLabel, classesT } from '../catalogue/portal/i18n/classes-i18n.js';
import { classRoster } from '../enrolment/enrolment-queries.js';
import type { EnrolmentDatabase } from '../enrolment/enrolment-schema.js';
import type { LearningStats } from './stats-queries.js';
import './i18n/messages.js';

/** Every roster row fits one sheet: a class has at most 100,000 seats, and its waitlist is bounded by the term quotas. */
const ROSTER_ROWS = 1_000_000;

const num = (key: string, id: MessageId, L: (id: MessageId) => string): XlsxColumn => ({ key, header: L(id), type: 'number' });
const when = (iso: string | null) => (iso ? formatZhDateTime(iso) : '');

/** The dashboard's tables as a workbook: totals, by town, by age group, by category, by institution. */
export async function statsWorkbook(stats: LearningStats, labels: { term: string | null; town: string | null }, locale: Locale): Promise<Buffer> {
  const L = (id: MessageId) => t(locale, id);
  const category = classesT(locale);
  const totalRows: Array<[MessageId, string | number]> = [
    ['learning.stats.total.date', stats.date],
    ['learning.stats.total.term', labels.term ?? L('learning.stats.total.all')],
    ['learning.stats.total.town', labels.town ?? L('learning.stats.total.all')],
    ['learning.stats.total.classes_open', stats.totals.classesOpen],
    ['learning.stats.total.classes_finished', stats.totals.classesFinished],
    ['learning.stats.total.seats', stats.totals.seats],
    ['learning.stats.total.enrolled', stats.totals.enrolled],
    ['learning.stats.total.offered', stats.totals.offered],
    ['learning.stats.total.waitlisted', stats.totals.waitlisted],
    ['learning.stats.total.completed', stats.totals.completed],
    ['learning.stats.total.learners', stats.totals.learners],
    ['learning.stats.total.person_times', stats.totals.personTimes],
  ];
  return writeWorkbook([
    {
      name: L('learning.stats.sheet.totals'),
      columns: [{ key: 'item', header: L('learning.stats.col.item') }, { key: 'value', header: L('learning.stats.col.value') }],
      rows: totalRows.map(([id, value]) => ({ item: L(id), value: String(value) })),
    },
    {
      name: L('learning.stats.sheet.by_town'),
      columns: [
        { key: 'town', header: L('learning.stats.col.town') }, num('classes', 'learning.stats.col.classes', L), num('seats', 'learning.stats.col.seats', L),
        num('seatsTaken', 'learning.stats.col.seats_taken', L), num('fillPercent', 'learning.stats.col.fill_percent', L),
        num('enrolments', 'learning.stats.col.enrolments', L), num('learners', 'learning.stats.col.learners', L),
        num('population', 'learning.stats.col.population', L), num('learnersPerThousand', 'learning.stats.col.per_thousand', L),
        num('personTimes', 'learning.stats.col.person_times', L),
      ],
      rows: stats.byTown.map((r) => ({ ...r, town: r.townName })),
    },
    {
      name: L('learning.stats.sheet.by_age'),
      columns: [{ key: 'group', header: L('learning.stats.col.age_group') }, num('enrolments', 'learning.stats.col.enrolments', L)],
      rows: stats.byAgeGroup.map((r) => ({ group: L(`learning.survey.age.${r.group}` as MessageId), enrolments: r.enrolments })),
    },
    {
      name: L('learning.stats.sheet.by_category'),
      columns: [
        { key: 'category', header: L('learning.stats.col.category') }, num('enrolments', 'learning.stats.col.enrolments', L),
        num('finishedEnrolled', 'learning.stats.col.finished_enrolled', L), num('finishedCompleted', 'learning.stats.col.finished_completed', L),
        num('completionPercent', 'learning.stats.col.completion_percent', L),
      ],
      rows: stats.byCategory.map((r) => ({ ...r, category: categoryLabel(category, r.category) })),
    },
    {
      name: L('learning.stats.sheet.by_institution'),
      columns: [{ key: 'name', header: L('learning.stats.col.institution') }, num('enrolments', 'learning.stats.col.enrolments', L)],
      rows: stats.byInstitution,
    },
  ]);
}

/**
 * A class's roster as a workbook: seat holders, then the waitlist in order with live positions, then the rest —
 * the same rows and masking as the JSON roster (ID numbers and phones never leave the server in full), plus who
 * acted for a resident (代办) and how they consented.
 */
export async function rosterWorkbook(db: Kysely<EnrolmentDatabase>, crypto: FieldCrypto, classId: string, locale: Locale): Promise<Buffer> {
  const L = (id: MessageId) => t(locale, id);
  const roster = await classRoster(db, crypto, classId, undefined, { offset: 0, pageSize: ROSTER_ROWS });
  const text = (key: string, id: MessageId): XlsxColumn => ({ key, header: L(id) });
  return writeWorkbook([{
    name: L('learning.stats.roster.sheet'),
    columns: [
      num('no', 'learning.stats.roster.no', L), text('name', 'learning.stats.roster.name'), text('idNumber', 'learning.stats.roster.id_number'),
      text('phone', 'learning.stats.roster.phone'), text('status', 'learning.stats.roster.status'),
      num('position', 'learning.stats.roster.waitlist_position', L), text('source', 'learning.stats.roster.source'),
      text('actedBy', 'learning.stats.roster.acted_by'), text('consent', 'learning.stats.roster.consent'),
      text('consentAt', 'learning.stats.roster.consent_at'), text('enrolledAt', 'learning.stats.roster.enrolled_at'),
    ],
    rows: roster.items.map((r, i) => ({
      no: i + 1, name: r.name, idNumber: r.idNumber ?? '', phone: r.phone ?? '',
      status: L(`learning.enrol.status.${r.status}` as MessageId), position: r.waitlistPosition,
      source: L(`learning.enrol.source.${r.source}` as MessageId), actedBy: r.actedByName ?? '',
      consent: r.consentMethod ? L(`learning.enrol.consent.${r.consentMethod}` as MessageId) : '',
      consentAt: when(r.consentAt), enrolledAt: when(r.enrolledAt ?? r.createdAt),
    })),
  }]);
}
