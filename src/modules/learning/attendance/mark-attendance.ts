import { sql } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { invalid } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { auditCatalogue } from '../catalogue/catalogue-audit.js';
import { assertMarkable, sessionForMarking } from './attendance-access.js';
import { attendanceDb, type AttendanceStatus } from './attendance-schema.js';

export interface MarkInput { userId: string; status: AttendanceStatus }

/** Enrolments that appear on a class's roster: those holding a place and those who already completed. */
export const ON_ROSTER = ['enrolled', 'completed'] as const;

/**
 * Records marks for one session in one transaction (a later mark replaces the earlier one). The class's teacher
 * marks by tap; staff in scope mark as 'staff' and may still correct sessions older than a week. Every call is in
 * the audit log with the marks before and after. A resident not on the roster → 400 and nothing is written.
 */
export async function markAttendance(core: CoreContext, ctx: RequestContext & { actor: Actor }, sessionId: string, marks: MarkInput[]) {
  const now = core.clock.now();
  const at = now.toISOString();
  return attendanceDb(core).transaction().execute(async (trx) => {
    const { session, role } = await sessionForMarking(trx, ctx.actor, sessionId);
    assertMarkable(session, role, now);
    const userIds = [...new Set(marks.map((m) => m.userId))];
    const enrolments = userIds.length === 0 ? [] : await trx.selectFrom('learning_enrolments').select(['id', 'user_id'])
      .where('class_id', '=', session.class_id).where('status', 'in', ON_ROSTER).where('user_id', 'in', userIds).execute();
    const enrolmentOf = new Map(enrolments.map((e) => [e.user_id, e.id]));
    const unknown = marks.map((m, i) => ({ m, i })).filter(({ m }) => !enrolmentOf.has(m.userId));
    if (unknown.length > 0) throw invalid(unknown.map(({ i }) => ({ field: `marks.${i}.userId`, code: 'not_on_roster', messageId: 'learning.attendance.not_on_roster' })));
    const last = new Map(marks.map((m) => [m.userId, m.status]));
    if (last.size === 0) return { session, changed: 0 };
    const before = await trx.selectFrom('learning_attendance').select(['user_id', 'status']).where('session_id', '=', sessionId)
      .where('user_id', 'in', [...last.keys()]).execute();
    const method = role === 'teacher' ? 'tap' as const : 'staff' as const;
    await trx.insertInto('learning_attendance').values([...last].map(([userId, status]) => ({
      id: newId(), session_id: sessionId, class_id: session.class_id, enrolment_id: enrolmentOf.get(userId)!, user_id: userId,
      status, method, marked_by: ctx.actor.userId, marked_at: at,
    }))).onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet({
      status: sql`excluded.status`, method: sql`excluded.method`, marked_by: sql`excluded.marked_by`, marked_at: sql`excluded.marked_at`,
    })).execute();
    await auditCatalogue(trx, ctx, {
      action: 'learning.attendance.mark', targetType: 'learning_session', targetId: sessionId,
      before: Object.fromEntries(before.map((b) => [b.user_id, b.status])), after: Object.fromEntries(last),
    }, now);
    return { session, changed: last.size };
  });
}
