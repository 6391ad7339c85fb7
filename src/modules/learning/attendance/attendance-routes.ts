import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { AppError } from '../../../core/http/errors.js';
import './i18n/messages.js';
import { ATTENDANCE_TAKE, attendanceRole, sessionForMarking } from './attendance-access.js';
import { attendanceDb } from './attendance-schema.js';
import { classSheet, myAttendance, sessionRoster } from './attendance-queries.js';
import { markAttendance } from './mark-attendance.js';
import { MarksBody, MyAttendanceSchema, RosterSchema, SheetSchema } from './attendance-schemas.js';

/**
 * Attendance API: a session's roster with marks (GET) and marking it (PUT) for the class's teacher or staff in scope,
 * the class's whole sheet, and the caller's own attendance.
 */
export const attendanceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = attendanceDb(core);
  const tags = ['learning'];
  const base = '/api/v1/learning';

  async function roster(actor: Parameters<typeof sessionForMarking>[1], id: string) {
    const { session, role } = await sessionForMarking(db, actor, id);
    return {
      session: { id: session.id, classId: session.class_id, classTitle: session.class_title, seq: session.seq, startsAt: session.starts_at,
        endsAt: session.ends_at, status: session.status, venue: session.venue },
      role, items: await sessionRoster(db, session),
    };
  }

  app.get(`${base}/sessions/:id/attendance`, {
    config: { access: ATTENDANCE_TAKE },
    schema: { tags, summary: 'A session\'s roster with each resident\'s mark (the class\'s teacher or staff in scope)', params: IdParams, response: { 200: RosterSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => roster(actorContext(request).actor, request.params.id));

  app.put(`${base}/sessions/:id/attendance`, {
    config: { access: ATTENDANCE_TAKE },
    schema: { tags, summary: 'Mark residents present, absent, late or excused (not before the session; teachers up to 7 days after it)', params: IdParams, body: MarksBody, response: { 200: RosterSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await markAttendance(core, ctx, request.params.id, request.body.marks);
    return roster(ctx.actor, request.params.id);
  });

  app.get(`${base}/classes/:id/attendance`, {
    config: { access: ATTENDANCE_TAKE },
    schema: { tags, summary: 'The class\'s attendance sheet: sessions × residents, attendance rates and assessment results', params: IdParams, response: { 200: SheetSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const cls = await db.selectFrom('learning_classes').select(['id', 'owner_path', 'teacher_user_id', 'completion_rule', 'completion_threshold'])
      .where('id', '=', request.params.id).executeTakeFirst();
    if (!cls || !attendanceRole(actor, cls)) throw new AppError(404, 'learning.completion.class_not_found');
    return { classId: cls.id, completionRule: cls.completion_rule, completionThreshold: cls.completion_threshold, ...await classSheet(db, cls.id, core.clock.now()) };
  });

  app.get(`${base}/me/attendance`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The caller\'s own attendance, per class', response: { 200: MyAttendanceSchema, ...ProblemRefs(401) } },
  }, async (request) => ({ items: await myAttendance(db, actorContext(request).actor.userId, core.clock.now()) }));
};
