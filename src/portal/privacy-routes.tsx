import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { h } from './jsx.js';
import { createPortalContext, portalAssetVersion, safeBackPath } from './portal-context.js';
import { AppError } from '../core/http/errors.js';
import { t as coreT } from '../core/i18n/i18n.js';
import { actorContext } from '../core/http/request-context.js';
import { allNotices, currentNotice, noticeByVersion, noticeText } from '../core/consent/privacy-notice.js';
import { acceptNotice } from '../core/consent/commands/accept-notice.js';
import { withdrawSensitiveConsent } from '../core/consent/commands/withdraw-sensitive.js';
import { PROMPT_COOKIE } from '../core/consent/privacy-prompt.js';
import { loadOwnProfile } from '../core/auth/commands/own-profile.js';
import { PrivacyPage } from './pages/privacy-page.js';
import { PrivacyUpdatePage } from './pages/privacy-update-page.js';
import { ConsentWithdrawPage } from './pages/consent-withdraw-page.js';
import { NotFoundPage } from './pages/text-page.js';

const hide = { hide: true };
const VersionField = Type.String({ maxLength: 5, pattern: '^[1-9][0-9]{0,4}$' });
const BackField = Type.Optional(Type.String({ maxLength: 500 }));

/**
 * The privacy notice (`/privacy`, earlier versions by `?version=N`), the one-time request to accept a new version,
 * and the withdrawal of the ID-number consent from the account page. Forms post back and work without JavaScript.
 */
export const privacyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const { pageContext, sendPage, sendPublicPage } = createPortalContext(app, portalAssetVersion());
  const ref = (n: { version: number; effectiveOn: string }) => ({ version: n.version, effectiveOn: n.effectiveOn });

  app.get('/privacy', {
    config: { access: 'public' },
    schema: { ...hide, querystring: Type.Object({ version: Type.Optional(VersionField) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const notice = request.query.version ? noticeByVersion(Number(request.query.version)) : currentNotice();
    if (!notice) return sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404);
    return sendPublicPage(request, reply, (ctx) => (
      <PrivacyPage ctx={ctx} notice={ref(notice)} text={noticeText(notice, ctx.locale, ctx.cityName)} current={ref(currentNotice())} versions={allNotices().map(ref)} />
    ));
  });

  async function updatePage(request: FastifyRequest, reply: FastifyReply, back: string, errors?: string[], status = 200) {
    const notice = currentNotice();
    // Shown once per version: the prompt hook leaves this browser alone from now on.
    reply.setCookie(PROMPT_COOKIE, String(notice.version), { path: '/', maxAge: 365 * 86400, sameSite: 'lax', httpOnly: true, secure: core.config.secureCookies });
    return sendPage(reply, <PrivacyUpdatePage ctx={await pageContext(request, reply)} version={notice.version} effectiveOn={notice.effectiveOn}
      changes={notice.changes[request.locale]} back={back} errors={errors} />, status);
  }

  app.get('/privacy/update', {
    config: { access: 'public' },
    schema: { ...hide, querystring: Type.Object({ back: BackField }, { additionalProperties: false }) },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/privacy', 303);
    return updatePage(request, reply, safeBackPath(request.query.back));
  });

  app.post('/privacy/accept', {
    config: { access: 'public' }, attachValidation: true,
    schema: { ...hide, body: Type.Object({ version: VersionField, back: BackField }, { additionalProperties: false }) },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login?back=%2Fprivacy', 303);
    const back = safeBackPath((request.body as { back?: unknown } | undefined)?.back);
    if (request.validationError) return updatePage(request, reply, back, [coreT(request.locale, 'request.invalid')], 400);
    try {
      await acceptNotice(core, actorContext(request), Number(request.body.version), 'web');
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = error.fieldErrors?.[0] ? coreT(request.locale, error.fieldErrors[0].messageId) : coreT(request.locale, error.messageId);
      return updatePage(request, reply, back, [message], error.status);
    }
    return reply.redirect(back === '/account#consents' || back === '/' ? '/account?consent=accepted#consents' : back, 303);
  });

  async function withdrawPage(request: FastifyRequest, reply: FastifyReply, errors?: string[], status = 200) {
    const profile = await loadOwnProfile(core, request.actor!);
    return sendPage(reply, <ConsentWithdrawPage ctx={await pageContext(request, reply)} birthDate={profile.birthDate} errors={errors} />, status);
  }

  app.get('/account/consents/withdraw', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login?back=%2Faccount%2Fconsents%2Fwithdraw', 303);
    return withdrawPage(request, reply);
  });

  app.post('/account/consents/withdraw', {
    config: { access: 'public' }, attachValidation: true,
    schema: { ...hide, body: Type.Optional(Type.Object({}, { additionalProperties: false })) },
  }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    if (request.validationError) return withdrawPage(request, reply, [coreT(request.locale, 'request.invalid')], 400);
    try {
      await withdrawSensitiveConsent(core, actorContext(request));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return withdrawPage(request, reply, [coreT(request.locale, error.messageId)], error.status);
    }
    return reply.redirect('/account?consent=withdrawn#consents', 303);
  });
};
