import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { AppError } from '../../../../core/http/errors.js';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import type { MessageId } from '../../../../core/i18n/i18n.js';
import { IdParams } from '../../../../core/http/route-schemas.js';
import { actorContext } from '../../../../core/http/request-context.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { qrSvg } from '../../../content/pages/qr-code.js';
import { endOfShanghaiDay, shanghaiDateOf } from '../../catalogue/schedule.js';
import '../i18n/messages.js';
import { ATTENDANCE_TAKE, CHECKIN_LEAD_MS, sessionForMarking } from '../attendance-access.js';
import { attendanceDb } from '../attendance-schema.js';
import { myAttendance, sessionRoster, teacherSessions } from '../attendance-queries.js';
import { markAttendance } from '../mark-attendance.js';
import { checkIn, currentCheckinToken } from '../check-in.js';
import { StatusSchema } from '../attendance-schemas.js';
import { CHECKIN_STEP_MS, CHECKIN_TOKEN_PATTERN } from '../checkin-token.js';
import { AccountAttendancePage, CheckinPage, TeachHomePage, TeachQrPage, TeachSessionPage } from './teach-pages.js';

const hide = { hide: true };
const DAY_MS = 86_400_000;
const MarkForm = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }), status: StatusSchema }, { additionalProperties: false });
const SavedQuery = Type.Object({ saved: Type.Optional(Type.Literal('1')) }, { additionalProperties: false });
const TokenParams = Type.Object({ token: Type.String({ pattern: CHECKIN_TOKEN_PATTERN, maxLength: 80 }) }, { additionalProperties: false });

/**
 * The teacher's phone pages (`/teach`, `/teach/sessions/<id>`, its QR code), the residents' QR check-in
 * (`/checkin/<token>`) and their own attendance (`/account/attendance`). Forms post back and answer 303.
 */
export const attendancePortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = attendanceDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());
  // Browsers get pages; other clients (and junk) get problem+json like the API.
  const notFoundPage = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404)
    : sendProblem(request, reply, 404, 'learning.attendance.session_not_found'));
  async function checkinAnswer(request: FastifyRequest, reply: FastifyReply, status: number, id: MessageId, params: Record<string, string | number> = {}, login = false) {
    reply.header('Cache-Control', 'no-store');
    if (status >= 400 && !wantsHtml(request)) return sendProblem(request, reply, status, id, params);
    const message = coreT(request.locale, id, params);
    return sendPage(reply, <CheckinPage ctx={await pageContext(request, reply)} ok={status < 400} login={login} message={message} />, status);
  }

  /** An AppError as status, message id and params (its first field error when it has some). */
  function message(error: unknown): { status: number; id: MessageId; params?: Record<string, string | number> } {
    if (!(error instanceof AppError)) throw error;
    const fe = error.fieldErrors?.[0];
    return fe ? { status: error.status, id: fe.messageId, params: fe.params } : { status: error.status, id: error.messageId, params: error.params };
  }

  /** The roster page; with `problem`, the page shows it as the error (non-browser clients get it as problem+json). */
  async function sessionPage(request: FastifyRequest, reply: FastifyReply, id: string,
    extra: { problem?: { status: number; id: MessageId; params?: Record<string, string | number> }; notice?: string } = {}) {
    let found;
    try {
      found = await sessionForMarking(db, request.actor, id);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return notFoundPage(request, reply);
      throw error;
    }
    const { problem } = extra;
    if (problem && !wantsHtml(request)) return sendProblem(request, reply, problem.status, problem.id, problem.params);
    const roster = await sessionRoster(db, found.session);
    return sendPage(reply, <TeachSessionPage ctx={await pageContext(request, reply)} session={found.session} roster={roster}
      errors={problem ? [coreT(request.locale, problem.id, problem.params)] : []} notice={extra.notice} />, problem?.status ?? 200);
  }

  app.get('/teach', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (!request.actor.permissions.has(ATTENDANCE_TAKE)) return notFoundPage(request, reply);
    const today = shanghaiDateOf(core.clock.now());
    const dayStart = new Date(Date.parse(endOfShanghaiDay(today)) - DAY_MS).toISOString();
    const dayEnd = endOfShanghaiDay(today);
    const week = await teacherSessions(db, request.actor, new Date(Date.parse(dayStart) - 6 * DAY_MS).toISOString(), new Date(Date.parse(dayEnd) + 6 * DAY_MS).toISOString());
    return sendPage(reply, <TeachHomePage ctx={await pageContext(request, reply)}
      today={week.filter((s) => s.startsAt >= dayStart && s.startsAt < dayEnd)} week={week.filter((s) => s.startsAt < dayStart || s.startsAt >= dayEnd)} />);
  });

  app.get('/teach/sessions/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams, querystring: SavedQuery } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return notFoundPage(request, reply);
    return sessionPage(request, reply, request.params.id, { notice: request.query.saved ? coreT(request.locale, 'learning.teach.saved') : undefined });
  });

  app.post('/teach/sessions/:id/marks', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams, body: MarkForm } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    const params = request.params as { id?: unknown };
    const id = typeof params.id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(params.id) ? params.id : null;
    if (!id) return notFoundPage(request, reply);
    if (request.validationError) return sessionPage(request, reply, id, { problem: { status: 400, id: 'request.invalid' } });
    try {
      await markAttendance(core, actorContext(request), id, [{ userId: request.body.userId, status: request.body.status }]);
      return reply.redirect(`/teach/sessions/${id}?saved=1#r-${request.body.userId}`, 303);
    } catch (error) {
      const problem = message(error);
      if (problem.status === 404) return notFoundPage(request, reply);
      return sessionPage(request, reply, id, { problem });
    }
  });

  app.get('/teach/sessions/:id/qr', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return notFoundPage(request, reply);
    let found;
    try {
      found = await sessionForMarking(db, request.actor, request.params.id);
    } catch (error) {
      if (error instanceof AppError && error.status === 404) return notFoundPage(request, reply);
      throw error;
    }
    const { session } = found;
    const now = core.clock.now().getTime();
    if (session.status === 'cancelled' || now < Date.parse(session.starts_at) - CHECKIN_LEAD_MS || now > Date.parse(session.ends_at)) {
      return sessionPage(request, reply, session.id, { problem: { status: 409, id: 'learning.checkin.not_in_session' } });
    }
    const url = `${core.config.publicBaseUrl}/checkin/${currentCheckinToken(core, session.id)}`;
    // Reload at the start of the next 30-second step, so the code on screen is always the current one.
    const wait = Math.max(1, Math.ceil((CHECKIN_STEP_MS - (now % CHECKIN_STEP_MS)) / 1000));
    reply.header('Refresh', String(wait)).header('Cache-Control', 'no-store');
    return sendPage(reply, <TeachQrPage ctx={await pageContext(request, reply)} session={session} svg={await qrSvg(url)} />);
  });

  app.get('/checkin/:token', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: TokenParams } }, async (request, reply) => {
    if (!request.actor) return checkinAnswer(request, reply, 401, 'learning.checkin.login', {}, true);
    if (request.validationError) return checkinAnswer(request, reply, 400, 'learning.checkin.invalid');
    try {
      const r = await checkIn(core, request.actor.userId, request.params.token);
      return checkinAnswer(request, reply, 200, r.already ? 'learning.checkin.already' : 'learning.checkin.done', { class: r.classTitle, seq: r.seq });
    } catch (error) {
      const { status, id, params } = message(error);
      return checkinAnswer(request, reply, status, id, params);
    }
  });

  app.get('/account/attendance', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    const now = core.clock.now();
    const items = await myAttendance(db, request.actor.userId, now);
    return sendPage(reply, <AccountAttendancePage ctx={await pageContext(request, reply)} items={items} now={now.toISOString()} />);
  });
};
