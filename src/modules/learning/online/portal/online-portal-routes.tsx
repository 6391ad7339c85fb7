import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { loginHref } from '../../../../portal/login-back.js';
import { isInScope } from '../../../../core/access/scope.js';
import { AppError } from '../../../../core/http/errors.js';
import { IdParams } from '../../../../core/http/route-schemas.js';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import { COURSE_CATEGORIES } from '../../learning-schema.js';
import { findOnlineCourse, lessonsOf, listPublishedCourses, ONLINE_MANAGE } from '../online-repository.js';
import { onlineDb } from '../online-schema.js';
import { learnerOf, lessonProgressOf, progressOf } from '../progress-repository.js';
import { openLesson, recordProgress } from '../record-progress.js';
import { sendRangedFile } from '../ranged-file.js';
import '../i18n/messages.js';
import { LESSON_SCRIPT, LESSON_SCRIPT_VERSION } from './lesson-script.js';
import { CoursePage, CoursesPage, LessonPage } from './online-pages.js';

const hide = { hide: true };
const CoursesQuery = Type.Object({ category: Type.Optional(Type.Union([Type.Literal(''), ...COURSE_CATEGORIES.map((c) => Type.Literal(c))])) });
const LessonPageParams = Type.Object({ id: IdParams.properties.id, lessonId: IdParams.properties.id }, { additionalProperties: false });

/**
 * The portal's online courses: `/courses` (published courses by category), `/courses/<id>` (outline; progress for
 * a signed-in learner), `/courses/<id>/lessons/<lessonId>` (the lesson; signed-in only, since progress needs an
 * account), its "done" form and `/…/file` (the lesson's file with byte ranges). Unpublished courses are the
 * site's 404 — except that staff who manage a course may open its files to check them.
 */
export const onlinePortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = onlineDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  const notFoundPage = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404)
    : sendProblem(request, reply, 404, 'learning.online.not_found'));

  /** The published course and, when asked, one of its lessons; null when either is not there for the public. */
  async function published(courseId: string, lessonId?: string) {
    const course = await findOnlineCourse(db, courseId);
    if (!course || course.status !== 'published') return null;
    const lessons = await lessonsOf(db, courseId);
    const lesson = lessonId ? lessons.find((l) => l.id === lessonId) : undefined;
    if (lessonId && !lesson) return null;
    return { course, lessons, lesson };
  }

  app.get('/assets/online-lesson.js', { config: { access: 'public' }, schema: hide }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').header('etag', `"${LESSON_SCRIPT_VERSION}"`).send(LESSON_SCRIPT));

  app.get('/courses', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, querystring: CoursesQuery } }, async (request, reply) => {
    const category = request.validationError ? '' : request.query.category ?? '';
    const rows = await listPublishedCourses(db, category || undefined);
    const progress = request.actor ? await progressOf(db, request.actor.userId,
      (await db.selectFrom('learning_online_learners').select('course_id').where('user_id', '=', request.actor.userId).execute()).map((r) => r.course_id)
        .filter((id) => rows.some((r) => r.id === id))) : new Map();
    return sendPage(reply, <CoursesPage ctx={await pageContext(request, reply)} rows={rows} category={category} progress={progress} />);
  });

  app.get('/courses/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams } }, async (request, reply) => {
    if (request.validationError) return notFoundPage(request, reply);
    const found = await published(request.params.id);
    if (!found) return notFoundPage(request, reply);
    const userId = request.actor?.userId;
    const learner = userId ? {
      row: await learnerOf(db, userId, found.course.id),
      lessons: await lessonProgressOf(db, userId, found.course.id),
      progress: (await progressOf(db, userId, [found.course.id])).get(found.course.id)!,
    } : null;
    return sendPage(reply, <CoursePage ctx={await pageContext(request, reply)} course={found.course} lessons={found.lessons} learner={learner} />);
  });

  app.get('/courses/:id/lessons/:lessonId', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: LessonPageParams } }, async (request, reply) => {
    if (request.validationError) return notFoundPage(request, reply);
    const found = await published(request.params.id, request.params.lessonId);
    if (!found?.lesson) return notFoundPage(request, reply);
    if (!request.actor) return reply.redirect(loginHref(request.url.split('?')[0]!), 303);
    // Opening the page starts the lesson (and the clock a video's completion is checked against).
    await db.transaction().execute((trx) => openLesson(trx, request.actor!.userId, found.lesson!, core.clock.now()));
    const progress = (await lessonProgressOf(db, request.actor.userId, found.course.id)).get(found.lesson.id);
    return sendPage(reply, <LessonPage ctx={await pageContext(request, reply)} course={found.course} lessons={found.lessons} lesson={found.lesson} progress={progress} />);
  });

  app.post('/courses/:id/lessons/:lessonId/done', {
    config: { access: 'public' }, attachValidation: true,
    schema: { ...hide, params: LessonPageParams, body: Type.Object({}, { additionalProperties: false }) },
  }, async (request, reply) => {
    const params = request.params as { id?: unknown; lessonId?: unknown };
    const ok = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(v);
    if (!ok(params.id) || !ok(params.lessonId)) return notFoundPage(request, reply);
    const lessonPath = `/courses/${params.id}/lessons/${params.lessonId}`;
    if (!request.actor) return reply.redirect(loginHref(lessonPath), 303);
    const found = await published(params.id, params.lessonId);
    if (!found?.lesson) return notFoundPage(request, reply);
    try {
      await recordProgress(core, request.actor.userId, found.lesson.id, { completed: true });
    } catch (error) {
      // A video refused as not watched yet: back to the lesson, which says how completion works.
      if (!(error instanceof AppError) || error.status >= 500) throw error;
    }
    return reply.redirect(lessonPath, 303);
  });

  app.get('/courses/:id/lessons/:lessonId/file', {
    config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: LessonPageParams },
    // The lesson page shows a PDF in a frame of our own: this answer (only) may be framed by our own pages. Route
    // hooks run after the site-wide one that forbids framing; the file is never a page that runs our scripts.
    onSend: async (_request, reply, payload) => {
      reply.header('x-frame-options', 'SAMEORIGIN');
      reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'");
      return payload;
    },
  }, async (request, reply) => {
    if (request.validationError) return reply.callNotFound();
    const row = await db.selectFrom('learning_online_lessons as l').innerJoin('learning_online_courses as o', 'o.course_id', 'l.course_id')
      .innerJoin('learning_courses as c', 'c.id', 'l.course_id').innerJoin('content_files as f', 'f.id', 'l.file_id')
      .selectAll('f').select(['o.status as courseStatus', 'c.owner_path as ownerPath'])
      .where('l.id', '=', request.params.lessonId).where('l.course_id', '=', request.params.id).executeTakeFirst();
    if (!row) return reply.callNotFound();
    const { courseStatus, ownerPath, ...file } = row;
    const isStaff = request.actor !== null && isInScope(request.actor, ONLINE_MANAGE, ownerPath);
    if (courseStatus !== 'published' && !isStaff) return reply.callNotFound();
    // Lessons need an account; the file of a published lesson answers 401 to anonymous visitors.
    if (!request.actor) return sendProblem(request, reply, 401, 'learning.online.login_required');
    return sendRangedFile(core, request, reply, file);
  });
};
