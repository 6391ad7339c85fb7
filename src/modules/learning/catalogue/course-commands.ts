import type { Transaction } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalid, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { learningDb, type LearningCoursesTable, type LearningDatabase } from '../learning-schema.js';
import type { CreateCourseInput, UpdateCourseInput } from './catalogue-schemas.js';
import { auditCatalogue } from './catalogue-audit.js';
import { isTeacherOf, manageableInstitution } from './catalogue-checks.js';
import { toTenths } from './catalogue-format.js';

type Ctx = RequestContext & { actor: Actor };

function audited(row: Pick<LearningCoursesTable, 'institution_id' | 'title' | 'category' | 'description' | 'audience' | 'hours_tenths'
  | 'credits_tenths' | 'teacher_user_id' | 'status' | 'version'>) {
  return { institutionId: row.institution_id, title: row.title, category: row.category, description: row.description, audience: row.audience,
    hoursTenths: row.hours_tenths, creditsTenths: row.credits_tenths, teacherUserId: row.teacher_user_id, status: row.status, version: row.version };
}

function tenthsField(field: string, value: number, errors: FieldError[]): number {
  const tenths = toTenths(value);
  if (tenths === null) errors.push({ field, code: 'one_decimal', messageId: 'learning.field.one_decimal' });
  return tenths ?? 0;
}

async function checkTeacher(trx: Transaction<LearningDatabase>, teacherUserId: string | null, institutionId: string, errors: FieldError[]) {
  if (teacherUserId && !(await isTeacherOf(trx, teacherUserId, institutionId))) {
    errors.push({ field: 'teacherUserId', code: 'teacher_invalid', messageId: 'learning.course.teacher_invalid' });
  }
}

/** The course row when it exists and the actor may manage it; else 404 (out of scope looks like missing). */
export async function loadCourseForManage(trx: Transaction<LearningDatabase>, actor: Actor, id: string) {
  const row = await trx.selectFrom('learning_courses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !isInScope(actor, 'learning.course.manage', row.owner_path)) throw notFound('learning.course.not_found');
  return row;
}

/** A draft course of an institution in the actor's scope (institution staff: their own; town: the town's; city: any). */
export async function createCourse(core: CoreContext, ctx: Ctx, input: CreateCourseInput): Promise<string> {
  const now = core.clock.now().toISOString();
  return learningDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const institution = await manageableInstitution(trx, ctx.actor, 'learning.course.manage', input.institutionId);
    if (!institution) errors.push({ field: 'institutionId', code: 'institution_unknown', messageId: 'learning.institution.unknown' });
    const hours = tenthsField('hours', input.hours, errors);
    const credits = tenthsField('credits', input.credits ?? 0, errors);
    if (institution) await checkTeacher(trx, input.teacherUserId ?? null, institution.id, errors);
    if (errors.length > 0 || !institution) throw invalid(errors);
    const row: LearningCoursesTable = {
      id: newId(), institution_id: institution.id, owner_path: institution.path, title: input.title.trim(), category: input.category,
      description: input.description?.trim() ?? '', audience: input.audience?.trim() ?? '', hours_tenths: hours, credits_tenths: credits,
      teacher_user_id: input.teacherUserId ?? null, status: 'draft', version: 1, created_by: ctx.actor.userId, created_at: now, updated_at: now,
    };
    await trx.insertInto('learning_courses').values(row).execute();
    await auditCatalogue(trx, ctx, { action: 'learning.course.create', targetType: 'learning_course', targetId: row.id, after: audited(row) }, core.clock.now());
    return row.id;
  });
}

/** A partial edit; the version check is in the UPDATE's WHERE so two concurrent saves cannot both pass. */
export async function updateCourse(core: CoreContext, ctx: Ctx, id: string, input: UpdateCourseInput): Promise<void> {
  const now = core.clock.now();
  await learningDb(core).transaction().execute(async (trx) => {
    const before = await loadCourseForManage(trx, ctx.actor, id);
    if (before.version !== input.version) throw new AppError(409, 'learning.course.version_conflict', { current: before.version });
    const errors: FieldError[] = [];
    const changes = {
      title: input.title?.trim() ?? before.title, category: input.category ?? before.category,
      description: input.description?.trim() ?? before.description, audience: input.audience?.trim() ?? before.audience,
      hours_tenths: input.hours !== undefined ? tenthsField('hours', input.hours, errors) : before.hours_tenths,
      credits_tenths: input.credits !== undefined ? tenthsField('credits', input.credits, errors) : before.credits_tenths,
      teacher_user_id: input.teacherUserId !== undefined ? input.teacherUserId : before.teacher_user_id,
      version: before.version + 1, updated_at: now.toISOString(),
    };
    if (changes.teacher_user_id !== before.teacher_user_id) await checkTeacher(trx, changes.teacher_user_id, before.institution_id, errors);
    if (errors.length > 0) throw invalid(errors);
    const result = await trx.updateTable('learning_courses').set(changes).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'learning.course.version_conflict', { current: before.version + 1 });
    await auditCatalogue(trx, ctx, { action: 'learning.course.update', targetType: 'learning_course', targetId: id,
      before: audited(before), after: audited({ ...before, ...changes }) }, now);
  });
}

/** publish: draft → published (classes may open); archive: draft or published → archived (no new classes). */
export async function setCourseStatus(core: CoreContext, ctx: Ctx, id: string, version: number, to: 'published' | 'archived'): Promise<void> {
  const now = core.clock.now();
  await learningDb(core).transaction().execute(async (trx) => {
    const before = await loadCourseForManage(trx, ctx.actor, id);
    if (before.version !== version) throw new AppError(409, 'learning.course.version_conflict', { current: before.version });
    const allowed = to === 'published' ? before.status === 'draft' : before.status !== 'archived';
    if (!allowed) throw new AppError(409, 'learning.course.status_conflict');
    const changes = { status: to, version: before.version + 1, updated_at: now.toISOString() };
    const result = await trx.updateTable('learning_courses').set(changes).where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError(409, 'learning.course.version_conflict', { current: before.version + 1 });
    await auditCatalogue(trx, ctx, { action: `learning.course.${to === 'published' ? 'publish' : 'archive'}`, targetType: 'learning_course', targetId: id,
      before: audited(before), after: audited({ ...before, ...changes }) }, now);
  });
}
