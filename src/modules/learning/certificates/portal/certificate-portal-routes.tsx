import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { isInScope } from '../../../../core/access/scope.js';
import { IdParams } from '../../../../core/http/route-schemas.js';
import { requestContext } from '../../../../core/http/request-context.js';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import { qrSvg } from '../../../content/pages/qr-code.js';
import '../i18n/messages.js';
import { attendanceDb } from '../../attendance/attendance-schema.js';
import { creditDb } from '../../credits/credit-schema.js';
import { awardsOf } from '../../credits/credit-queries.js';
import { presentAward } from '../../credits/award-view.js';
import { CERTIFICATE_MANAGE } from '../certificate-commands.js';
import { certificateById, myCertificates, presentCertificate } from '../certificate-queries.js';
import { CodeParams } from '../certificate-schemas.js';
import { verifyLookup } from '../verify-lookup.js';
import { AccountCertificatesPage, CertificatePrintPage, VerifyPage } from './certificate-pages.js';

const hide = { hide: true };

/** `/account/certificates` (with the holder's credit-bank awards), `/certificates/<id>/print` (the holder, or staff managing certificates in scope) and `/verify/<code>`. */
export const certificatePortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = attendanceDb(core);
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  app.get('/account/certificates', { config: { access: 'public' }, schema: hide }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    const [certs, awards] = await Promise.all([myCertificates(db, request.actor.userId), awardsOf(creditDb(core), request.actor.userId)]);
    const items = certs.map((c) => presentCertificate(c, { masked: false }));
    return sendPage(reply, <AccountCertificatesPage ctx={await pageContext(request, reply)} items={items} awards={awards.map((a) => presentAward(a, { masked: false }))} />);
  });

  app.get('/certificates/:id/print', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: IdParams } }, async (request, reply) => {
    if (!request.actor) return reply.redirect('/login', 303);
    const cert = request.validationError ? undefined : await certificateById(db, request.params.id);
    const mayRead = cert && (cert.user_id === request.actor.userId || isInScope(request.actor, CERTIFICATE_MANAGE, cert.owner_path));
    if (!cert || !mayRead) {
      return wantsHtml(request) ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404) : sendProblem(request, reply, 404, 'learning.certificate.not_found');
    }
    const verifyUrl = `${core.config.publicBaseUrl}/verify/${cert.code}`;
    reply.header('Cache-Control', 'no-store');
    return sendPage(reply, <CertificatePrintPage locale={request.locale} c={presentCertificate(cert, { masked: false })} qrSvg={await qrSvg(verifyUrl)} verifyUrl={verifyUrl} />);
  });

  app.get('/verify/:code', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: CodeParams } }, async (request, reply) => {
    const code = request.validationError ? '' : request.params.code;
    const found = await verifyLookup(core, requestContext(request).ip, code);
    if (found === 'limited') {
      return wantsHtml(request) ? sendPage(reply, <VerifyPage ctx={await pageContext(request, reply)} found={null} limited />, 429)
        : sendProblem(request, reply, 429, 'request.rate_limited');
    }
    reply.header('Cache-Control', 'no-store');
    if (!found && !wantsHtml(request)) return sendProblem(request, reply, 404, 'learning.certificate.not_found');
    return sendPage(reply, <VerifyPage ctx={await pageContext(request, reply)} found={found} />, found ? 200 : 404);
  });
};
