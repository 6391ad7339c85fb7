import { sql, type Transaction } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { seededRng } from '../../content/seed/demo-random.js';
import { runCompletion } from '../certificates/completion.js';
import { attendanceDb, type AttendanceDatabase } from './attendance-schema.js';

/**
 * Demo attendance and certificates: three classes of the previous term (the demo teacher's first) get resident and
 * resident01–10 as students, a roll for every session (most present, a few absent or late, resident02 often away
 * so one student usually misses the 75 % rule), and then the normal completion run at the day after each class's end, which
 * completes the students, issues their certificates and messages. Runs once.
 */
export async function seedDemoAttendance(core: CoreContext): Promise<void> {
  const db = attendanceDb(core);
  if (await db.selectFrom('learning_attendance').select('id').limit(1).executeTakeFirst()) return;
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirst();
  const students = await db.selectFrom('users').select(['id', 'username']).where('kind', '=', 'resident')
    .where((eb) => eb.or([eb('username', '=', 'resident'), eb.and([eb('username', '>=', 'resident01'), eb('username', '<=', 'resident10')])]))
    .orderBy('username').execute();
  if (students.length === 0) return;
  const finished = await db.selectFrom('learning_classes as c').innerJoin('learning_terms as t', 't.id', 'c.term_id')
    .select(['c.id', 'c.term_id', 'c.teacher_user_id', 'c.seats', 'c.starts_on'])
    .where('c.status', '=', 'finished').where('c.completion_rule', '=', 'attendance').orderBy('c.starts_on').orderBy('c.id').execute();
  const ordered = [...finished.filter((c) => teacher && c.teacher_user_id === teacher.id), ...finished.filter((c) => !teacher || c.teacher_user_id !== teacher.id)];
  const chosen = ordered.slice(0, 3);
  if (chosen.length === 0) return;
  const rng = seededRng(20275);
  const now = core.clock.now();

  for (const cls of chosen) {
    const sessions = await db.selectFrom('learning_class_sessions').select(['id', 'starts_at', 'ends_at']).where('class_id', '=', cls.id)
      .where('status', '=', 'scheduled').orderBy('seq').execute();
    if (sessions.length === 0 || sessions[sessions.length - 1].ends_at > now.toISOString()) continue;
    const enrolledAt = new Date(Date.parse(sessions[0].starts_at) - 10 * 86_400_000).toISOString();
    await db.transaction().execute(async (trx) => {
      const taken = students.slice(0, Math.min(students.length, cls.seats));
      for (const s of taken) {
        await enrolWithRoll(trx, rng, now, cls, sessions, s, enrolledAt);
      }
    });
    // Completed the day after the last session, as the worker would have done then.
    const at = new Date(Math.min(Date.parse(sessions[sessions.length - 1].ends_at) + 86_400_000, now.getTime()));
    await runCompletion({ ...core, clock: { now: () => at } }, cls.id, null);
  }
  await seedCurrentRolls(core, rng, teacher?.id ?? null);
}

type Trx = Transaction<AttendanceDatabase>;
interface DemoClass { id: string; term_id: string; teacher_user_id: string | null }
interface DemoSession { id: string; starts_at: string; ends_at: string }

/**
 * One demo student in a class: the enrolment with its event, seat and quota, and a roll for every session that has
 * ended (most present, a few absent or late; resident02 often away). False when the student was already enrolled.
 */
async function enrolWithRoll(trx: Trx, rng: ReturnType<typeof seededRng>, now: Date, cls: DemoClass, sessions: DemoSession[],
  s: { id: string; username: string }, enrolledAt: string): Promise<boolean> {
  const id = rng.uuidAt(now);
  const added = await trx.insertInto('learning_enrolments').values({ id, class_id: cls.id, user_id: s.id, term_id: cls.term_id, status: 'enrolled',
    waitlist_seq: null, offered_at: null, offer_expires_at: null, enrolled_at: enrolledAt, cancelled_at: null, completed_at: null,
    source: 'online', acted_by: s.id, consent_method: null, consent_note: null, consent_at: null, version: 1, created_at: enrolledAt, updated_at: enrolledAt })
    .onConflict((oc) => oc.columns(['class_id', 'user_id']).doNothing()).executeTakeFirst();
  if (Number(added.numInsertedOrUpdatedRows ?? 0n) !== 1) return false;
  await trx.insertInto('learning_enrolment_events').values({ id: rng.uuidAt(now), enrolment_id: id, event: 'enrolled', actor_id: s.id, note: '', at: enrolledAt }).execute();
  await trx.updateTable('learning_classes').set({ seats_taken: sql<number>`seats_taken + 1` }).where('id', '=', cls.id).execute();
  await trx.insertInto('learning_term_quotas').values({ user_id: s.id, term_id: cls.term_id, used: 1 })
    .onConflict((oc) => oc.columns(['user_id', 'term_id']).doUpdateSet({ used: sql<number>`learning_term_quotas.used + 1` })).execute();
  const rows = sessions.filter((session) => session.ends_at <= now.toISOString()).map((session) => {
    const roll = rng.next();
    const away = s.username === 'resident02' ? roll < 0.5 : roll < 0.08;
    const status = away ? (rng.chance(0.3) ? 'excused' as const : 'absent' as const) : roll > 0.95 ? 'late' as const : 'present' as const;
    const qr = !away && rng.chance(0.4);
    return { id: rng.uuidAt(now), session_id: session.id, class_id: cls.id, enrolment_id: id, user_id: s.id, status,
      method: qr ? 'qr' as const : 'tap' as const, marked_by: qr ? s.id : cls.teacher_user_id, marked_at: qr ? session.starts_at : session.ends_at };
  });
  for (let i = 0; i < rows.length; i += 100) await trx.insertInto('learning_attendance').values(rows.slice(i, i + 100)).execute();
  return true;
}

/**
 * The demo teacher's open classes of the current term get students too (resident17–24, within each one's term
 * limit and the seats), with rolls for the sessions already held, so /teach has names to tap.
 */
async function seedCurrentRolls(core: CoreContext, rng: ReturnType<typeof seededRng>, teacherId: string | null) {
  if (!teacherId) return;
  const db = attendanceDb(core);
  const now = core.clock.now();
  const classes = await db.selectFrom('learning_classes as c').innerJoin('learning_terms as t', 't.id', 'c.term_id')
    .select(['c.id', 'c.term_id', 'c.teacher_user_id', 'c.seats', 'c.seats_taken', 't.enrol_limit'])
    .where('c.status', '=', 'open').where('c.teacher_user_id', '=', teacherId).where('c.mode', '=', 'first_come')
    .orderBy('c.starts_on').orderBy('c.id').limit(3).execute();
  const students = await db.selectFrom('users').select(['id', 'username']).where('kind', '=', 'resident')
    .where('username', '>=', 'resident17').where('username', '<=', 'resident24').orderBy('username').execute();
  for (const cls of classes) {
    const sessions = await db.selectFrom('learning_class_sessions').select(['id', 'starts_at', 'ends_at']).where('class_id', '=', cls.id)
      .where('status', '=', 'scheduled').orderBy('seq').execute();
    if (sessions.length === 0) continue;
    const enrolledAt = new Date(Math.min(Date.parse(sessions[0].starts_at) - 7 * 86_400_000, now.getTime())).toISOString();
    await db.transaction().execute(async (trx) => {
      let free = cls.seats - cls.seats_taken;
      for (const s of students) {
        if (free <= 0) break;
        const quota = await trx.selectFrom('learning_term_quotas').select('used').where('user_id', '=', s.id).where('term_id', '=', cls.term_id).executeTakeFirst();
        if ((quota?.used ?? 0) >= cls.enrol_limit) continue;
        if (await enrolWithRoll(trx, rng, now, cls, sessions, s, enrolledAt)) free -= 1;
      }
    });
  }
}
