import type { Transaction } from 'kysely';
import { newId } from '../../../core/ids.js';
import type { LearningClassesTable, LearningDatabase } from '../learning-schema.js';
import { generateSessions, parseWeekdays, shanghaiDateOf, type ScheduleInput, type SessionTimes } from './schedule.js';

type Trx = Transaction<LearningDatabase>;

/** The schedule a stored class was created with ('dates' classes keep their dates only as sessions). */
export async function storedSchedule(trx: Trx, row: LearningClassesTable): Promise<ScheduleInput> {
  if (row.schedule_kind === 'weekly') {
    return { kind: 'weekly', weekdays: parseWeekdays(row.weekdays), startsOn: row.starts_on, endsOn: row.ends_on, startTime: row.start_time, endTime: row.end_time };
  }
  const sessions = await trx.selectFrom('learning_class_sessions').select('starts_at').where('class_id', '=', row.id).orderBy('seq').execute();
  return { kind: 'dates', dates: sessions.map((s) => shanghaiDateOf(s.starts_at)), startTime: row.start_time, endTime: row.end_time };
}

export async function insertSessions(trx: Trx, classId: string, sessions: SessionTimes[]) {
  if (sessions.length === 0) return;
  await trx.insertInto('learning_class_sessions')
    .values(sessions.map((s) => ({ id: newId(), class_id: classId, seq: s.seq, starts_at: s.startsAt, ends_at: s.endsAt, status: 'scheduled' as const })))
    .execute();
}

/** Whether the schedule's sessions differ from the stored ones (the same times in the same order are no change). */
export async function sessionsDiffer(trx: Trx, classId: string, schedule: ScheduleInput): Promise<boolean> {
  const stored = await trx.selectFrom('learning_class_sessions').select(['starts_at', 'ends_at']).where('class_id', '=', classId).orderBy('seq').execute();
  const next = generateSessions(schedule);
  return stored.length !== next.length || next.some((s, i) => s.startsAt !== stored[i].starts_at || s.endsAt !== stored[i].ends_at);
}

/** Replaces the sessions, allowed only while none has started (attendance and the record hang on started ones). */
export async function hasStartedSession(trx: Trx, classId: string, nowIso: string): Promise<boolean> {
  const row = await trx.selectFrom('learning_class_sessions').select('id').where('class_id', '=', classId).where('starts_at', '<=', nowIso).limit(1).executeTakeFirst();
  return Boolean(row);
}

export async function replaceSessions(trx: Trx, classId: string, schedule: ScheduleInput) {
  await trx.deleteFrom('learning_class_sessions').where('class_id', '=', classId).execute();
  await insertSessions(trx, classId, generateSessions(schedule));
}
