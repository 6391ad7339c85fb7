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
import { loadOwnProfile, updateOwnProfile } from '../core/auth/commands/own-profile.js';
import { afterLoginPath } from './login-back.js';
import { townChoices } from './pages/home-region-fields.js';
import { CARE_COOKIE, contentHash, createPortalContext, safeBackPath } from './portal-context.js';
import { HomePage, type NetworkSummary } from './pages/home-page.js';
import { LoginPage } from './pages/login-page.js';
import { RegisterPage } from './pages/register-page.js';
import { privacyRoutes } from './privacy-routes.js';
import { currentNotice } from '../core/consent/privacy-notice.js';
import { loadOwnConsents } from '../core/consent/consent-view.js';
import { AccountPage, type ProfileBlock } from './pages/account-page.js';
import { accountLinksFor } from './account-links.js';
import { NotFoundPage, TextPage } from './pages/text-page.js';
import { TEXT_DOCUMENTS } from './content/text-documents.js';
import type { PortalMessageId } from './i18n/zh-CN.js';
import { setHtmlNotFound } from '../core/http/problem.js';
import { notificationsDb } from '../core/notifications/notifications-schema.js';
import { countUnread } from '../core/notifications/inbox-repository.js';
import '../core/notifications/i18n/messages.js';

const assetsDir = path.join(projectRoot, 'src', 'portal', 'assets');

/** The problem's message in the reader's language, and per-field messages. */
function describeError(request: FastifyRequest, error: unknown) {
  if (!(error instanceof AppError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const fe of error.fieldErrors ?? []) fieldErrors[fe.field] ??= coreT(request.locale, fe.messageId, fe.params);
  const messages = error.fieldErrors?.length ? Object.values(fieldErrors) : [coreT(request.locale, error.messageId, error.params)];
  return { status: error.status, messages, fieldErrors };
}

// `back`: the page that asked the visitor to log in (checked by afterLoginPath before it is used).
const backField = { back: Type.Optional(Type.String({ maxLength: 500 })) };
const loginBody = Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 256 }), ...backField }, { additionalProperties: false });
const mfaBody = Type.Object({ ticket: Type.String({ maxLength: 100 }), code: Type.String({ maxLength: 10 }), ...backField }, { additionalProperties: false });
// Optional so that forms of older pages (and clients that leave them out) still sign up; '' means not given.
const profileFields = {
  idNumber: Type.Optional(Type.String({ maxLength: 30 })), birthDate: Type.Optional(Type.String({ maxLength: 10 })),
  homeTownId: Type.Optional(Type.String({ maxLength: 20 })), homeVillageId: Type.Optional(Type.String({ maxLength: 20 })),
};
const profileBody = Type.Object({ realName: Type.String({ maxLength: 50 }), ...profileFields, profilePassword: Type.Optional(Type.String({ maxLength: 256 })),
  sensitiveConsent: Type.Optional(Type.String({ maxLength: 5 })) }, { additionalProperties: false });
// Consent boxes send '1' when ticked and nothing otherwise; the command says which ones were needed.
const box = Type.Optional(Type.String({ maxLength: 5 }));
const registerBody = Type.Object({
  username: Type.String({ maxLength: 64 }), phone: Type.String({ maxLength: 20 }),
  password: Type.String({ maxLength: 256 }), realName: Type.String({ maxLength: 50 }),
  ...profileFields,
  noticeVersion: Type.Optional(Type.String({ maxLength: 5 })), privacyConsent: box, sensitiveConsent: box,
  guardianName: Type.Optional(Type.String({ maxLength: 50 })), guardianRelation: Type.Optional(Type.String({ maxLength: 20 })),
  guardianPhone: Type.Optional(Type.String({ maxLength: 20 })), guardianConsent: box,
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

  // The privacy notice is versioned and consented to: privacy-routes.tsx.
  await app.register(privacyRoutes);
  for (const name of ['help'] as const) {
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

  /** The page to return to after login, kept in the forms; undefined when there is none worth keeping. */
  const keptBack = (back: unknown) => (afterLoginPath(back) === '/account' ? undefined : afterLoginPath(back));

  app.get('/login', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    const back = (request.query as { back?: unknown }).back;
    if (request.actor) return reply.redirect(afterLoginPath(back), 303);
    return sendPage(reply, <LoginPage ctx={await pageContext(request, reply, { forms: true })} back={keptBack(back)} />);
  });

  app.post('/login', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: loginBody } }, async (request, reply) => {
    const ctx = await pageContext(request, reply, { forms: true });
    const back = keptBack((request.body as { back?: unknown } | undefined)?.back);
    if (request.validationError) return sendPage(reply, <LoginPage ctx={ctx} back={back} errors={[coreT(request.locale, 'request.invalid')]} />, 400);
    try {
      const result = await loginWithPassword(core, requestContext(request), request.body.username, request.body.password, { userAgent: userAgent(request) });
      if (result.kind === 'mfa') return sendPage(reply, <LoginPage ctx={ctx} back={back} mfaTicket={result.ticket} />);
      if (request.sessionToken) await revokeSession(core.db, request.sessionToken);
      setSessionCookie(app, reply, result.session);
      return reply.redirect(afterLoginPath(back), 303);
    } catch (error) {
      const { status, messages } = describeError(request, error);
      return sendPage(reply, <LoginPage ctx={ctx} back={back} username={request.body.username} errors={messages} />, status);
    }
  });

  app.post('/login/mfa', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: mfaBody } }, async (request, reply) => {
    const ctx = await pageContext(request, reply, { forms: true });
    const back = keptBack((request.body as { back?: unknown } | undefined)?.back);
    if (request.validationError) return sendPage(reply, <LoginPage ctx={ctx} back={back} errors={[coreT(request.locale, 'request.invalid')]} />, 400);
    try {
      const { session } = await completeMfaLogin(core, requestContext(request), request.body.ticket, request.body.code, { userAgent: userAgent(request) });
      setSessionCookie(app, reply, session);
      return reply.redirect(afterLoginPath(back), 303);
    } catch (error) {
      const { status, messages } = describeError(request, error);
      const ticketStillValid = error instanceof AppError && error.messageId === 'auth.mfa_invalid';
      return sendPage(reply, <LoginPage ctx={ctx} back={back} errors={messages} mfaTicket={ticketStillValid ? request.body.ticket : undefined} />, status);
    }
  });

  // The towns and villages residents choose their home from; regions change rarely, 30 s is fresh enough.
  const townsCache = ttlCache(30_000, async () => townChoices(await listRegions(core.db)));

  app.get('/register', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (request.actor) return reply.redirect('/account', 303);
    return sendPage(reply, <RegisterPage ctx={await pageContext(request, reply, { forms: true })} towns={await townsCache.get()} notice={currentNotice()} />);
  });

  app.post('/register', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: registerBody } }, async (request, reply) => {
    const ctx = await pageContext(request, reply, { forms: true });
    const towns = await townsCache.get();
    const notice = currentNotice();
    if (request.validationError) return sendPage(reply, <RegisterPage ctx={ctx} towns={towns} notice={notice} errors={[coreT(request.locale, 'request.invalid')]} />, 400);
    const { username, phone, password, realName, idNumber, birthDate, homeTownId, homeVillageId } = request.body;
    const { noticeVersion, privacyConsent, sensitiveConsent, guardianName, guardianRelation, guardianPhone, guardianConsent } = request.body;
    const values = { username, phone, realName, birthDate, homeTownId, homeVillageId, guardianName, guardianRelation, guardianPhone };
    try {
      const { session } = await registerResident(core, requestContext(request), {
        username: username || undefined, phone: phone || undefined, password, realName: realName || undefined,
        idNumber: idNumber || undefined, birthDate: birthDate || undefined, homeTownId: homeTownId || undefined, homeVillageId: homeVillageId || undefined,
        consent: {
          privacyNotice: privacyConsent === '1', noticeVersion: noticeVersion ? Number(noticeVersion) : undefined, sensitivePi: sensitiveConsent === '1',
          guardian: { name: guardianName, relation: guardianRelation, phone: guardianPhone, consent: guardianConsent === '1' },
        },
      }, { userAgent: userAgent(request), channel: 'web' });
      setSessionCookie(app, reply, session);
      return reply.redirect('/account', 303);
    } catch (error) {
      const { status, messages, fieldErrors } = describeError(request, error);
      return sendPage(reply, <RegisterPage ctx={ctx} towns={towns} notice={notice} values={values} errors={messages} fieldErrors={fieldErrors} />, status);
    }
  });

  async function accountPage(request: FastifyRequest, reply: import('fastify').FastifyReply, extra: { errors?: string[]; fieldErrors?: Record<string, string>; saved?: boolean; exportError?: string; status?: number; profile?: Omit<ProfileBlock, 'view' | 'towns'>; consent?: 'accepted' | 'withdrawn' } = {}) {
    const actor = request.actor!;
    const ctx = await pageContext(request, reply);
    const roles = actor.grants.map((g) => `${ctx.t(`role.${g.role}` as PortalMessageId)} · ${g.scopeName}`);
    const unread = await countUnread(notificationsDb(core), actor.userId);
    const messages = { label: coreT(request.locale, 'notifications.page.link_label'), unreadLabel: unread > 0 ? coreT(request.locale, 'notifications.page.unread_count', { count: unread }) : null };
    const consents = { view: await loadOwnConsents(core, actor.userId), accepted: extra.consent === 'accepted', withdrawn: extra.consent === 'withdrawn' };
    const profile: ProfileBlock = { ...extra.profile, view: await loadOwnProfile(core, actor), towns: await townsCache.get(),
      sensitiveConsentGiven: consents.view.sensitiveActive };
    return sendPage(reply, <AccountPage ctx={ctx} consents={consents} errors={extra.errors} fieldErrors={extra.fieldErrors} saved={extra.saved} exportError={extra.exportError} messages={messages} profile={profile} links={accountLinksFor(actor, request.locale)}
      account={{ username: actor.username, displayName: actor.displayName, roles, staff: actor.kind === 'staff', setupRequired: actor.passwordChangeRequired }} />, extra.status ?? 200);
  }

  app.get('/account', { config: { access: 'public' }, schema: { ...hide, querystring: Type.Object({ saved: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('profile')])), consent: Type.Optional(Type.Union([Type.Literal('accepted'), Type.Literal('withdrawn')])) }) } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    return accountPage(request, reply, { saved: request.query.saved === '1', profile: { saved: request.query.saved === 'profile' }, consent: request.query.consent });
  });

  // The form's password field is `profilePassword` (the password form on the same page already has `currentPassword`).
  app.post('/account/profile', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, body: profileBody } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return accountPage(request, reply, { profile: { errors: [coreT(request.locale, 'request.invalid')] }, status: 400 });
    const { realName, idNumber, birthDate, homeTownId, homeVillageId, profilePassword, sensitiveConsent } = request.body;
    const values = { realName, birthDate, homeTownId, homeVillageId };
    try {
      await updateOwnProfile(core, { actor: request.actor, ip: request.ip, requestId: String(request.id) }, {
        realName,
        // The ID number is write-only: the form shows it masked and sends '' to keep it.
        idNumber: idNumber || undefined,
        birthDate, currentPassword: profilePassword || undefined, sensitivePiConsent: sensitiveConsent === '1',
        ...(request.actor.kind === 'resident' ? { homeTownId, homeVillageId } : {}),
      }, 'web');
      return reply.redirect('/account?saved=profile', 303);
    } catch (error) {
      if (!(await loadSessionStillValid(request))) return reply.redirect('/login', 303);
      const { status, messages, fieldErrors } = describeError(request, error);
      if (fieldErrors.currentPassword) fieldErrors.profilePassword = fieldErrors.currentPassword;
      return accountPage(request, reply, { profile: { values, errors: messages, fieldErrors }, status });
    }
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
