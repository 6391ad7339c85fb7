import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { pageParams } from '../../../core/http/pagination.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { enrol, type EnrolResult } from './enrol.js';
import { cancelEnrolment, confirmOffer } from './enrolment-changes.js';
import { residentCoverPaths } from './enrolment-policy.js';
import { classRoster, listProxyLinks, loadRosterClass, myEnrolments } from './enrolment-queries.js';
import { enrolmentDb } from './enrolment-schema.js';
import {
  EmptyBody, EnrolBody, EnrolResultSchema, MyEnrolmentSchema, ProxyEnrolBody, ProxyLinkBody, ProxyLinkQuery, ProxyLinkSchema,
  RosterQuery, RosterSchema,
} from './enrolment-schemas.js';
import { createProxyLink, familyEnrol, proxyEnrol, revokeProxyLink } from './proxy.js';

const BASE = '/api/v1/learning';
const tags = ['learning'];

const present = (r: EnrolResult) => ({ id: r.enrolmentId, status: r.status, ...(r.waitlistPosition === undefined ? {} : { waitlistPosition: r.waitlistPosition }) });

/** First-come enrolment, the waitlist and offers, 代办, rosters and the resident's own record. */
export const enrolmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = enrolmentDb(core);

  app.post(`${BASE}/classes/:id/enrolments`, {
    config: { access: 'learning.enrol.self' },
    schema: { tags, summary: 'Enrol in a class (first come; waitlisted when full), for oneself or an authorised relative',
      params: IdParams, body: EnrolBody, response: { 201: EnrolResultSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    const forUserId = request.body.forUserId;
    const result = forUserId && forUserId !== ctx.actor.userId
      ? await familyEnrol(core, ctx, request.params.id, forUserId)
      : await enrol(core, ctx, { classId: request.params.id, userId: ctx.actor.userId, source: 'online', actedBy: null, consent: null, audited: false });
    return reply.code(201).send(present(result));
  });

  app.post(`${BASE}/classes/:id/enrolments/proxy`, {
    config: { access: 'learning.enrolment.manage' },
    schema: { tags, summary: 'Enrol a resident on their behalf (代办), with their consent recorded',
      params: IdParams, body: ProxyEnrolBody, response: { 201: EnrolResultSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const result = await proxyEnrol(core, actorContext(request), request.params.id, request.body);
    return reply.code(201).send(present(result));
  });

  app.get(`${BASE}/classes/:id/enrolments`, {
    config: { access: 'learning.enrolment.read' },
    schema: { tags, summary: 'A class\'s roster and waitlist (teacher of the class, staff in scope)',
      params: IdParams, querystring: RosterQuery, response: { 200: RosterSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const cls = await loadRosterClass(db, actorContext(request).actor, request.params.id);
    const page = pageParams(request.query);
    const roster = await classRoster(db, core.fieldCrypto, cls.id, request.query.status, page);
    return { classId: cls.id, title: cls.title, seats: cls.seats, seatsTaken: cls.seats_taken, ...roster, page: page.page, pageSize: page.pageSize };
  });

  for (const [action, kind] of [['cancel', 'cancel'], ['decline', 'decline']] as const) {
    app.post(`${BASE}/enrolments/:id/${action}`, {
      config: { access: action === 'cancel' ? 'authenticated' : 'learning.enrol.self' },
      schema: { tags, summary: action === 'cancel' ? 'Cancel an enrolment (the resident, their proxy, or staff in scope)' : 'Decline an offered seat',
        params: IdParams, body: EmptyBody, response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403, 404, 409) } },
    }, async (request, reply) => {
      await cancelEnrolment(core, actorContext(request), request.params.id, kind);
      return reply.code(204).send(null);
    });
  }

  app.post(`${BASE}/enrolments/:id/confirm`, {
    config: { access: 'learning.enrol.self' },
    schema: { tags, summary: 'Confirm an offered seat before its deadline', params: IdParams, body: EmptyBody,
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    await confirmOffer(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get(`${BASE}/me/enrolments`, {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'The caller\'s own enrolments, with who acted for them',
      response: { 200: Type.Object({ items: Type.Array(MyEnrolmentSchema) }), ...ProblemRefs(401) } },
  }, async (request) => ({ items: await myEnrolments(db, actorContext(request).actor.userId) }));

  app.get(`${BASE}/proxy-links`, {
    config: { access: 'learning.enrolment.manage' },
    schema: { tags, summary: 'Family members authorised to enrol residents in the caller\'s regions', querystring: ProxyLinkQuery,
      response: { 200: Type.Object({ items: Type.Array(ProxyLinkSchema) }), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => ({ items: await listProxyLinks(db, residentCoverPaths(actorContext(request).actor), request.query.residentId) }));

  app.post(`${BASE}/proxy-links`, {
    config: { access: 'learning.enrolment.manage' },
    schema: { tags, summary: 'Record a resident\'s consent that a relative\'s account may enrol them', body: ProxyLinkBody,
      response: { 201: Type.Object({ id: Type.String() }), ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request, reply) => reply.code(201).send({ id: await createProxyLink(core, actorContext(request), request.body) }));

  app.post(`${BASE}/proxy-links/:id/revoke`, {
    config: { access: 'learning.enrolment.manage' },
    schema: { tags, summary: 'Revoke a family member\'s authorisation', params: IdParams, body: EmptyBody,
      response: { 204: Type.Null(), ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request, reply) => {
    await revokeProxyLink(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });
};
