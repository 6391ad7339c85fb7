import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { rolesWith } from '../../../core/access/permissions.js';
import { AppError } from '../../../core/http/errors.js';
import { formatZhDateTime } from '../../../core/time.js';
import type { AttendanceDatabase } from './attendance-schema.js';

export const ATTENDANCE_TAKE = 'learning.attendance.take';
/** Roll may be taken (by tap or QR) from this long before a session starts: people arrive early. */
export const CHECKIN_LEAD_MS = 15 * 60_000;
/** After this long past a session's end only staff (not the teacher) may still correct its marks. */
export const CORRECTION_WINDOW_MS = 7 * 86_400_000;

export async function findSession(db: Kysely<AttendanceDatabase>, sessionId: string) {
  return db.selectFrom('learning_class_sessions as s').innerJoin('learning_classes as c', 'c.id', 's.class_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['s.id', 's.class_id', 's.seq', 's.starts_at', 's.ends_at', 's.status', 'c.title as class_title', 'c.owner_path',
      'c.teacher_user_id', 'c.venue', 'c.status as class_status', 'i.name as institution_name'])
    .where('s.id', '=', sessionId).executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/**
 * Who may take a class's attendance: staff whose attendance grant covers the class's institution ('staff'), or the
 * class's own teacher ('teacher'); other teachers of the same institution may not (null).
 */
export function attendanceRole(actor: Actor | null, cls: { owner_path: string; teacher_user_id: string | null }): 'staff' | 'teacher' | null {
  if (!actor || !actor.permissions.has(ATTENDANCE_TAKE)) return null;
  const roles = rolesWith(ATTENDANCE_TAKE);
  if (actor.grants.some((g) => g.role !== 'teacher' && roles.has(g.role) && cls.owner_path.startsWith(g.scopePath))) return 'staff';
  return cls.teacher_user_id === actor.userId ? 'teacher' : null;
}

/** The session exists and the actor may take its roll; otherwise 404 (no hint that it exists). */
export async function sessionForMarking(db: Kysely<AttendanceDatabase>, actor: Actor | null, sessionId: string) {
  const session = await findSession(db, sessionId);
  const role = session ? attendanceRole(actor, session) : null;
  if (!session || !role) throw new AppError(404, 'learning.attendance.session_not_found');
  return { session, role };
}

/** Refuses marks for a cancelled session, one not started yet, or (for teachers) one ended more than a week ago. */
export function assertMarkable(session: Pick<SessionRow, 'status' | 'starts_at' | 'ends_at'>, role: 'staff' | 'teacher', now: Date) {
  if (session.status === 'cancelled') throw new AppError(409, 'learning.attendance.session_cancelled');
  const opens = Date.parse(session.starts_at) - CHECKIN_LEAD_MS;
  if (now.getTime() < opens) throw new AppError(409, 'learning.attendance.not_started', { at: formatZhDateTime(new Date(opens)) });
  if (role === 'teacher' && now.getTime() > Date.parse(session.ends_at) + CORRECTION_WINDOW_MS) {
    throw new AppError(403, 'learning.attendance.correction_staff_only');
  }
}
