import type { Transaction } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { CoreContext } from '../../../core/context.js';
import { dialectOf } from '../../../core/db/dialect.js';
import { AppError, invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { notify } from '../../../core/notifications/notify.js';
import { learningDb, type LearningClassesTable, type LearningDatabase } from '../learning-schema.js';
import type { CreateClassInput, UpdateClassInput } from './catalogue-schemas.js';
import { auditCatalogue } from './catalogue-audit.js';
import { manageableInstitution } from './catalogue-checks.js';
import { checkClass, normaliseInstant, type ClassDraft } from './class-rules.js';
import { hasStartedSession, insertSessions, replaceSessions, sessionsDiffer, storedSchedule } from './class-sessions.js';
import { cancelAllEnrolmentsOfClass } from './cancel-class-enrolments.js';
import { hasPendingApplications, withdrawAllApplicationsOfClass } from '../lottery/applications.js';
import { generateSessions, scheduleLabel, scheduleSummary, type ScheduleInput } from './schedule.js';

type Ctx = RequestContext & { actor: Actor };
type Trx = Transaction<LearningDatabase>;

function audited(row: LearningClassesTable) {
  const { created_at: _c, updated_at: _u, created_by: _b, ...rest } = row;
  return { ...rest };
}

/** The class row, locked on PostgreSQL, when it exists and the actor may manage it; else 404. */
async function loadClassForManage(trx: Trx, actor: Actor, id: string) {
  const row = await trx.selectFrom('learning_classes').selectAll().where('id', '=', id)
    .$if(dialectOf(trx) === 'postgres', (q) => q.forUpdate()).executeTakeFirst();
  if (!row || !isInScope(actor, 'learning.class.manage', row.owner_path)) throw notFound('learning.class.not_found');
  return row;
}

/** A schedule from the request, over the stored one (an edit may send only the fields that change). */
function scheduleFrom(input: Partial<CreateClassInput>, base: ScheduleInput | null, errors: FieldError[]): ScheduleInput {
  const kind = input.scheduleKind ?? base?.kind ?? 'weekly';
  const startTime = input.startTime ?? base?.startTime ?? '';
  const endTime = input.endTime ?? base?.endTime ?? '';
  if (kind === 'weekly') {
    const old = base?.kind === 'weekly' ? base : null;
    const startsOn = input.startsOn ?? old?.startsOn;
    const endsOn = input.endsOn ?? old?.endsOn;
    if (startsOn === undefined) errors.push({ field: 'startsOn', code: 'date_invalid', messageId: 'learning.field.date_invalid' });
    if (endsOn === undefined) errors.push({ field: 'endsOn', code: 'date_invalid', messageId: 'learning.field.date_invalid' });
    return { kind, weekdays: input.weekdays ?? old?.weekdays ?? [], startsOn: startsOn ?? '', endsOn: endsOn ?? '', startTime, endTime };
  }
  const old = base?.kind === 'dates' ? base : null;
  return { kind, dates: input.dates ?? old?.dates ?? [], startTime, endTime };
}

function columnsOf(d: ClassDraft) {
  const summary = scheduleSummary(d.schedule);
  return {
    title: d.title, teacher_user_id: d.teacher_user_id, schedule_kind: d.schedule.kind, weekdays: summary.weekdays,
    start_time: d.schedule.startTime, end_time: d.schedule.endTime, starts_on: summary.startsOn, ends_on: summary.endsOn,
    venue: d.venue, seats: d.seats, fee_fen: d.fee_fen, age_min: d.age_min, age_max: d.age_max, residency_region_id: d.residency_region_id,
    prerequisite_course_id: d.prerequisite_course_id, mode: d.mode,
    returning_opens_at: d.returning_opens_at === null ? null : normaliseInstant(d.returning_opens_at),
    enrol_opens_at: normaliseInstant(d.enrol_opens_at)!, enrol_closes_at: normaliseInstant(d.enrol_closes_at)!,
    offer_hours: d.offer_hours, completion_rule: d.completion_rule, completion_threshold: d.completion_threshold,
  };
}

/** A draft class of a course in the actor's scope, for a term, with its sessions generated from the schedule. */
export async function createClass(core: CoreContext, ctx: Ctx, input: CreateClassInput): Promise<string> {
  const now = core.clock.now();
  const at = now.toISOString();
  return learningDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const course = await trx.selectFrom('learning_courses').selectAll().where('id', '=', input.courseId).executeTakeFirst();
    const institution = course && isInScope(ctx.actor, 'learning.class.manage', course.owner_path)
      ? await manageableInstitution(trx, ctx.actor, 'learning.class.manage', course.institution_id) : undefined;
    if (!course || !institution) errors.push({ field: 'courseId', code: 'course_unknown', messageId: 'learning.class.course_unknown' });
    else if (course.status === 'archived') errors.push({ field: 'courseId', code: 'archived', messageId: 'learning.course.archived' });
    if (!(await trx.selectFrom('learning_terms').select('id').where('id', '=', input.termId).executeTakeFirst())) {
      errors.push({ field: 'termId', code: 'term_unknown', messageId: 'learning.class.term_unknown' });
    }
    const draft: ClassDraft = {
      title: input.title?.trim() || course?.title || '', teacher_user_id: input.teacherUserId !== undefined ? input.teacherUserId : course?.teacher_user_id ?? null,
      schedule: scheduleFrom(input, null, errors), venue: input.venue?.trim() ?? '', seats: input.seats, fee_fen: input.feeFen ?? 0,
      age_min: input.ageMin ?? null, age_max: input.ageMax ?? null, residency_region_id: input.residencyRegionId ?? null,
      prerequisite_course_id: input.prerequisiteCourseId ?? null, mode: input.mode ?? 'first_come', returning_opens_at: input.returningOpensAt ?? null,
      enrol_opens_at: input.enrolOpensAt, enrol_closes_at: input.enrolClosesAt, offer_hours: input.offerHours ?? 48,
      completion_rule: input.completionRule ?? 'attendance', completion_threshold: input.completionThreshold ?? 75,
    };
    if (errors.length === 0) {
      errors.push(...await checkClass(trx, draft, { institutionId: institution!.id, courseId: course!.id, seatsTaken: 0, teacherChanged: true }));
    }
    if (errors.length > 0 || !course || !institution) throw invalid(errors);
    const row: LearningClassesTable = {
      id: newId(), course_id: course.id, institution_id: institution.id, owner_path: institution.path, town_id: institution.townId,
      term_id: input.termId, ...columnsOf(draft), seats_taken: 0, waitlist_next: 1, status: 'draft', cancel_reason: null, version: 1,
      created_by: ctx.actor.userId, created_at: at, updated_at: at,
    };
    await trx.insertInto('learning_classes').values(row).execute();
    await insertSessions(trx, row.id, generateSessions(draft.schedule));
    await auditCatalogue(trx, ctx, { action: 'learning.class.create', targetType: 'learning_class', targetId: row.id, after: audited(row) }, now);
    return row.id;
  });
}

/**
 * A partial edit with optimistic concurrency. Schedule changes regenerate the sessions while none has started, and
 * are refused (409) after; the seat count never drops below the seats taken, also when an enrolment races the edit.
 * Enrolled residents of an open class hear about new times or a new venue.
 */
export async function updateClass(core: CoreContext, ctx: Ctx, id: string, input: UpdateClassInput): Promise<void> {
  const now = core.clock.now();
  const at = now.toISOString();
  await learningDb(core).transaction().execute(async (trx) => {
    const before = await loadClassForManage(trx, ctx.actor, id);
    if (before.version !== input.version) throw new AppError(409, 'learning.class.version_conflict', { current: before.version });
    if (before.status === 'cancelled' || before.status === 'finished') throw new AppError(409, 'learning.class.status_conflict', { status: before.status });
    const errors: FieldError[] = [];
    const base = await storedSchedule(trx, before);
    const pick = <K extends keyof UpdateClassInput, V>(key: K, stored: V) => (input[key] !== undefined ? input[key] as unknown as V : stored);
    const draft: ClassDraft = {
      title: input.title?.trim() || before.title, teacher_user_id: pick('teacherUserId', before.teacher_user_id),
      schedule: scheduleFrom(input, base, errors), venue: input.venue?.trim() ?? before.venue, seats: pick('seats', before.seats),
      fee_fen: pick('feeFen', before.fee_fen), age_min: pick('ageMin', before.age_min), age_max: pick('ageMax', before.age_max),
      residency_region_id: pick('residencyRegionId', before.residency_region_id), prerequisite_course_id: pick('prerequisiteCourseId', before.prerequisite_course_id),
      mode: pick('mode', before.mode), returning_opens_at: pick('returningOpensAt', before.returning_opens_at),
      enrol_opens_at: pick('enrolOpensAt', before.enrol_opens_at), enrol_closes_at: pick('enrolClosesAt', before.enrol_closes_at),
      offer_hours: pick('offerHours', before.offer_hours), completion_rule: pick('completionRule', before.completion_rule),
      completion_threshold: pick('completionThreshold', before.completion_threshold),
    };
    if (errors.length === 0) {
      errors.push(...await checkClass(trx, draft, { institutionId: before.institution_id, courseId: before.course_id,
        seatsTaken: before.seats_taken, teacherChanged: draft.teacher_user_id !== before.teacher_user_id }));
    }
    if (errors.length > 0) throw invalid(errors);

    // Pending lottery applications hold seats' worth of quota: the class stays a lottery until they are drawn or withdrawn.
    if (before.mode === 'lottery' && draft.mode !== 'lottery' && await hasPendingApplications(trx as never, id)) {
      throw new AppError(409, 'learning.class.mode_locked');
    }
    const scheduleChanged = await sessionsDiffer(trx, id, draft.schedule);
    if (scheduleChanged && await hasStartedSession(trx, id, at)) throw new AppError(409, 'learning.class.schedule_locked');
    const changes = { ...columnsOf(draft), version: before.version + 1, updated_at: at };
    const result = await trx.updateTable('learning_classes').set(changes)
      .where('id', '=', id).where('version', '=', input.version).where('seats_taken', '<=', draft.seats).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      const now2 = await trx.selectFrom('learning_classes').select(['version', 'seats_taken']).where('id', '=', id).executeTakeFirstOrThrow();
      if (now2.version !== input.version) throw new AppError(409, 'learning.class.version_conflict', { current: now2.version });
      throw invalid([{ field: 'seats', code: 'seats_below_taken', messageId: 'learning.class.seats_below_taken', params: { taken: now2.seats_taken } }]);
    }
    if (scheduleChanged) await replaceSessions(trx, id, draft.schedule);
    const after = { ...before, ...changes };
    await auditCatalogue(trx, ctx, { action: 'learning.class.update', targetType: 'learning_class', targetId: id, before: audited(before), after: audited(after) }, now);

    if (before.status === 'open' && (scheduleChanged || changes.venue !== before.venue)) {
      const enrolled = await trx.selectFrom('learning_enrolments').select('user_id').where('class_id', '=', id).where('status', 'in', ['enrolled', 'offered']).execute();
      await notify(trx, now, enrolled.map((e) => ({
        userId: e.user_id, topic: 'learning.class.changed', link: `/classes/${id}`,
        params: { title: after.title, schedule: `${after.starts_on}～${after.ends_on} ${scheduleLabel('zh-CN', after.weekdays, after.start_time, after.end_time)}`, venue: after.venue || '—' },
      })));
    }
  });
}

/** draft → open: residents can find the class and enrol within its window. The course must be published. */
export async function openClass(core: CoreContext, ctx: Ctx, id: string, version: number): Promise<void> {
  const now = core.clock.now();
  await learningDb(core).transaction().execute(async (trx) => {
    const before = await loadClassForManage(trx, ctx.actor, id);
    if (before.version !== version) throw new AppError(409, 'learning.class.version_conflict', { current: before.version });
    if (before.status !== 'draft') throw new AppError(409, 'learning.class.status_conflict', { status: before.status });
    const course = await trx.selectFrom('learning_courses').select('status').where('id', '=', before.course_id).executeTakeFirstOrThrow();
    if (course.status !== 'published') throw new AppError(409, 'learning.class.course_not_published');
    const changes = { status: 'open' as const, version: before.version + 1, updated_at: now.toISOString() };
    await trx.updateTable('learning_classes').set(changes).where('id', '=', id).where('version', '=', version).execute();
    await auditCatalogue(trx, ctx, { action: 'learning.class.open', targetType: 'learning_class', targetId: id,
      before: audited(before), after: audited({ ...before, ...changes }) }, now);
  });
}

/**
 * Cancels a draft or open class with a reason: in the same transaction every enrolled, offered and waitlisted
 * resident's enrolment ends, their term quotas come back, and each of them is notified.
 */
export async function cancelClass(core: CoreContext, ctx: Ctx, id: string, version: number, reason: string): Promise<void> {
  const now = core.clock.now();
  await learningDb(core).transaction().execute(async (trx) => {
    const before = await loadClassForManage(trx, ctx.actor, id);
    if (before.version !== version) throw new AppError(409, 'learning.class.version_conflict', { current: before.version });
    if (before.status !== 'draft' && before.status !== 'open') throw new AppError(409, 'learning.class.status_conflict', { status: before.status });
    const changes = { status: 'cancelled' as const, cancel_reason: reason.trim(), version: before.version + 1, updated_at: now.toISOString() };
    await trx.updateTable('learning_classes').set(changes).where('id', '=', id).where('version', '=', version).execute();
    const affected = await cancelAllEnrolmentsOfClass(trx, id, ctx.actor.userId, now, changes.cancel_reason);
    // A lottery class cancelled before its draw: pending applications are withdrawn and their quota given back.
    const applicants = await withdrawAllApplicationsOfClass(trx as never, id, now);
    const told = new Set(affected.map((a) => a.userId));
    await notify(trx, now, [...affected.map((a) => a.userId), ...applicants.filter((u) => !told.has(u))].map((userId) => ({
      userId, topic: 'learning.class.cancelled', link: `/classes/${id}`, params: { title: before.title, reason: changes.cancel_reason },
    })));
    await auditCatalogue(trx, ctx, { action: 'learning.class.cancel', targetType: 'learning_class', targetId: id,
      before: audited(before), after: { ...audited({ ...before, ...changes, seats_taken: 0 }), enrolmentsCancelled: affected.length } }, now);
  });
}
