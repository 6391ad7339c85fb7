import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { ATTENDED, type AttendanceDatabase, type AttendanceMethod, type AttendanceStatus } from './attendance-schema.js';
import { ON_ROSTER } from './mark-attendance.js';

export interface RosterEntry { userId: string; name: string; enrolmentId: string; status: AttendanceStatus | null; method: AttendanceMethod | null; markedAt: string | null }

/** The class's residents (by name) with their mark for the session, if any. */
export async function sessionRoster(db: Kysely<AttendanceDatabase>, session: { id: string; class_id: string }): Promise<RosterEntry[]> {
  const rows = await db.selectFrom('learning_enrolments as e').innerJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('learning_attendance as a', (j) => j.onRef('a.user_id', '=', 'e.user_id').on('a.session_id', '=', session.id))
    .select(['e.id as enrolment_id', 'e.user_id', 'u.display_name', 'u.real_name', 'a.status', 'a.method', 'a.marked_at'])
    .where('e.class_id', '=', session.class_id).where('e.status', 'in', ON_ROSTER)
    .orderBy('u.display_name').orderBy('e.user_id').execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.real_name || r.display_name, enrolmentId: r.enrolment_id,
    status: r.status ?? null, method: r.method ?? null, markedAt: r.marked_at ?? null }));
}

export interface TeachSession { id: string; classId: string; classTitle: string; seq: number; startsAt: string; endsAt: string; venue: string; status: string; marked: number; enrolled: number }

/** Sessions in [from, to) of the classes the actor teaches, with how many residents are on the roster and marked. */
export async function teacherSessions(db: Kysely<AttendanceDatabase>, actor: Actor, from: string, to: string): Promise<TeachSession[]> {
  const rows = await db.selectFrom('learning_class_sessions as s').innerJoin('learning_classes as c', 'c.id', 's.class_id')
    .select((eb) => ['s.id', 's.class_id', 's.seq', 's.starts_at', 's.ends_at', 's.status', 'c.title', 'c.venue',
      eb.selectFrom('learning_attendance as a').select((x) => x.fn.countAll<number>().as('n')).whereRef('a.session_id', '=', 's.id').as('marked'),
      eb.selectFrom('learning_enrolments as e').select((x) => x.fn.countAll<number>().as('n')).whereRef('e.class_id', '=', 'c.id')
        .where('e.status', 'in', ON_ROSTER).as('enrolled')])
    .where('c.teacher_user_id', '=', actor.userId).where('c.status', 'in', ['open', 'finished'])
    .where('s.starts_at', '>=', from).where('s.starts_at', '<', to).orderBy('s.starts_at').limit(200).execute();
  return rows.map((r) => ({ id: r.id, classId: r.class_id, classTitle: r.title, seq: r.seq, startsAt: r.starts_at, endsAt: r.ends_at,
    venue: r.venue, status: r.status, marked: Number(r.marked ?? 0), enrolled: Number(r.enrolled ?? 0) }));
}

export interface SheetResident { userId: string; name: string; enrolmentId: string; enrolmentStatus: string; attended: number; rate: number | null; passed: boolean | null }
export interface ClassSheet {
  sessions: { id: string; seq: number; startsAt: string; endsAt: string; status: string; held: boolean }[];
  residents: SheetResident[];
  marks: { sessionId: string; userId: string; status: AttendanceStatus; method: AttendanceMethod }[];
  held: number;
}

/**
 * The class's attendance sheet: every session, every resident on the roster and their marks, with attendance counted
 * over the sessions held so far (not cancelled, ended by `now`); present and late count as attended.
 */
export async function classSheet(db: Kysely<AttendanceDatabase>, classId: string, now: Date): Promise<ClassSheet> {
  const at = now.toISOString();
  const [sessions, residents, marks, assessments] = await Promise.all([
    db.selectFrom('learning_class_sessions').select(['id', 'seq', 'starts_at', 'ends_at', 'status']).where('class_id', '=', classId).orderBy('seq').execute(),
    db.selectFrom('learning_enrolments as e').innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', 'e.user_id', 'e.status', 'u.display_name', 'u.real_name']).where('e.class_id', '=', classId).where('e.status', 'in', ON_ROSTER)
      .orderBy('u.display_name').orderBy('e.user_id').execute(),
    db.selectFrom('learning_attendance').select(['session_id', 'user_id', 'status', 'method']).where('class_id', '=', classId).execute(),
    db.selectFrom('learning_assessments').select(['enrolment_id', 'passed']).where('class_id', '=', classId).execute(),
  ]);
  const heldIds = new Set(sessions.filter((s) => s.status === 'scheduled' && s.ends_at <= at).map((s) => s.id));
  const attended = new Map<string, number>();
  for (const m of marks) if (heldIds.has(m.session_id) && ATTENDED.includes(m.status)) attended.set(m.user_id, (attended.get(m.user_id) ?? 0) + 1);
  const passed = new Map(assessments.map((a) => [a.enrolment_id, a.passed === 1]));
  return {
    sessions: sessions.map((s) => ({ id: s.id, seq: s.seq, startsAt: s.starts_at, endsAt: s.ends_at, status: s.status, held: heldIds.has(s.id) })),
    residents: residents.map((r) => {
      const n = attended.get(r.user_id) ?? 0;
      return { userId: r.user_id, name: r.real_name || r.display_name, enrolmentId: r.id, enrolmentStatus: r.status, attended: n,
        rate: heldIds.size === 0 ? null : Math.round((n * 1000) / heldIds.size) / 10, passed: passed.get(r.id) ?? null };
    }),
    marks: marks.map((m) => ({ sessionId: m.session_id, userId: m.user_id, status: m.status, method: m.method })),
    held: heldIds.size,
  };
}

export interface MyClassAttendance {
  classId: string; classTitle: string; institutionName: string; enrolmentStatus: string; attended: number; held: number;
  sessions: { seq: number; startsAt: string; endsAt: string; cancelled: boolean; status: AttendanceStatus | null }[];
}

/** A resident's own attendance, per class they are or were on the roster of (newest class first). */
export async function myAttendance(db: Kysely<AttendanceDatabase>, userId: string, now: Date): Promise<MyClassAttendance[]> {
  const at = now.toISOString();
  const classes = await db.selectFrom('learning_enrolments as e').innerJoin('learning_classes as c', 'c.id', 'e.class_id')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id', 'c.title', 'c.starts_on', 'i.name as institution_name', 'e.status'])
    .where('e.user_id', '=', userId).where('e.status', 'in', ON_ROSTER).orderBy('c.starts_on', 'desc').orderBy('c.id').limit(100).execute();
  if (classes.length === 0) return [];
  const ids = classes.map((c) => c.id);
  const [sessions, marks] = await Promise.all([
    db.selectFrom('learning_class_sessions').select(['id', 'class_id', 'seq', 'starts_at', 'ends_at', 'status']).where('class_id', 'in', ids).orderBy('seq').execute(),
    db.selectFrom('learning_attendance').select(['session_id', 'status']).where('user_id', '=', userId).where('class_id', 'in', ids).execute(),
  ]);
  const markOf = new Map(marks.map((m) => [m.session_id, m.status]));
  return classes.map((c) => {
    const own = sessions.filter((s) => s.class_id === c.id);
    const held = own.filter((s) => s.status === 'scheduled' && s.ends_at <= at);
    return {
      classId: c.id, classTitle: c.title, institutionName: c.institution_name, enrolmentStatus: c.status,
      held: held.length, attended: held.filter((s) => ATTENDED.includes(markOf.get(s.id) as AttendanceStatus)).length,
      sessions: own.map((s) => ({ seq: s.seq, startsAt: s.starts_at, endsAt: s.ends_at, cancelled: s.status === 'cancelled', status: markOf.get(s.id) ?? null })),
    };
  });
}
