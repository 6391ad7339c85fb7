import type { CoreContext } from '../../../core/context.js';
import { myAttendance } from '../attendance/attendance-queries.js';
import { ON_ROSTER } from '../attendance/mark-attendance.js';
import { fromTenths } from '../catalogue/catalogue-format.js';
import { myCertificates, presentCertificate, type CertificateView } from '../certificates/certificate-queries.js';
import { listOnlineLearningOf, type OnlineLearningEntry } from '../online/online-learning-record.js';
import { creditDb, type CreditSourceKind } from '../credits/credit-schema.js';
import { awardsOf, ledgerOf } from '../credits/credit-queries.js';
import { syncCredits } from '../credits/sync-credits.js';

export interface RecordClass {
  enrolmentId: string; classId: string; classTitle: string; courseTitle: string; category: string; institutionName: string;
  termName: string; startsOn: string; endsOn: string; hours: number; credits: number; status: 'enrolled' | 'completed';
  enrolledAt: string | null; completedAt: string | null; attended: number; held: number; attendancePercent: number | null;
  certificate: { id: string; number: string; code: string; valid: boolean } | null;
}
export interface RecordOnline extends OnlineLearningEntry { category: string }
export interface RecordCredit { sourceKind: CreditSourceKind; sourceId: string; title: string; category: string; credits: number; at: string }
export interface RecordAward { id: string; title: string; number: string; code: string; category: string; creditsRequired: number; credits: number; awardedAt: string }
export type TimelineKind = 'enrolled' | 'completed' | 'certificate' | 'online_started' | 'online_completed' | 'credited' | 'award';
export interface TimelineEntry { at: string; kind: TimelineKind; title: string; credits?: number }

export interface LearningRecord {
  name: string;
  generatedAt: string;
  totals: { classes: number; completedClasses: number; onlineCompleted: number; hours: number; certificates: number; credits: number; awards: number };
  classes: RecordClass[];
  online: RecordOnline[];
  certificates: CertificateView[];
  credits: { total: number; byCategory: { category: string; credits: number }[]; entries: RecordCredit[] };
  awards: RecordAward[];
  /** The active conversion rules with the person's credits towards each. */
  rules: { id: string; name: string; category: string; creditsRequired: number; awardTitle: string; credits: number; awarded: boolean }[];
  timeline: TimelineEntry[];
}

/** Classes the person is or was on the roster of (enrolled or completed), with term, course and institution. */
async function recordClasses(core: Pick<CoreContext, 'db'>, userId: string) {
  return creditDb(core).selectFrom('learning_enrolments as e')
    .innerJoin('learning_classes as c', 'c.id', 'e.class_id')
    .innerJoin('learning_courses as co', 'co.id', 'c.course_id')
    .innerJoin('learning_terms as tm', 'tm.id', 'c.term_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['e.id', 'e.class_id', 'e.status', 'e.enrolled_at', 'e.completed_at', 'c.title', 'c.starts_on', 'c.ends_on', 'co.title as course_title',
      'co.category', 'co.hours_tenths', 'co.credits_tenths', 'tm.name as term_name', 'i.name as institution_name'])
    .where('e.user_id', '=', userId).where('e.status', 'in', ON_ROSTER)
    .orderBy('c.starts_on', 'desc').orderBy('c.id').limit(500).execute();
}

/**
 * Everything one person learned, across every institution: classes (with attendance and certificate), online courses,
 * certificates, credits by category, awards and a timeline. Credits are reconciled for the person first, so what
 * they completed a moment ago is already counted. Reads only rows whose user_id is theirs.
 */
export async function learningRecord(core: CoreContext, userId: string): Promise<LearningRecord> {
  await syncCredits(core, userId);
  const db = creditDb(core);
  const now = core.clock.now();
  const [person, classRows, attendance, certRows, online, ledger, awardRows, ruleRows] = await Promise.all([
    db.selectFrom('users').select(['display_name', 'real_name']).where('id', '=', userId).executeTakeFirst(),
    recordClasses(core, userId),
    myAttendance(db, userId, now),
    myCertificates(db, userId),
    listOnlineLearningOf(core, userId),
    ledgerOf(db, userId),
    awardsOf(db, userId),
    db.selectFrom('learning_credit_rules').selectAll().where('active', '=', 1).orderBy('credits_required_tenths').orderBy('name').execute(),
  ]);
  const onlineCategories = online.length === 0 ? [] : await db.selectFrom('learning_courses').select(['id', 'category'])
    .where('id', 'in', online.map((o) => o.courseId)).execute();
  const categoryOf = new Map(onlineCategories.map((c) => [c.id, c.category as string]));

  const attendanceOf = new Map(attendance.map((a) => [a.classId, a]));
  const certificateOf = new Map(certRows.map((c) => [c.enrolment_id, c]));
  const classes: RecordClass[] = classRows.map((r) => {
    const a = attendanceOf.get(r.class_id);
    const cert = certificateOf.get(r.id);
    const held = a?.held ?? 0;
    return {
      enrolmentId: r.id, classId: r.class_id, classTitle: r.title, courseTitle: r.course_title, category: r.category,
      institutionName: r.institution_name, termName: r.term_name, startsOn: r.starts_on, endsOn: r.ends_on,
      hours: fromTenths(cert?.hours_tenths ?? r.hours_tenths), credits: fromTenths(cert?.credits_tenths ?? r.credits_tenths),
      status: r.status as 'enrolled' | 'completed', enrolledAt: r.enrolled_at, completedAt: r.completed_at,
      attended: a?.attended ?? 0, held, attendancePercent: held === 0 ? null : Math.round(((a?.attended ?? 0) * 1000) / held) / 10,
      certificate: cert ? { id: cert.id, number: cert.number, code: cert.code, valid: cert.revoked_at === null } : null,
    };
  });
  const entries: RecordCredit[] = ledger.map((l) => ({ sourceKind: l.source_kind, sourceId: l.source_id, title: l.title, category: l.category,
    credits: fromTenths(l.credits_tenths), at: l.at }));
  const byCategory = new Map<string, number>();
  for (const l of ledger) byCategory.set(l.category, (byCategory.get(l.category) ?? 0) + l.credits_tenths);
  const totalTenths = ledger.reduce((sum, l) => sum + l.credits_tenths, 0);
  const awards: RecordAward[] = awardRows.map((a) => ({ id: a.id, title: a.award_title, number: a.number, code: a.code, category: a.category,
    creditsRequired: fromTenths(a.credits_required_tenths), credits: fromTenths(a.credits_tenths), awardedAt: a.awarded_at }));
  const certificates = certRows.map((c) => presentCertificate(c, { masked: false }));
  const onlineEntries = online.map((o) => ({ ...o, category: categoryOf.get(o.courseId) ?? 'other' }));

  const completedHoursTenths = classRows.filter((r) => r.status === 'completed')
    .reduce((sum, r) => sum + (certificateOf.get(r.id)?.hours_tenths ?? r.hours_tenths), 0)
    + online.filter((o) => o.completedAt).reduce((sum, o) => sum + Math.round(o.hours * 10), 0);

  const timeline: TimelineEntry[] = [
    ...classes.flatMap((c) => [
      ...(c.enrolledAt ? [{ at: c.enrolledAt, kind: 'enrolled' as const, title: c.classTitle }] : []),
      ...(c.completedAt ? [{ at: c.completedAt, kind: 'completed' as const, title: c.classTitle }] : []),
    ]),
    ...certificates.map((c) => ({ at: c.issuedAt, kind: 'certificate' as const, title: `${c.classTitle}（${c.number}）` })),
    ...onlineEntries.flatMap((o) => [
      { at: o.startedAt, kind: 'online_started' as const, title: o.title },
      ...(o.completedAt ? [{ at: o.completedAt, kind: 'online_completed' as const, title: o.title }] : []),
    ]),
    ...entries.map((l) => ({ at: l.at, kind: 'credited' as const, title: l.title, credits: l.credits })),
    ...awards.map((a) => ({ at: a.awardedAt, kind: 'award' as const, title: `${a.title}（${a.number}）` })),
  ].sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : x.kind.localeCompare(y.kind)));

  return {
    name: person ? person.real_name || person.display_name : '',
    generatedAt: now.toISOString(),
    totals: {
      classes: classes.length, completedClasses: classes.filter((c) => c.status === 'completed').length,
      onlineCompleted: online.filter((o) => o.completedAt).length, hours: fromTenths(completedHoursTenths), certificates: certificates.length,
      credits: fromTenths(totalTenths), awards: awards.length,
    },
    classes, online: onlineEntries, certificates,
    credits: {
      total: fromTenths(totalTenths),
      byCategory: [...byCategory].map(([category, tenths]) => ({ category, credits: fromTenths(tenths) })).sort((a, b) => b.credits - a.credits || a.category.localeCompare(b.category)),
      entries,
    },
    awards,
    rules: ruleRows.map((r) => ({
      id: r.id, name: r.name, category: r.category, creditsRequired: fromTenths(r.credits_required_tenths), awardTitle: r.award_title,
      credits: fromTenths(r.category === 'any' ? totalTenths : byCategory.get(r.category) ?? 0), awarded: awardRows.some((a) => a.rule_id === r.id),
    })),
    timeline,
  };
}
