import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { notFound } from '../http/errors.js';
import { cityRegion } from '../regions/region-repository.js';
import { acceptNotice } from './commands/accept-notice.js';
import { withdrawSensitiveConsent } from './commands/withdraw-sensitive.js';
import { loadOwnConsents } from './consent-view.js';
import { allNotices, currentNotice, noticeByVersion, noticeText } from './privacy-notice.js';
import './own-data.js';
import './i18n/messages.js';

const Purpose = Type.Union([Type.Literal('privacy_notice'), Type.Literal('sensitive_pi'), Type.Literal('guardian')]);
const Channel = Type.Union([Type.Literal('web'), Type.Literal('api'), Type.Literal('staff_proxy'), Type.Literal('demo')]);
const Relation = Type.Union([Type.Literal('father'), Type.Literal('mother'), Type.Literal('grandparent'), Type.Literal('other')]);

const NoticeSchema = Type.Object({
  version: Type.Integer(), effectiveOn: Type.String(), current: Type.Boolean(), title: Type.String(),
  sections: Type.Array(Type.Object({ heading: Type.String(), paragraphs: Type.Array(Type.String()) })),
  versions: Type.Array(Type.Object({ version: Type.Integer(), effectiveOn: Type.String() })),
});

const OwnConsentsSchema = Type.Object({
  consents: Type.Array(Type.Object({
    id: Type.String(), purpose: Purpose, noticeVersion: Type.Integer(), channel: Channel, givenAt: Type.String(), withdrawnAt: Type.Union([Type.String(), Type.Null()]),
  })),
  currentNoticeVersion: Type.Integer(),
  noticePending: Type.Boolean(),
  sensitiveActive: Type.Boolean(),
  minor: Type.Union([Type.Object({ until: Type.String(), guardianName: Type.String({ description: 'masked' }), relation: Relation }), Type.Null()]),
});

/** The privacy notice for apps, and a person's own consents: read them, accept a new notice, withdraw the ID-number consent. */
export const consentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  app.get('/api/v1/privacy/notice', {
    config: { access: 'public' },
    schema: {
      tags: ['privacy'], summary: 'The privacy notice in force, or an earlier version (?version=N), in the reader\'s language',
      querystring: Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) }, { additionalProperties: false }),
      response: { 200: NoticeSchema, ...ProblemRefs(400, 404) },
    },
  }, async (request) => {
    const notice = request.query.version === undefined ? currentNotice() : noticeByVersion(request.query.version);
    if (!notice) throw notFound('consent.notice_unknown');
    const text = noticeText(notice, request.locale, (await cityRegion(core.db))?.name ?? '');
    return {
      version: notice.version, effectiveOn: notice.effectiveOn, current: notice.version === currentNotice().version, ...text,
      versions: allNotices().map((n) => ({ version: n.version, effectiveOn: n.effectiveOn })),
    };
  });

  app.get('/api/v1/auth/consents', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'My consents, whether a new privacy notice awaits acceptance, and the minor flag', response: { 200: OwnConsentsSchema, ...ProblemRefs(401, 403) } },
  }, async (request) => loadOwnConsents(core, actorContext(request).actor.userId));

  app.post('/api/v1/auth/consents/notice', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'], summary: 'Accept the privacy notice in force (the version read)',
      body: Type.Object({ version: Type.Integer({ minimum: 1, maximum: 10000 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ recorded: Type.Boolean(), version: Type.Integer() }), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request) => acceptNotice(core, actorContext(request), request.body.version, 'api'));

  app.post('/api/v1/auth/consents/sensitive-pi/withdraw', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['auth'], summary: 'Withdraw the separate consent to my ID number: the number is erased',
      body: Type.Optional(Type.Object({}, { additionalProperties: false })),
      response: { 204: Type.Null(), ...ProblemRefs(401, 403, 409) },
    },
  }, async (request, reply) => {
    await withdrawSensitiveConsent(core, actorContext(request));
    return reply.code(204).send(null);
  });
};
