import { sql } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { CHECKIN_LEAD_MS, findSession } from './attendance-access.js';
import { attendanceDb } from './attendance-schema.js';
import { checkinKey, checkinToken, readCheckinToken } from './checkin-token.js';
import { ON_ROSTER } from './mark-attendance.js';

const keys = new WeakMap<Buffer, Buffer>();
function keyOf(core: Pick<CoreContext, 'config'>): Buffer {
  let key = keys.get(core.config.dataKey);
  if (!key) keys.set(core.config.dataKey, key = checkinKey(core.config.dataKey));
  return key;
}

/** The token the teacher's screen shows now for a session. */
export function currentCheckinToken(core: Pick<CoreContext, 'config' | 'clock'>, sessionId: string): string {
  return checkinToken(keyOf(core), sessionId, core.clock.now());
}

export interface CheckinResult { classId: string; classTitle: string; seq: number; already: boolean }

/**
 * A resident scanned a session's QR code: marked present (method 'qr') when the token is genuine and at most a minute
 * old, the session is in progress (from 15 minutes before its start to its end) and they are on the class's roster.
 * Scanning again is harmless (already: true). Each refusal has its own reason; nothing is written then.
 */
export async function checkIn(core: CoreContext, userId: string, token: string): Promise<CheckinResult> {
  const now = core.clock.now();
  const check = readCheckinToken(keyOf(core), token, now);
  if (!check.ok) throw new AppError(check.reason === 'expired' ? 410 : 400, check.reason === 'expired' ? 'learning.checkin.expired' : 'learning.checkin.invalid');
  return attendanceDb(core).transaction().execute(async (trx) => {
    const session = await findSession(trx, check.sessionId);
    if (!session) throw new AppError(400, 'learning.checkin.invalid');
    const t = now.getTime();
    if (session.status === 'cancelled' || t < Date.parse(session.starts_at) - CHECKIN_LEAD_MS || t > Date.parse(session.ends_at)) {
      throw new AppError(409, 'learning.checkin.not_in_session');
    }
    const enrolment = await trx.selectFrom('learning_enrolments').select('id').where('class_id', '=', session.class_id)
      .where('user_id', '=', userId).where('status', 'in', ON_ROSTER).executeTakeFirst();
    if (!enrolment) throw new AppError(403, 'learning.checkin.not_enrolled', { class: session.class_title });
    const result = { classId: session.class_id, classTitle: session.class_title, seq: session.seq };
    const at = now.toISOString();
    // Present or late already: keep the teacher's mark. Otherwise (none, absent, excused) the scan says they are here.
    const written = await trx.insertInto('learning_attendance').values({
      id: newId(), session_id: session.id, class_id: session.class_id, enrolment_id: enrolment.id, user_id: userId,
      status: 'present', method: 'qr', marked_by: userId, marked_at: at,
    }).onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet({ status: 'present', method: 'qr', marked_by: userId, marked_at: at })
      .where(sql.ref('learning_attendance.status'), 'not in', ['present', 'late'])).executeTakeFirst();
    return { ...result, already: Number(written.numInsertedOrUpdatedRows ?? 0n) === 0 };
  });
}
