import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalid, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { manageableInstitution } from '../catalogue/catalogue-checks.js';
import { toTenths } from '../catalogue/catalogue-format.js';
import type { LearningCoursesTable } from '../learning-schema.js';
import { auditOnline } from './online-audit.js';
import { lessonsOf, ONLINE_MANAGE, onlineCourseForManage, type OnlineCourseRow } from './online-repository.js';
import { onlineDb } from './online-schema.js';
import type { CreateOnlineCourseInput, UpdateOnlineCourseInput } from './online-schemas.js';

type Ctx = RequestContext & { actor: Actor };

function tenths(field: string, value: number, errors: FieldError[]): number {
  const v = toTenths(value);
  if (v === null) errors.push({ field, code: 'one_decimal', messageId: 'learning.field.one_decimal' });
  return v ?? 0;
}

function audited(row: Pick<OnlineCourseRow, 'title' | 'category' | 'description' | 'hours_tenths' | 'credits_tenths' | 'cover_text' | 'status' | 'version'>) {
  return { title: row.title, category: row.category, description: row.description, hoursTenths: row.hours_tenths,
    creditsTenths: row.credits_tenths, coverText: row.cover_text, status: row.status, version: row.version };
}

/**
 * An online course: either on an existing catalogue course in the actor's scope (`courseId`; 409 when it already
 * has one) or on a new catalogue course at an institution in scope. Starts unpublished; audited.
 */
export async function createOnlineCourse(core: CoreContext, ctx: Ctx, input: CreateOnlineCourseInput): Promise<string> {
  const now = core.clock.now();
  const at = now.toISOString();
  return onlineDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    let courseId: string;
    if (input.courseId) {
      const course = await trx.selectFrom('learning_courses').select(['id', 'owner_path', 'status']).where('id', '=', input.courseId).executeTakeFirst();
      if (!course || course.status === 'archived' || !isInScope(ctx.actor, ONLINE_MANAGE, course.owner_path)) {
        throw invalid([{ field: 'courseId', code: 'course_unknown', messageId: 'learning.online.course_unknown' }]);
      }
      const taken = await trx.selectFrom('learning_online_courses').select('course_id').where('course_id', '=', course.id).executeTakeFirst();
      if (taken) throw new AppError(409, 'learning.online.course_taken');
      courseId = course.id;
    } else {
      for (const field of ['institutionId', 'title', 'category', 'hours'] as const) {
        if (input[field] === undefined) errors.push({ field, code: 'required', messageId: 'learning.online.course_fields_required' });
      }
      const institution = input.institutionId ? await manageableInstitution(trx, ctx.actor, ONLINE_MANAGE, input.institutionId) : undefined;
      if (input.institutionId && !institution) errors.push({ field: 'institutionId', code: 'institution_unknown', messageId: 'learning.institution.unknown' });
      const hours = input.hours !== undefined ? tenths('hours', input.hours, errors) : 0;
      const credits = tenths('credits', input.credits ?? 0, errors);
      if (errors.length > 0 || !institution) throw invalid(errors);
      const course: LearningCoursesTable = {
        id: newId(), institution_id: institution.id, owner_path: institution.path, title: input.title!.trim(), category: input.category!,
        description: input.description?.trim() ?? '', audience: '', hours_tenths: hours, credits_tenths: credits, teacher_user_id: null,
        status: 'draft', version: 1, created_by: ctx.actor.userId, created_at: at, updated_at: at,
      };
      await trx.insertInto('learning_courses').values(course).execute();
      courseId = course.id;
    }
    await trx.insertInto('learning_online_courses').values({
      course_id: courseId, cover_text: input.coverText?.trim() ?? '', status: 'draft', version: 1, published_at: null,
      created_by: ctx.actor.userId, created_at: at, updated_at: at,
    }).execute();
    const row = await onlineCourseForManage(trx, ctx.actor, courseId);
    await auditOnline(trx, ctx, { action: 'learning.online.create', targetType: 'learning_course', targetId: courseId, after: audited(row) }, now);
    return courseId;
  });
}

/**
 * Edits the course's fields (those of the catalogue course too: it is the same course). The version check is in
 * the UPDATE's WHERE, so of two concurrent saves one gets 409.
 */
export async function updateOnlineCourse(core: CoreContext, ctx: Ctx, id: string, input: UpdateOnlineCourseInput): Promise<void> {
  const now = core.clock.now();
  await onlineDb(core).transaction().execute(async (trx) => {
    const before = await onlineCourseForManage(trx, ctx.actor, id);
    if (before.version !== input.version) throw new AppError(409, 'learning.online.version_conflict', { current: before.version });
    const errors: FieldError[] = [];
    const course = {
      title: input.title?.trim() ?? before.title, category: input.category ?? before.category,
      description: input.description?.trim() ?? before.description,
      hours_tenths: input.hours !== undefined ? tenths('hours', input.hours, errors) : before.hours_tenths,
      credits_tenths: input.credits !== undefined ? tenths('credits', input.credits, errors) : before.credits_tenths,
    };
    if (errors.length > 0) throw invalid(errors);
    const online = { cover_text: input.coverText?.trim() ?? before.cover_text, version: before.version + 1, updated_at: now.toISOString() };
    const result = await trx.updateTable('learning_online_courses').set(online).where('course_id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'learning.online.version_conflict', { current: before.version + 1 });
    // The catalogue's own version moves too, so a catalogue edit based on the old fields is refused there.
    await trx.updateTable('learning_courses').set((eb) => ({ ...course, version: eb('version', '+', 1), updated_at: online.updated_at }))
      .where('id', '=', id).execute();
    await auditOnline(trx, ctx, { action: 'learning.online.update', targetType: 'learning_course', targetId: id,
      before: audited(before), after: audited({ ...before, ...course, ...online }) }, now);
  });
}

/**
 * publish: needs at least one lesson, a file on every document or video lesson and a length on every video
 * (400 naming the lesson). The catalogue course is published with it if it was a draft. unpublish: back to draft
 * (residents' progress stays; lessons may be edited again).
 */
export async function setOnlineStatus(core: CoreContext, ctx: Ctx, id: string, version: number, to: 'published' | 'draft'): Promise<void> {
  const now = core.clock.now();
  const at = now.toISOString();
  await onlineDb(core).transaction().execute(async (trx) => {
    const before = await onlineCourseForManage(trx, ctx.actor, id);
    if (before.version !== version) throw new AppError(409, 'learning.online.version_conflict', { current: before.version });
    if (before.status === to) throw new AppError(409, to === 'published' ? 'learning.online.already_published' : 'learning.online.not_published');
    if (to === 'published') {
      const lessons = await lessonsOf(trx, id);
      if (lessons.length === 0) throw new AppError(400, 'learning.online.publish_no_lessons');
      const noFile = lessons.find((l) => l.kind !== 'text' && !l.file_id);
      if (noFile) throw new AppError(400, 'learning.online.publish_missing_file', { title: noFile.title });
      const noLength = lessons.find((l) => l.kind === 'video' && l.duration_seconds <= 0);
      if (noLength) throw new AppError(400, 'learning.online.publish_missing_duration', { title: noLength.title });
    }
    const changes = { status: to, version: before.version + 1, updated_at: at, ...(to === 'published' ? { published_at: at } : {}) };
    const result = await trx.updateTable('learning_online_courses').set(changes).where('course_id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'learning.online.version_conflict', { current: before.version + 1 });
    if (to === 'published') {
      await trx.updateTable('learning_courses').set((eb) => ({ status: 'published', version: eb('version', '+', 1), updated_at: at }))
        .where('id', '=', id).where('status', '=', 'draft').execute();
    }
    await auditOnline(trx, ctx, { action: `learning.online.${to === 'published' ? 'publish' : 'unpublish'}`, targetType: 'learning_course',
      targetId: id, before: audited(before), after: audited({ ...before, ...changes }) }, now);
  });
}
