import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext, requestContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { AppError } from '../../../core/http/errors.js';
import { alertOnPublishedResultChange } from '../../../core/alerts/published-change-alert.js';
import './i18n/messages.js';
import { attendanceDb } from '../attendance/attendance-schema.js';
import { CERTIFICATE_MANAGE, classForManager, recordAssessments, revokeCertificate } from './certificate-commands.js';
import { certificateById, classCertificates, myCertificates, presentCertificate } from './certificate-queries.js';
import { runCompletion } from './completion.js';
import { AssessmentsBody, CertificateSchema, CodeParams, CompletionSchema, RevokeBody, VerifiedSchema } from './certificate-schemas.js';
import { verifyLookup } from './verify-lookup.js';

/** Completion runs, assessments, certificate lists and revocation for staff; the holder's list; public verification. */
export const certificateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = attendanceDb(core);
  const tags = ['learning'];
  const base = '/api/v1/learning';
  const list = Type.Object({ items: Type.Array(CertificateSchema) });

  app.post(`${base}/classes/:id/completion`, {
    config: { access: CERTIFICATE_MANAGE },
    schema: { tags, summary: 'Complete the class after its last session: residents meeting its rule get a certificate (running again issues nothing new)', params: IdParams, response: { 200: CompletionSchema, ...ProblemRefs(401, 403, 404, 409) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await classForManager(core, ctx.actor, request.params.id);
    return runCompletion(core, request.params.id, ctx);
  });

  app.put(`${base}/classes/:id/assessments`, {
    config: { access: CERTIFICATE_MANAGE },
    schema: { tags, summary: 'Record pass/fail of the final assessment per enrolment (classes completed by assessment)', params: IdParams, body: AssessmentsBody, response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await recordAssessments(core, actorContext(request), request.params.id, request.body.items);
    return reply.code(204).send(null);
  });

  app.get(`${base}/classes/:id/certificates`, {
    config: { access: CERTIFICATE_MANAGE },
    schema: { tags, summary: 'The certificates issued for a class', params: IdParams, response: { 200: list, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    await classForManager(core, actorContext(request).actor, request.params.id);
    return { items: (await classCertificates(db, request.params.id)).map((c) => presentCertificate(c, { masked: false })) };
  });

  app.post(`${base}/certificates/:id/revoke`, {
    config: { access: CERTIFICATE_MANAGE },
    schema: { tags, summary: 'Revoke a certificate (its verify page then says revoked)', params: IdParams, body: RevokeBody, response: { 200: CertificateSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await revokeCertificate(core, actorContext(request), request.params.id, request.body.reason.trim());
    await alertOnPublishedResultChange(core, actorContext(request), { type: 'learning_certificate', id: request.params.id, change: 'revoked' });
    const cert = await certificateById(db, request.params.id);
    if (!cert) throw new AppError(404, 'learning.certificate.not_found');
    return presentCertificate(cert, { masked: false });
  });

  app.get(`${base}/me/certificates`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The caller\'s own certificates', response: { 200: list, ...ProblemRefs(401) } },
  }, async (request) => ({ items: (await myCertificates(db, actorContext(request).actor.userId)).map((c) => presentCertificate(c, { masked: false })) }));

  app.get(`${base}/certificates/verify/:code`, {
    config: { access: 'public' },
    schema: { tags, summary: 'Verify a class certificate or a credit-bank award by its code (name masked; `kind` says which); unknown codes 404, at most 20 look-ups a minute per address', params: CodeParams, response: { 200: VerifiedSchema, ...ProblemRefs(404, 429) } },
  }, async (request) => {
    const found = await verifyLookup(core, requestContext(request).ip, request.params.code);
    if (found === 'limited') throw new AppError(429, 'request.rate_limited');
    if (!found) throw new AppError(404, 'learning.certificate.not_found');
    return found;
  });
};
