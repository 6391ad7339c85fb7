import fs from 'node:fs';
import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Actor } from '../../../core/access/actor.js';
import type { CoreContext } from '../../../core/context.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { registerUploads } from '../../content/files/upload-form.js';
import '../permissions.js';
import './i18n/messages.js';
import { createOnlineCourse, setOnlineStatus, updateOnlineCourse } from './course-commands.js';
import { createLesson, deleteLesson, lessonUploadRules, MAX_VIDEO_BYTES, reorderLessons, updateLesson, uploadLessonFile } from './lesson-commands.js';
import { listOnlineLearningOf } from './online-learning-record.js';
import { presentLesson, presentOnlineCourse } from './online-presenter.js';
import { lessonsOf, listOnlineCourses, ONLINE_MANAGE, onlineCourseForManage } from './online-repository.js';
import { onlineDb } from './online-schema.js';
import {
  CreateLessonBody, CreateOnlineCourseBody, LessonOrderBody, MyOnlineCourses, OnlineCourseDetail, OnlineCoursePage, OnlineCourseQuery,
  ProgressBody, ProgressResult, UpdateLessonBody, UpdateOnlineCourseBody, VersionBody,
} from './online-schemas.js';
import { recordProgress } from './record-progress.js';
import { drainRefusedBody, receiveUpload, type StagedUpload } from './staged-upload.js';

async function courseDetail(core: CoreContext, actor: Actor, id: string) {
  const db = onlineDb(core);
  const row = await onlineCourseForManage(db, actor, id);
  return { ...presentOnlineCourse(row), lessons: (await lessonsOf(db, id)).map(presentLesson) };
}

/**
 * Online courses: staff with learning.online.manage write courses and lessons of institutions in their scope
 * (upload files, publish); anyone signed in reports their progress and reads their own courses.
 */
export const onlineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = onlineDb(core);
  const tags = ['learning'];
  const base = '/api/v1/learning/online';
  const access = { access: ONLINE_MANAGE };
  const detailRefs = (...codes: number[]) => ({ 200: OnlineCourseDetail, ...ProblemRefs(...codes) });

  app.get(`${base}/courses`, {
    config: access,
    schema: { tags, summary: 'Online courses of institutions in scope', querystring: OnlineCourseQuery, response: { 200: OnlineCoursePage, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const page = await listOnlineCourses(db, actorContext(request).actor, { ...request.query, q: request.query.q?.trim() || undefined });
    return { items: page.rows.map(presentOnlineCourse), total: page.total, page: page.page, pageSize: page.pageSize };
  });

  app.post(`${base}/courses`, {
    config: access,
    schema: { tags, summary: 'Create an unpublished online course: on an existing course (courseId) or a new one (institutionId, title, category, hours…)',
      body: CreateOnlineCourseBody, response: { 201: OnlineCourseDetail, ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    const id = await createOnlineCourse(core, ctx, request.body);
    return reply.code(201).send(await courseDetail(core, ctx.actor, id));
  });

  app.get(`${base}/courses/:id`, {
    config: access,
    schema: { tags, summary: 'An online course with its lessons', params: IdParams, response: detailRefs(401, 403, 404) },
  }, async (request) => courseDetail(core, actorContext(request).actor, request.params.id));

  app.patch(`${base}/courses/:id`, {
    config: access,
    schema: { tags, summary: 'Edit the course (send the version you read; 409 when stale)', params: IdParams, body: UpdateOnlineCourseBody,
      response: detailRefs(400, 401, 403, 404, 409) },
  }, async (request) => {
    const ctx = actorContext(request);
    await updateOnlineCourse(core, ctx, request.params.id, request.body);
    return courseDetail(core, ctx.actor, request.params.id);
  });

  for (const [path, to] of [['publish', 'published'], ['unpublish', 'draft']] as const) {
    app.post(`${base}/courses/:id/${path}`, {
      config: access,
      schema: { tags, summary: path === 'publish' ? 'Publish (needs lessons, their files and video lengths)' : 'Unpublish (lessons can be edited again)',
        params: IdParams, body: VersionBody, response: detailRefs(400, 401, 403, 404, 409) },
    }, async (request) => {
      const ctx = actorContext(request);
      await setOnlineStatus(core, ctx, request.params.id, request.body.version, to);
      return courseDetail(core, ctx.actor, request.params.id);
    });
  }

  app.post(`${base}/courses/:id/lessons`, {
    config: access,
    schema: { tags, summary: 'Add a lesson at the end (unpublished courses only)', params: IdParams, body: CreateLessonBody,
      response: { 201: OnlineCourseDetail, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    await createLesson(core, ctx, request.params.id, request.body);
    return reply.code(201).send(await courseDetail(core, ctx.actor, request.params.id));
  });

  app.put(`${base}/courses/:id/lesson-order`, {
    config: access,
    schema: { tags, summary: 'Reorder the lessons (every lesson id once)', params: IdParams, body: LessonOrderBody, response: detailRefs(400, 401, 403, 404, 409) },
  }, async (request) => {
    const ctx = actorContext(request);
    await reorderLessons(core, ctx, request.params.id, request.body.lessonIds);
    return courseDetail(core, ctx.actor, request.params.id);
  });

  app.patch(`${base}/lessons/:id`, {
    config: access,
    schema: { tags, summary: 'Edit a lesson (unpublished courses only)', params: IdParams, body: UpdateLessonBody, response: detailRefs(400, 401, 403, 404, 409) },
  }, async (request) => {
    const ctx = actorContext(request);
    const courseId = await updateLesson(core, ctx, request.params.id, request.body);
    return courseDetail(core, ctx.actor, courseId);
  });

  app.delete(`${base}/lessons/:id`, {
    config: access,
    schema: { tags, summary: 'Remove a lesson with its file and learners\' progress on it (unpublished courses only)', params: IdParams,
      response: detailRefs(401, 403, 404, 409) },
  }, async (request) => {
    const ctx = actorContext(request);
    const courseId = await deleteLesson(core, ctx, request.params.id);
    return courseDetail(core, ctx.actor, courseId);
  });

  // Multipart only here; the file is streamed to disk (staged-upload.ts), each lesson kind with its own size limit.
  await app.register(async (plugin) => {
    await registerUploads(plugin, MAX_VIDEO_BYTES);
    const uploads = plugin.withTypeProvider<TypeBoxTypeProvider>();
    uploads.post(`${base}/lessons/:id/file`, {
      config: access,
      schema: { tags, params: IdParams,
        summary: `Upload the lesson's file (multipart/form-data, field file): pdf/docx for documents, mp4/webm (≤ ${MAX_VIDEO_BYTES / 1024 / 1024} MiB) for videos`,
        response: detailRefs(400, 401, 403, 404, 409, 413, 415) },
    }, async (request) => {
      const ctx = actorContext(request);
      let upload: StagedUpload;
      try {
        // Who may upload what is settled before a byte of the body is read; the file then streams to DATA_DIR/tmp.
        upload = await receiveUpload(core, request, await lessonUploadRules(core, ctx.actor, request.params.id));
      } catch (error) {
        drainRefusedBody(request);
        throw error;
      }
      try {
        const courseId = await uploadLessonFile(core, ctx, request.params.id, upload);
        return await courseDetail(core, ctx.actor, courseId);
      } finally {
        // Adopted files were renamed away; anything still here was refused.
        await fs.promises.rm(upload.tempPath, { force: true });
      }
    });
  });

  app.post(`${base}/lessons/:id/progress`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Report progress on a lesson of a published course: video position and/or completed', params: IdParams, body: ProgressBody,
      response: { 200: ProgressResult, ...ProblemRefs(400, 401, 404, 409) } },
  }, async (request) => recordProgress(core, actorContext(request).actor.userId, request.params.id, request.body));

  app.get(`${base}/me`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'My online courses with progress, credits and completion', response: { 200: MyOnlineCourses, ...ProblemRefs(401) } },
  }, async (request) => ({ items: await listOnlineLearningOf(core, actorContext(request).actor.userId) }));

};
