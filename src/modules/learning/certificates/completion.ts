import { sql } from 'kysely';
import type { RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { notify } from '../../../core/notifications/notify.js';
import { auditCatalogue } from '../catalogue/catalogue-audit.js';
import { releaseQuota } from '../enrolment/seat-ledger.js';
import { ATTENDED, attendanceDb, type AttendanceTrx } from '../attendance/attendance-schema.js';
import { issueCertificate } from './issue-certificate.js';

export async function findClassForCompletion(trx: AttendanceTrx | ReturnType<typeof attendanceDb>, classId: string) {
  return trx.selectFrom('learning_classes as c').innerJoin('learning_courses as k', 'k.id', 'c.course_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.title', 'c.status', 'c.owner_path', 'c.teacher_user_id', 'c.institution_id', 'c.term_id', 'c.completion_rule',
      'c.completion_threshold', 'k.title as course_title', 'k.hours_tenths', 'k.credits_tenths', 'i.name as institution_name'])
    .where('c.id', '=', classId).executeTakeFirst();
}

/** The end of the class's last session that takes place (null: no such session). */
export async function lastSessionEnd(trx: AttendanceTrx | ReturnType<typeof attendanceDb>, classId: string): Promise<string | null> {
  const row = await trx.selectFrom('learning_class_sessions').select((eb) => eb.fn.max('ends_at').as('last'))
    .where('class_id', '=', classId).where('status', '=', 'scheduled').executeTakeFirst();
  return (row?.last as string | null | undefined) ?? null;
}

export interface CompletionResult { completed: number; certificates: { userId: string; number: string }[] }

/**
 * Completion of a class after its last session: every enrolled resident who meets the class's rule (attendance of
 * at least the threshold over the sessions held; or a passed assessment) becomes 'completed' and gets a certificate
 * and a message, all in one transaction. The enrolment moves by a conditional update (status still 'enrolled'), so a
 * second run, even at the same moment, finds nobody left and issues nothing. Completed enrolments hold no seat and
 * no term quota any more (the invariants of migration 0013). `ctx` null: the automatic run at the class's end.
 */
export async function runCompletion(core: CoreContext, classId: string, ctx: RequestContext | null): Promise<CompletionResult> {
  const now = core.clock.now();
  const at = now.toISOString();
  return attendanceDb(core).transaction().execute(async (trx) => {
    const cls = await findClassForCompletion(trx, classId);
    if (!cls) throw new AppError(404, 'learning.completion.class_not_found');
    if (cls.status === 'cancelled' || cls.status === 'draft') throw new AppError(409, 'learning.completion.class_not_running');
    const last = await lastSessionEnd(trx, classId);
    if (!last || last > at) throw new AppError(409, 'learning.completion.not_over', { at: last ?? '' });

    const enrolled = await trx.selectFrom('learning_enrolments as e').innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'e.user_id', 'u.display_name', 'u.real_name']).where('e.class_id', '=', classId).where('e.status', '=', 'enrolled')
      .orderBy('e.id').execute();
    let eligible: typeof enrolled;
    if (cls.completion_rule === 'assessment') {
      const passed = new Set((await trx.selectFrom('learning_assessments').select('enrolment_id').where('class_id', '=', classId)
        .where('passed', '=', 1).execute()).map((a) => a.enrolment_id));
      eligible = enrolled.filter((e) => passed.has(e.id));
    } else {
      const held = await trx.selectFrom('learning_class_sessions').select('id').where('class_id', '=', classId)
        .where('status', '=', 'scheduled').where('ends_at', '<=', at).execute();
      const counts = held.length === 0 ? [] : await trx.selectFrom('learning_attendance').select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('class_id', '=', classId).where('session_id', 'in', held.map((s) => s.id)).where('status', 'in', ATTENDED)
        .groupBy('user_id').execute();
      const attended = new Map(counts.map((c) => [c.user_id, Number(c.n)]));
      // n / held ≥ threshold %, in integers.
      eligible = held.length === 0 ? [] : enrolled.filter((e) => (attended.get(e.user_id) ?? 0) * 100 >= cls.completion_threshold * held.length);
    }

    const certificates: CompletionResult['certificates'] = [];
    for (const e of eligible) {
      const moved = await trx.updateTable('learning_enrolments')
        .set({ status: 'completed', completed_at: at, updated_at: at, version: sql<number>`version + 1` })
        .where('id', '=', e.id).where('status', '=', 'enrolled').executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) continue;
      const cert = await issueCertificate(trx, now, {
        enrolmentId: e.id, userId: e.user_id, holderName: e.real_name || e.display_name, classId, classTitle: cls.title,
        courseTitle: cls.course_title, hoursTenths: cls.hours_tenths, creditsTenths: cls.credits_tenths,
        institutionId: cls.institution_id, institutionName: cls.institution_name, ownerPath: cls.owner_path,
      });
      await trx.insertInto('learning_enrolment_events').values({ id: newId(), enrolment_id: e.id, event: 'completed', actor_id: null,
        note: cert.number, at }).execute();
      await releaseQuota(trx, e.user_id, cls.term_id);
      await notify(trx, now, { userId: e.user_id, topic: 'learning.certificate.issued', params: { class: cls.title, number: cert.number },
        link: '/account/certificates' });
      certificates.push({ userId: e.user_id, number: cert.number });
    }
    if (certificates.length > 0) {
      await trx.updateTable('learning_classes').set({ seats_taken: sql<number>`seats_taken - ${certificates.length}` })
        .where('id', '=', classId).where('seats_taken', '>=', certificates.length).execute();
    }
    const by = ctx?.actor?.userId ?? null;
    await trx.insertInto('learning_completion_runs').values({ class_id: classId, first_run_at: at, last_run_at: at, last_run_by: by })
      .onConflict((oc) => oc.column('class_id').doUpdateSet({ last_run_at: at, last_run_by: by })).execute();
    if (ctx) {
      await auditCatalogue(trx, ctx, { action: 'learning.completion.run', targetType: 'learning_class', targetId: classId,
        after: { rule: cls.completion_rule, completed: certificates.length, numbers: certificates.map((c) => c.number) } }, now);
    }
    return { completed: certificates.length, certificates };
  });
}
