import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopePathsFor } from '../../../core/access/scope.js';
import { pageParams } from '../../../core/http/pagination.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { notFound } from '../../../core/http/errors.js';
import { learningDb } from '../learning-schema.js';
import { CancelClassBody, ClassListQuery, ClassPage, ClassSchema, CourseListQuery, CoursePage, CourseSchema, CreateClassBody,
  CreateCourseBody, CreateTermBody, SessionList, TeacherList, TeacherQuery, TermList, TermSchema, UpdateClassBody, UpdateCourseBody,
  UpdateTermBody, VersionBody } from './catalogue-schemas.js';
import { findClass, findCourse, listClasses, listCourses, listSessions } from './catalogue-repository.js';
import { presentClass, presentCourse, presentTerm } from './catalogue-presenter.js';
import { canReadClass, classReadScope } from './catalogue-scope.js';
import { manageableInstitution, teachersOf } from './catalogue-checks.js';
import { createTerm, updateTerm } from './term-commands.js';
import { createCourse, setCourseStatus, updateCourse } from './course-commands.js';
import { cancelClass, createClass, openClass, updateClass } from './class-commands.js';

/**
 * The staff API of the catalogue: terms (the city's), courses and classes (institution, town and city staff), and
 * class sessions. Lists are filtered in SQL by the caller's scope; teachers see only the classes they teach.
 */
export const catalogueRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = learningDb(core);
  const tags = ['learning'];

  /** A region filter as a path; an unknown region or one of the wrong level matches nothing. */
  async function regionPath(townId: string | undefined): Promise<string | undefined> {
    if (!townId) return undefined;
    const region = await db.selectFrom('regions').select(['path', 'level']).where('id', '=', townId).executeTakeFirst();
    return region?.level === 'town' ? region.path : '/nowhere/';
  }

  // --- terms ---
  app.get('/api/v1/learning/terms', {
    config: { access: 'learning.term.read' },
    schema: { tags, summary: 'All terms, newest first', response: { 200: TermList, ...ProblemRefs(401, 403) } },
  }, async () => {
    const rows = await db.selectFrom('learning_terms').selectAll().orderBy('starts_on', 'desc').orderBy('id').execute();
    return { items: rows.map(presentTerm) };
  });

  const presentTermById = async (id: string) => {
    const row = await db.selectFrom('learning_terms').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('learning.term.not_found');
    return presentTerm(row);
  };

  app.get('/api/v1/learning/terms/:id', {
    config: { access: 'learning.term.read' },
    schema: { tags, summary: 'One term', params: IdParams, response: { 200: TermSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => presentTermById(request.params.id));

  app.post('/api/v1/learning/terms', {
    config: { access: 'learning.term.manage' },
    schema: { tags, summary: 'Create a term', body: CreateTermBody, response: { 201: TermSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const id = await createTerm(core, actorContext(request), request.body);
    return reply.code(201).send(await presentTermById(id));
  });

  app.patch('/api/v1/learning/terms/:id', {
    config: { access: 'learning.term.manage' },
    schema: { tags, summary: 'Edit a term', params: IdParams, body: UpdateTermBody, response: { 200: TermSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    await updateTerm(core, actorContext(request), request.params.id, request.body);
    return presentTermById(request.params.id);
  });

  // --- teacher picker ---
  app.get('/api/v1/learning/teachers', {
    config: { access: 'learning.course.manage' },
    schema: { tags, summary: 'Users holding the teacher role at an institution in scope', querystring: TeacherQuery,
      response: { 200: TeacherList, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const institution = await manageableInstitution(db, actorContext(request).actor, 'learning.course.manage', request.query.institutionId);
    if (!institution) throw notFound('learning.institution.unknown');
    const rows = await teachersOf(db, institution.id);
    return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name })) };
  });

  // --- courses ---
  const presentCourseById = async (id: string) => {
    const row = await findCourse(db, id);
    if (!row) throw notFound('learning.course.not_found');
    return presentCourse(row);
  };

  app.get('/api/v1/learning/courses', {
    config: { access: 'learning.course.read' },
    schema: { tags, summary: 'Courses in scope, by institution, town, category and status', querystring: CourseListQuery,
      response: { 200: CoursePage, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const q = request.query;
    const paging = pageParams(q);
    const { rows, total } = await listCourses(db, {
      scopePaths: scopePathsFor(actorContext(request).actor, 'learning.course.read'), regionPath: await regionPath(q.townId),
      institutionId: q.institutionId, category: q.category, status: q.status, q: q.q?.trim() || undefined,
    }, paging);
    return { items: rows.map(presentCourse), total, page: paging.page, pageSize: paging.pageSize };
  });

  app.get('/api/v1/learning/courses/:id', {
    config: { access: 'learning.course.read' },
    schema: { tags, summary: 'One course', params: IdParams, response: { 200: CourseSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    const row = await findCourse(db, request.params.id);
    if (!row || !scopePathsFor(actorContext(request).actor, 'learning.course.read').some((p) => row.owner_path.startsWith(p))) {
      throw notFound('learning.course.not_found');
    }
    return presentCourse(row);
  });

  app.post('/api/v1/learning/courses', {
    config: { access: 'learning.course.manage' },
    schema: { tags, summary: 'Create a draft course', body: CreateCourseBody, response: { 201: CourseSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const id = await createCourse(core, actorContext(request), request.body);
    return reply.code(201).send(await presentCourseById(id));
  });

  app.patch('/api/v1/learning/courses/:id', {
    config: { access: 'learning.course.manage' },
    schema: { tags, summary: 'Edit a course (send the version you read; 409 when stale)', params: IdParams, body: UpdateCourseBody,
      response: { 200: CourseSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updateCourse(core, actorContext(request), request.params.id, request.body);
    return presentCourseById(request.params.id);
  });

  for (const [action, to] of [['publish', 'published'], ['archive', 'archived']] as const) {
    app.post(`/api/v1/learning/courses/:id/${action}`, {
      config: { access: 'learning.course.manage' },
      schema: { tags, summary: action === 'publish' ? 'Publish a draft course' : 'Archive a course (no new classes)', params: IdParams, body: VersionBody,
        response: { 200: CourseSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
    }, async (request) => {
      await setCourseStatus(core, actorContext(request), request.params.id, request.body.version, to);
      return presentCourseById(request.params.id);
    });
  }

  // --- classes ---
  const presentClassById = async (id: string) => {
    const row = await findClass(db, id);
    if (!row) throw notFound('learning.class.not_found');
    return presentClass(row);
  };
  const readableClass = async (request: Parameters<typeof actorContext>[0], id: string) => {
    const row = await findClass(db, id);
    if (!row || !canReadClass(classReadScope(actorContext(request).actor, 'learning.class.read'), row)) throw notFound('learning.class.not_found');
    return row;
  };

  app.get('/api/v1/learning/classes', {
    config: { access: 'learning.class.read' },
    schema: { tags, summary: 'Classes in scope (a teacher: the classes they teach), by term, course, institution, town and status',
      querystring: ClassListQuery, response: { 200: ClassPage, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const q = request.query;
    const paging = pageParams(q);
    const { rows, total } = await listClasses(db, {
      scope: classReadScope(actorContext(request).actor, 'learning.class.read'), regionPath: await regionPath(q.townId),
      termId: q.termId, courseId: q.courseId, institutionId: q.institutionId, status: q.status, q: q.q?.trim() || undefined,
    }, paging);
    return { items: rows.map(presentClass), total, page: paging.page, pageSize: paging.pageSize };
  });

  app.get('/api/v1/learning/classes/:id', {
    config: { access: 'learning.class.read' },
    schema: { tags, summary: 'One class', params: IdParams, response: { 200: ClassSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => presentClass(await readableClass(request, request.params.id)));

  app.get('/api/v1/learning/classes/:id/sessions', {
    config: { access: 'learning.class.read' },
    schema: { tags, summary: 'The sessions of a class, in order', params: IdParams, response: { 200: SessionList, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    await readableClass(request, request.params.id);
    const rows = await listSessions(db, request.params.id);
    return { items: rows.map((s) => ({ id: s.id, seq: s.seq, startsAt: s.starts_at, endsAt: s.ends_at, status: s.status })) };
  });

  app.post('/api/v1/learning/classes', {
    config: { access: 'learning.class.manage' },
    schema: { tags, summary: 'Create a draft class of a course for a term; sessions follow the schedule', body: CreateClassBody,
      response: { 201: ClassSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const id = await createClass(core, actorContext(request), request.body);
    return reply.code(201).send(await presentClassById(id));
  });

  app.patch('/api/v1/learning/classes/:id', {
    config: { access: 'learning.class.manage' },
    schema: { tags, summary: 'Edit a class (send the version you read; 409 when stale or when the schedule is locked)', params: IdParams,
      body: UpdateClassBody, response: { 200: ClassSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updateClass(core, actorContext(request), request.params.id, request.body);
    return presentClassById(request.params.id);
  });

  app.post('/api/v1/learning/classes/:id/open', {
    config: { access: 'learning.class.manage' },
    schema: { tags, summary: 'Open a draft class for enrolment', params: IdParams, body: VersionBody,
      response: { 200: ClassSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await openClass(core, actorContext(request), request.params.id, request.body.version);
    return presentClassById(request.params.id);
  });

  app.post('/api/v1/learning/classes/:id/cancel', {
    config: { access: 'learning.class.manage' },
    schema: { tags, summary: 'Cancel a class with a reason; its enrolments end and residents are notified', params: IdParams,
      body: CancelClassBody, response: { 200: ClassSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await cancelClass(core, actorContext(request), request.params.id, request.body.version, request.body.reason);
    return presentClassById(request.params.id);
  });
};
