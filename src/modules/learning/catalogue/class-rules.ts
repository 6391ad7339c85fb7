import type { Kysely, Transaction } from 'kysely';
import type { FieldError } from '../../../core/http/errors.js';
import type { MessageId } from '../../../core/i18n/i18n.js';
import type { LearningClassesTable, LearningDatabase } from '../learning-schema.js';
import { isTeacherOf } from './catalogue-checks.js';
import { checkSchedule, endOfShanghaiDay, MAX_SESSIONS, type ScheduleInput } from './schedule.js';

type Db = Kysely<LearningDatabase> | Transaction<LearningDatabase>;

/** The editable fields of a class once defaults and the stored values are filled in. */
export interface ClassDraft {
  title: string;
  teacher_user_id: string | null;
  schedule: ScheduleInput;
  venue: string;
  seats: number;
  fee_fen: number;
  age_min: number | null;
  age_max: number | null;
  residency_region_id: string | null;
  prerequisite_course_id: string | null;
  mode: LearningClassesTable['mode'];
  returning_opens_at: string | null;
  enrol_opens_at: string;
  enrol_closes_at: string;
  offer_hours: number;
  completion_rule: LearningClassesTable['completion_rule'];
  completion_threshold: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant written with its offset (2026-09-01T08:00:00+08:00), stored as UTC ISO; null when malformed. */
export function normaliseInstant(value: string): string | null {
  if (!INSTANT.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const SCHEDULE_MESSAGES: Record<string, MessageId> = {
  date_invalid: 'learning.field.date_invalid', time_invalid: 'learning.field.time_invalid', end_before_start: 'learning.field.end_before_start',
  weekdays_required: 'learning.class.weekdays_required', dates_required: 'learning.class.dates_required',
  no_sessions: 'learning.class.no_sessions', too_many_sessions: 'learning.class.too_many_sessions',
};

/**
 * Every rule a class must satisfy, as field errors (empty: fine). `institutionId` is the class's institution (its
 * teacher must teach there); `seatsTaken` the seats already held, which an edit may not cut below.
 */
export async function checkClass(db: Db, d: ClassDraft, ctx: { institutionId: string; courseId: string; seatsTaken: number; teacherChanged: boolean }): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const add = (field: string, code: string, messageId: MessageId, params?: Record<string, string | number>) => errors.push({ field, code, messageId, params });

  for (const p of checkSchedule(d.schedule)) add(p.field, p.code, SCHEDULE_MESSAGES[p.code], p.code === 'too_many_sessions' ? { max: MAX_SESSIONS } : undefined);
  if (d.seats < ctx.seatsTaken) add('seats', 'seats_below_taken', 'learning.class.seats_below_taken', { taken: ctx.seatsTaken });
  if (d.age_min !== null && d.age_max !== null && d.age_min > d.age_max) add('ageMax', 'age_order', 'learning.class.age_order');

  const opens = normaliseInstant(d.enrol_opens_at);
  const closes = normaliseInstant(d.enrol_closes_at);
  const returning = d.returning_opens_at === null ? null : normaliseInstant(d.returning_opens_at);
  if (!opens) add('enrolOpensAt', 'time_invalid', 'learning.field.time_invalid');
  if (!closes) add('enrolClosesAt', 'time_invalid', 'learning.field.time_invalid');
  if (d.returning_opens_at !== null && !returning) add('returningOpensAt', 'time_invalid', 'learning.field.time_invalid');
  if (opens && closes && !(opens < closes)) add('enrolClosesAt', 'windows_order', 'learning.class.windows_order');
  if (opens && returning && !(returning < opens)) add('returningOpensAt', 'windows_order', 'learning.class.windows_order');
  const lastDay = d.schedule.kind === 'weekly' ? d.schedule.endsOn : [...d.schedule.dates].sort().at(-1);
  if (closes && lastDay && errors.every((e) => !['endsOn', 'dates'].includes(e.field)) && closes > endOfShanghaiDay(lastDay)) {
    add('enrolClosesAt', 'closes_after_end', 'learning.class.closes_after_end');
  }

  if (d.residency_region_id) {
    const region = await db.selectFrom('regions').select('level').where('id', '=', d.residency_region_id).executeTakeFirst();
    if (!region || (region.level !== 'town' && region.level !== 'village')) add('residencyRegionId', 'residency_level', 'learning.class.residency_level');
  }
  if (d.prerequisite_course_id) {
    const course = await db.selectFrom('learning_courses').select('id').where('id', '=', d.prerequisite_course_id).executeTakeFirst();
    if (!course || course.id === ctx.courseId) add('prerequisiteCourseId', 'prerequisite_unknown', 'learning.class.prerequisite_unknown');
  }
  if (ctx.teacherChanged && d.teacher_user_id && !(await isTeacherOf(db, d.teacher_user_id, ctx.institutionId))) {
    add('teacherUserId', 'teacher_invalid', 'learning.course.teacher_invalid');
  }
  return errors;
}
