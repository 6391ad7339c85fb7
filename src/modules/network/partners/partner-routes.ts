import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Actor } from '../../../core/access/actor.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { notFound } from '../../../core/http/errors.js';
import { pageOf } from '../../../core/http/pagination.js';
import type { CoreContext } from '../../../core/context.js';
import { partnerDb } from './partner-schema.js';
import { PARTNER_MANAGE, PARTNER_READ } from './partner-access.js';
import { findReadablePartner, listPartners, partnerChildren } from './partner-repository.js';
import { presentAgreement, presentContribution, presentMember, presentPartner } from './partner-presenter.js';
import { shanghaiDate } from './partner-rules.js';
import { createPartner, removePartner, updatePartner } from './partner-commands.js';
import { addAgreement, addContribution, removeAgreement, removeContribution, setInstitutionLinks } from './partner-part-commands.js';
import { committeeMembers, replaceCommittee, townFor } from './committee-commands.js';
import {
  CommitteeBody, CommitteeSchema, CreateAgreementBody, CreateContributionBody, CreatePartnerBody, InstitutionLinksBody,
  ListPartnersQuery, PartnerDetailSchema, PartnerSummarySchema, SubParams, TownParams, UpdatePartnerBody,
} from './partner-schemas.js';

async function partnerDetail(core: CoreContext, actor: Actor, id: string) {
  const db = partnerDb(core);
  const row = await findReadablePartner(db, actor, id);
  if (!row) throw notFound('network.partner.not_found');
  const parts = await partnerChildren(db, id);
  const today = shanghaiDate(core.clock.now());
  return {
    ...presentPartner(row),
    contributions: parts.contributions.map(presentContribution),
    agreements: parts.agreements.map((a) => presentAgreement(a, today)),
    institutions: parts.institutions,
  };
}

async function committee(core: CoreContext, actor: Actor, townId: string) {
  const db = partnerDb(core);
  const town = await townFor(db, actor, townId, PARTNER_READ);
  return { townId: town.id, townName: town.name, members: (await committeeMembers(db, town.id)).map(presentMember) };
}

/** Partners of the network (NGOs, employers, 驻地单位, individuals) and each town's community education committee. */
export const partnerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const tags = ['network'];
  const base = '/api/v1/network/partners';

  app.get(base, {
    config: { access: PARTNER_READ },
    schema: { tags, summary: 'Partners in the caller\'s scope (filters: town, type, name)', querystring: ListPartnersQuery, response: { 200: pageOf(PartnerSummarySchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const result = await listPartners(partnerDb(core), actor, request.query);
    return { ...result, items: result.items.map(presentPartner) };
  });

  app.get(`${base}/:id`, {
    config: { access: PARTNER_READ },
    schema: { tags, summary: 'A partner with its contributions, agreements and institutions', params: IdParams, response: { 200: PartnerDetailSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => partnerDetail(core, actorContext(request).actor, request.params.id));

  app.post(base, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Record a partner of a town', body: CreatePartnerBody, response: { 201: PartnerDetailSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    const id = await createPartner(core, ctx, request.body);
    return reply.code(201).send(await partnerDetail(core, ctx.actor, id));
  });

  app.patch(`${base}/:id`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Edit a partner (send the version you read: a stale one gets 409)', params: IdParams, body: UpdatePartnerBody, response: { 200: PartnerDetailSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await updatePartner(core, ctx, request.params.id, request.body);
    return partnerDetail(core, ctx.actor, request.params.id);
  });

  app.delete(`${base}/:id`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Remove a partner with its contributions, agreements and links', params: IdParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404) } },
  }, async (request, reply) => {
    await removePartner(core, actorContext(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.post(`${base}/:id/contributions`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Record what a partner contributes', params: IdParams, body: CreateContributionBody, response: { 201: PartnerDetailSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    await addContribution(core, ctx, request.params.id, request.body);
    return reply.code(201).send(await partnerDetail(core, ctx.actor, request.params.id));
  });

  app.delete(`${base}/:id/contributions/:subId`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Remove a contribution', params: SubParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404) } },
  }, async (request, reply) => {
    await removeContribution(core, actorContext(request), request.params.id, request.params.subId);
    return reply.code(204).send(null);
  });

  app.post(`${base}/:id/agreements`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Record an agreement with its validity dates', params: IdParams, body: CreateAgreementBody, response: { 201: PartnerDetailSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const ctx = actorContext(request);
    await addAgreement(core, ctx, request.params.id, request.body);
    return reply.code(201).send(await partnerDetail(core, ctx.actor, request.params.id));
  });

  app.delete(`${base}/:id/agreements/:subId`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Remove an agreement', params: SubParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404) } },
  }, async (request, reply) => {
    await removeAgreement(core, actorContext(request), request.params.id, request.params.subId);
    return reply.code(204).send(null);
  });

  app.put(`${base}/:id/institutions`, {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Set the institutions (of the same town) the partner works with', params: IdParams, body: InstitutionLinksBody, response: { 200: PartnerDetailSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await setInstitutionLinks(core, ctx, request.params.id, request.body.institutionIds);
    return partnerDetail(core, ctx.actor, request.params.id);
  });

  app.get('/api/v1/network/committees/:townId/members', {
    config: { access: PARTNER_READ },
    schema: { tags, summary: 'The town\'s community education committee', params: TownParams, response: { 200: CommitteeSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => committee(core, actorContext(request).actor, request.params.townId));

  app.put('/api/v1/network/committees/:townId/members', {
    config: { access: PARTNER_MANAGE },
    schema: { tags, summary: 'Replace the town\'s committee list (in order)', params: TownParams, body: CommitteeBody, response: { 200: CommitteeSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const ctx = actorContext(request);
    await replaceCommittee(core, ctx, request.params.townId, request.body);
    return committee(core, ctx.actor, request.params.townId);
  });
};
