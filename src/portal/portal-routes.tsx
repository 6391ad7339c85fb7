import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fs from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { h } from './jsx.js';
import { projectRoot } from '../core/paths.js';
import { AppError } from '../core/http/errors.js';
import { t as coreT } from '../core/i18n/i18n.js';
import { requestContext, userAgent } from '../core/http/request-context.js';
import { listInstitutions, listRegions } from '../core/regions/region-repository.js';
import { ttlCache } from '../core/ttl-cache.js';
import { loginWithPassword } from '../core/auth/commands/login.js';
import { completeMfaLogin } from '../core/auth/commands/login-mfa.js';
import { registerResident } from '../core/auth/commands/register-resident.js';
import { changeOwnPassword } from '../core/auth/commands/change-password.js';
import { loadSession, revokeSession } from '../core/auth/sessions.js';
import { exportOwnData } from '../core/auth/commands/export-own-data.js';
import { clearSessionCookie, setSessionCookie } from '../core/auth/auth-routes.js';
import { CARE_COOKIE, contentHash, createPortalContext, safeBackPath } from './portal-context.js';
import { HomePage, type NetworkSummary } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { RegisterPage } from './pages/register-page.js';
import { AccountPage } from './pages/account-page.js';
import { NotFoundPage, TextPage } from './pages/text-page.js';
import { TEXT_DOCUMENTS } from './content/text-documents.js';
import type { PortalMessageId } from './i18n/zh-CN.js';
import { setHtmlNotFound } from '../core/http/problem.js';

const assetsDir = path.join(projectRoot, 'src', 'portal', 'assets');

/** The problem's message in the reader's language, and per-field messages. */
function describeError(request: FastifyRequest, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const fe of error.fieldErrors ?? []) fieldErrors[fe.field] ??= coreT(request.locale, fe.messageId, fe.params);
  const messages = error.fieldErrors?.length ? Object.values(fieldErrors) : [coreT(request.locale, error.messageId, error.params)];
  return { status: error.status, messages, fieldErrors };
}

const loginBody = Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 256 }) }, { additionalProperties: false });
const mfaBody = Type.Object({ ticket: Type.String({ maxLength: 100 }), code: Type.String({ maxLength: 10 }) }, { additionalProperties: false });
const registerBody = Type.Object({
  username: Type.String({ maxLength: 64 }), phone: Type.String({ maxLength: 20 }),
  password: Type.String({ maxLength: 256 }), realName: Type.String({ maxLength: 50 }),
}, { additionalProperties: false });
const passwordBody = Type.Object({ currentPassword: Type.String({ maxLength: 256 }), newPassword: Type.String({ maxLength: 256 }) }, { additionalProperties: false });
const careQuery = Type.Object({ back: Type.Optional(Type.String({ maxLength: 500 })), on: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])) }, { additionalProperties: false });

export const portalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const css = fs.readFileSync(path.join(assetsDir, 'portal.css'), 'utf8');
  const js = fs.readFileSync(path.join(assetsDir, 'portal.js'), 'utf8');
  const { pageContext, sendPage, sendPublicPage, homeStamp, renderHomeSections } = createPortalContext(app, contentHash(css + js));
  const hide = { hide: true };

  const networkCache = ttlCache(30_000, async (): Promise<NetworkSummary> => {
    const [regions, institutions] = await Promise.all([listRegions(core.db), listInstitutions(core.db)]);
    const towns = regions.filter((r) => r.level === 'town').map((town) => ({
      name: town.name,
      villages: regions.filter((r) => r.parent_id === town.id).length,
      institutions: institutions.filter((i) => i.path.startsWith(town.path)).length,
      center: institutions.find((i) => i.kind === 'community_education_center' && i.region_id === town.id)?.name ?? null,
    }));
    return { towns, villageCount: regions.filter((r) => r.level === 'village').length, institutionCount: institutions.length };
  });

  setHtmlNotFound(async (request, reply) => sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404));

  for (const [file, body, type] of [['portal.css', css, 'text/css'], ['portal.js', js, 'text/javascript']] as const) {
    app.get(`/assets/${file}`, { config: { access: 'public' }, schema: hide }, async (_, reply) =>
      reply.type(`${type}; charset=utf-8`).header('cache-control', 'public, max-age=31536000, immutable').send(body));
  }

  app.get('/', { config: { access: 'public' }, schema: hide }, async (request, reply) =>
    sendPublicPage(request, reply, async (ctx) => <HomePage ctx={ctx} network={await networkCache.get()} sections={await renderHomeSections(ctx)} />,
      { stamp: await homeStamp() }));

  for (const name of ['help', 'privacy'] as const) {
    app.get(`/${name}`, { config: { access: 'public' }, schema: hide }, async (request, reply) =>
      sendPublicPage(request, reply, (ctx) => <TextPage ctx={ctx} doc={TEXT_DOCUMENTS[name][request.locale]} />));
  }

  app.get('/lang/:locale', {
    config: { access: 'public' },
    schema: { ...hide, params: Type.Object({ locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]) }), querystring: Type.Object({ back: Type.Optional(Type.String({ maxLength: 500 })) }) },
  }, async (request, reply) => {
    reply.setCookie('lang', request.params.locale, { path: '/', maxAge: 365 * 86400, sameSite: 'lax', secure: core.config.secureCookies });
    return reply.redirect(safeBackPath(request.query.back), 303);
  });

  // A display preference, like the language: a plain link that works without JavaScript and needs no token.
  app.get('/care-mode', { config: { access: 'public' }, schema: { ...hide, querystring: careQuery } }, async (request, reply) => {
    reply.setCookie(CARE_COOKIE, request.query.on === '0' ? '0' : '1', { path: '/', maxAge: 365 * 86400, sameSite: 'lax', secure: core.config.secureCookies });
    return reply.redirect(safeBackPath(request.query.back), 303);
  });

  app.get('/login', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (request.actor) return reply.redirect('/account', 303);
    return sendPage(reply, <LoginPage ctx={await pageContext(request, reply, { forms: true })} />);
  });

  app.post('/login', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: loginBody } }, async (request, reply) => {
    const ctx = await pageContext(request, reply, { forms: true });
    if (request.validationError) return sendPage(reply, <LoginPage ctx={ctx} errors={[coreT(request.locale, 'request.invalid')]} />, 400);
    try {
      const result = await loginWithPassword(core, requestContext(request), request.body.username, request.body.password, { userAgent: userAgent(request) });
      if (result.kind === 'mfa') return sendPage(reply, <LoginPage ctx={ctx} mfaTicket={result.ticket} />);
      if (request.sessionToken) await revokeSession(core.db, request.sessionToken);
      setSessionCookie(app, reply, result.session);
      return reply.redirect('/account', 303);
    } catch (error) {
      const { status, messages } = describeError(request, error);
      return sendPage(reply, <LoginPage ctx={ctx} username={request.body.username} errors={messages} />, status);
    }
  });

  app.post('/login/mfa', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: mfaBody } }, async (request, reply) => {
    const ctx = await pageContext(request, reply, { forms: true });
    if (request.validationError) return sendPage(reply, <LoginPage ctx={ctx} errors={[coreT(request.locale, 'request.invalid')]} />, 400);
    try {
      const { session } = await completeMfaLogin(core, requestContext(request), request.body.ticket, request.body.code, { userAgent: userAgent(request) });
      setSessionCookie(app, reply, session);
      return reply.redirect('/account', 303);
    } catch (error) {
      const { status, messages } = describeError(request, error);
      const ticketStillValid = error instanceof AppError && error.messageId === 'auth.mfa_invalid';
      return sendPage(reply, <LoginPage ctx={ctx} errors={messages} mfaTicket={ticketStillValid ? request.body.ticket : undefined} />, status);
    }
  });

  app.get('/register', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (request.actor) return reply.redirect('/account', 303);
    return sendPage(reply, <RegisterPage ctx={await pageContext(request, reply, { forms: true })} />);
  });

  app.post('/register', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: registerBody } }, async (request, reply) => {
    const ctx = await pageContext(request, reply, { forms: true });
    if (request.validationError) return sendPage(reply, <RegisterPage ctx={ctx} errors={[coreT(request.locale, 'request.invalid')]} />, 400);
    const { username, phone, password, realName } = request.body;
    const values = { username, phone, realName };
    try {
      const { session } = await registerResident(core, requestContext(request), {
        username: username || undefined, phone: phone || undefined, password, realName: realName || undefined,
      }, { userAgent: userAgent(request) });
      setSessionCookie(app, reply, session);
      return reply.redirect('/account', 303);
    } catch (error) {
      const { status, messages, fieldErrors } = describeError(request, error);
      return sendPage(reply, <RegisterPage ctx={ctx} values={values} errors={messages} fieldErrors={fieldErrors} />, status);
    }
  });

  async function accountPage(request: FastifyRequest, reply: import('fastify').FastifyReply, extra: { errors?: string[]; fieldErrors?: Record<string, string>; saved?: boolean; exportError?: string; status?: number } = {}) {
    const actor = request.actor!;
    const ctx = await pageContext(request, reply);
    const roles = actor.grants.map((g) => `${ctx.t(`role.${g.role}` as PortalMessageId)} · ${g.scopeName}`);
    return sendPage(reply, <AccountPage ctx={ctx} errors={extra.errors} fieldErrors={extra.fieldErrors} saved={extra.saved} exportError={extra.exportError}
      account={{ username: actor.username, displayName: actor.displayName, roles, staff: actor.kind === 'staff', setupRequired: actor.passwordChangeRequired }} />, extra.status ?? 200);
  }

  app.get('/account', { config: { access: 'public' }, schema: { ...hide, querystring: Type.Object({ saved: Type.Optional(Type.Literal('1')) }) } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    return accountPage(request, reply, { saved: request.query.saved === '1' });
  });

  app.post('/account/password', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: passwordBody } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return accountPage(request, reply, { errors: [coreT(request.locale, 'request.invalid')], status: 400 });
    try {
      await changeOwnPassword(core, { actor: request.actor, ip: request.ip, requestId: String(request.id) }, request.body.currentPassword, request.body.newPassword);
      return reply.redirect('/account?saved=1', 303);
    } catch (error) {
      if (!(await loadSessionStillValid(request))) return reply.redirect('/login', 303);
      const { status, messages, fieldErrors } = describeError(request, error);
      return accountPage(request, reply, { errors: messages, fieldErrors, status });
    }
  });

  app.post('/account/export', {
    config: { access: 'public', revealsPersonalData: true }, attachValidation: true,
    schema: { ...hide, body: Type.Object({ exportPassword: Type.String({ maxLength: 256 }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return accountPage(request, reply, { exportError: coreT(request.locale, 'request.invalid'), status: 400 });
    try {
      const { fileName, data } = await exportOwnData(core, { actor: request.actor, ip: request.ip, requestId: String(request.id) }, request.body.exportPassword);
      return reply.type('application/json; charset=utf-8').header('content-disposition', `attachment; filename="${fileName}"`).send(JSON.stringify(data, null, 2));
    } catch (error) {
      if (!request.actor || !(await loadSessionStillValid(request))) return reply.redirect('/login', 303);
      const { status, messages } = describeError(request, error);
      return accountPage(request, reply, { exportError: messages[0], status });
    }
  });

  /** A fifth wrong password locks the account and ends this very session. */
  async function loadSessionStillValid(request: FastifyRequest) {
    const found = request.sessionToken ? await loadSession(core, request.sessionToken) : null;
    return Boolean(found && 'actor' in found);
  }

  app.post('/logout', { config: { access: 'public' }, schema: { ...hide, body: Type.Optional(Type.Object({}, { additionalProperties: false })) } }, async (request, reply) => {
    if (request.sessionToken) await revokeSession(core.db, request.sessionToken);
    clearSessionCookie(app, reply);
    reply.header('clear-site-data', '"cache", "storage"');
    return reply.redirect('/', 303);
  });
};
