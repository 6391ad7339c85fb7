import type { Kysely } from 'kysely';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalid, invalidField, notFound, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import type { ContentDatabase, ContentFilesTable } from '../../content/content-schema.js';
import { htmlToText, sanitizeBody } from '../../content/items/sanitize-html.js';
import { deleteFileRowIfUnused, discardFileBytes, MAX_FILE_BYTES, withStoredFiles } from '../../content/files/file-store.js';
import { extensionOf } from '../../content/files/file-types.js';
import { auditOnline } from './online-audit.js';
import { findLesson, lessonsOf, ONLINE_MANAGE, onlineCourseForManage, type OnlineDb } from './online-repository.js';
import { onlineDb, type LearningOnlineLessonsTable, type LessonKind } from './online-schema.js';
import type { CreateLessonInput, UpdateLessonInput } from './online-schemas.js';
import type { StagedUpload, UploadRules } from './staged-upload.js';
import { isInScope } from '../../../core/access/scope.js';

type Ctx = RequestContext & { actor: Actor };

/** Lesson videos may be this big; they are streamed to disk, never held in memory (staged-upload.ts). */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;
const DOCUMENT_EXTENSIONS = new Set(['pdf', 'docx']);
const VIDEO_EXTENSIONS = new Set(['mp4', 'webm']);

const asContent = (trx: OnlineDb) => trx as unknown as Kysely<ContentDatabase>;

/** Lessons change only while their course is unpublished: a learner never meets a course changing under them. */
async function draftCourseForManage(trx: OnlineDb, actor: Actor, courseId: string) {
  const course = await onlineCourseForManage(trx, actor, courseId);
  if (course.status !== 'draft') throw new AppError(409, 'learning.online.locked');
  return course;
}

async function lessonForManage(trx: OnlineDb, actor: Actor, lessonId: string) {
  const lesson = await findLesson(trx, lessonId);
  if (!lesson || !isInScope(actor, ONLINE_MANAGE, lesson.owner_path)) throw notFound('learning.online.lesson_not_found');
  if (lesson.course_status !== 'draft') throw new AppError(409, 'learning.online.locked');
  return lesson;
}

/** The stored body of a lesson of this kind: sanitised HTML with some text for text lessons, empty otherwise. */
function checkedBody(kind: LessonKind, body: string | undefined, errors: FieldError[]): string {
  if (kind !== 'text') {
    if (body !== undefined && body.trim() !== '') errors.push({ field: 'body', code: 'body_for_text_only', messageId: 'learning.online.body_for_text_only' });
    return '';
  }
  const clean = sanitizeBody(body ?? '');
  if (htmlToText(clean).trim() === '') errors.push({ field: 'body', code: 'required', messageId: 'learning.online.body_required' });
  return clean;
}

function checkedDuration(kind: LessonKind, seconds: number | undefined, errors: FieldError[]): number {
  if (kind === 'video' && !(seconds && seconds > 0)) errors.push({ field: 'durationSeconds', code: 'required', messageId: 'learning.online.duration_required' });
  return seconds ?? 0;
}

function audited(row: Pick<LearningOnlineLessonsTable, 'title' | 'kind' | 'seq' | 'file_id' | 'duration_seconds' | 'required' | 'body'>) {
  return { title: row.title, kind: row.kind, seq: row.seq, fileId: row.file_id, durationSeconds: row.duration_seconds,
    required: row.required === 1, bodyChars: row.body.length };
}

/** Adds a lesson after the last one. Text lessons need a body; videos their length; files are uploaded next. */
export async function createLesson(core: CoreContext, ctx: Ctx, courseId: string, input: CreateLessonInput): Promise<string> {
  const now = core.clock.now();
  return onlineDb(core).transaction().execute(async (trx) => {
    await draftCourseForManage(trx, ctx.actor, courseId);
    const errors: FieldError[] = [];
    const body = checkedBody(input.kind, input.body, errors);
    const duration = checkedDuration(input.kind, input.durationSeconds, errors);
    if (errors.length > 0) throw invalid(errors);
    const last = await trx.selectFrom('learning_online_lessons').select((eb) => eb.fn.max('seq').as('seq')).where('course_id', '=', courseId).executeTakeFirst();
    const row: LearningOnlineLessonsTable = {
      id: newId(), course_id: courseId, seq: Number(last?.seq ?? 0) + 1, title: input.title.trim(), kind: input.kind, body,
      file_id: null, duration_seconds: duration, required: input.required === false ? 0 : 1,
      created_at: now.toISOString(), updated_at: now.toISOString(),
    };
    await trx.insertInto('learning_online_lessons').values(row).execute();
    await auditOnline(trx, ctx, { action: 'learning.online.lesson.create', targetType: 'learning_course', targetId: courseId,
      after: { lessonId: row.id, ...audited(row) } }, now);
    return row.id;
  });
}

export async function updateLesson(core: CoreContext, ctx: Ctx, lessonId: string, input: UpdateLessonInput): Promise<string> {
  const now = core.clock.now();
  return onlineDb(core).transaction().execute(async (trx) => {
    const before = await lessonForManage(trx, ctx.actor, lessonId);
    const errors: FieldError[] = [];
    const body = input.body !== undefined ? checkedBody(before.kind, input.body, errors) : before.body;
    const duration = input.durationSeconds !== undefined ? checkedDuration(before.kind, input.durationSeconds, errors) : before.duration_seconds;
    if (errors.length > 0) throw invalid(errors);
    const changes = {
      title: input.title?.trim() ?? before.title, body, duration_seconds: duration,
      required: input.required === undefined ? before.required : input.required ? 1 : 0, updated_at: now.toISOString(),
    };
    await trx.updateTable('learning_online_lessons').set(changes).where('id', '=', lessonId).execute();
    await auditOnline(trx, ctx, { action: 'learning.online.lesson.update', targetType: 'learning_course', targetId: before.course_id,
      before: { lessonId, ...audited(before) }, after: { lessonId, ...audited({ ...before, ...changes }) } }, now);
    return before.course_id;
  });
}

/** Removes a lesson, its learners' progress on it and its file (the bytes after the commit). */
export async function deleteLesson(core: CoreContext, ctx: Ctx, lessonId: string): Promise<string> {
  const now = core.clock.now();
  const { courseId, file } = await onlineDb(core).transaction().execute(async (trx) => {
    const before = await lessonForManage(trx, ctx.actor, lessonId);
    await trx.deleteFrom('learning_online_progress').where('lesson_id', '=', lessonId).execute();
    await trx.deleteFrom('learning_online_lessons').where('id', '=', lessonId).execute();
    const removed = before.file_id ? await deleteFileRowIfUnused(asContent(trx), before.file_id) : undefined;
    await auditOnline(trx, ctx, { action: 'learning.online.lesson.delete', targetType: 'learning_course', targetId: before.course_id,
      before: { lessonId, ...audited(before) } }, now);
    return { courseId: before.course_id, file: removed };
  });
  if (file) await discardFileBytes(core, [file]);
  return courseId;
}

/** A new order: the ids of every lesson of the course, each once (400 otherwise). */
export async function reorderLessons(core: CoreContext, ctx: Ctx, courseId: string, lessonIds: string[]): Promise<void> {
  const now = core.clock.now();
  await onlineDb(core).transaction().execute(async (trx) => {
    await draftCourseForManage(trx, ctx.actor, courseId);
    const current = await lessonsOf(trx, courseId);
    const known = new Set(current.map((l) => l.id));
    if (new Set(lessonIds).size !== lessonIds.length || lessonIds.length !== known.size || lessonIds.some((id) => !known.has(id))) {
      throw invalidField('lessonIds', 'learning.online.order_mismatch', 'order_mismatch');
    }
    for (const [index, id] of lessonIds.entries()) {
      await trx.updateTable('learning_online_lessons').set({ seq: index + 1, updated_at: now.toISOString() }).where('id', '=', id).execute();
    }
    await auditOnline(trx, ctx, { action: 'learning.online.lesson.reorder', targetType: 'learning_course', targetId: courseId,
      before: { lessonIds: current.map((l) => l.id) }, after: { lessonIds } }, now);
  });
}

/**
 * What the upload to a lesson may be, checked before its body is read: 404/409 like any lesson change, 400 for a
 * text lesson or a name of the other kind; documents (pdf, docx) up to 20 MiB, videos (mp4, webm) up to MAX_VIDEO_BYTES.
 */
export async function lessonUploadRules(core: CoreContext, actor: Actor, lessonId: string): Promise<UploadRules> {
  const lesson = await lessonForManage(onlineDb(core), actor, lessonId);
  if (lesson.kind === 'text') throw invalidField('file', 'learning.online.file_for_text', 'file_for_text');
  const video = lesson.kind === 'video';
  return {
    maxBytes: video ? MAX_VIDEO_BYTES : MAX_FILE_BYTES,
    accept: video ? ['video'] : ['document'],
    checkName: (filename) => {
      if (!(video ? VIDEO_EXTENSIONS : DOCUMENT_EXTENSIONS).has(extensionOf(filename))) {
        throw invalidField('file', 'learning.online.file_kind_mismatch', 'file_kind_mismatch');
      }
    },
  };
}

/**
 * Makes a received, checked upload (see `lessonUploadRules`, `receiveUpload`) the lesson's file: the content module's
 * file service adopts it (a rename, with the course's owner path) and the lesson row, the removal of the previous
 * file's row and the audit entry are written in one transaction. A failure leaves neither row nor stored bytes; the
 * caller removes the temporary file whatever happens.
 */
export async function uploadLessonFile(core: CoreContext, ctx: Ctx, lessonId: string, upload: StagedUpload): Promise<string> {
  const now = core.clock.now();
  let replaced: ContentFilesTable | undefined;
  const courseId = await withStoredFiles(core, (_store, adopt) => onlineDb(core).transaction().execute(async (trx) => {
    // Checked again: the course may have been published, or the lesson removed, while the file arrived.
    const lesson = await lessonForManage(trx, ctx.actor, lessonId);
    if (lesson.kind === 'text') throw invalidField('file', 'learning.online.file_for_text', 'file_for_text');
    if (upload.type.kind !== lesson.kind) throw invalidField('file', 'learning.online.file_kind_mismatch', 'file_kind_mismatch');
    const file = await adopt(core, asContent(trx), { path: upload.tempPath, size: upload.size, sha256: upload.sha256, type: upload.type,
      originalName: upload.filename, ownerPath: lesson.owner_path, userId: ctx.actor.userId });
    await trx.updateTable('learning_online_lessons').set({ file_id: file.id, updated_at: now.toISOString() }).where('id', '=', lessonId).execute();
    if (lesson.file_id) replaced = await deleteFileRowIfUnused(asContent(trx), lesson.file_id);
    await auditOnline(trx, ctx, { action: 'learning.online.lesson.file', targetType: 'learning_course', targetId: lesson.course_id,
      before: { lessonId, fileId: lesson.file_id }, after: { lessonId, fileId: file.id, name: file.original_name, size: file.size, sha256: file.sha256 } }, now);
    return lesson.course_id;
  }));
  if (replaced) await discardFileBytes(core, [replaced]);
  return courseId;
}
