import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { loginHref } from '../../../../portal/login-back.js';
import { IdParams } from '../../../../core/http/route-schemas.js';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import { qrSvg } from '../../../content/pages/qr-code.js';
import '../i18n/messages.js';
import { creditDb } from '../credit-schema.js';
import { awardById, presentAward } from '../award-view.js';
import { AwardPrintPage } from './award-pages.js';

/**
 * `/awards/<id>/print`: a credit-bank award on A4 for its holder only — anyone else (another resident, staff) gets the
 * site's 404, the same as for an id that does not exist. The QR code carries the public `/verify/<code>`.
 */
export const awardPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = creditDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  app.get('/awards/:id/print', { config: { access: 'public' }, attachValidation: true, schema: { hide: true, params: IdParams } }, async (request, reply) => {
    if (!request.actor) return reply.redirect(loginHref(request.url), 303);
    const award = request.validationError ? undefined : await awardById(db, request.params.id);
    if (!award || award.user_id !== request.actor.userId) {
      return wantsHtml(request) ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404) : sendProblem(request, reply, 404, 'learning.credit.award.not_found');
    }
    const verifyUrl = `${core.config.publicBaseUrl}/verify/${award.code}`;
    reply.header('Cache-Control', 'private, no-store');
    return sendPage(reply, <AwardPrintPage locale={request.locale} a={presentAward(award, { masked: false })} qrSvg={await qrSvg(verifyUrl)} verifyUrl={verifyUrl} />);
  });
};
