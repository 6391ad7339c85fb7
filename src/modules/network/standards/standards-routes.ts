import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { notFound } from '../../../core/http/errors.js';
import { shanghaiDate, standardInForce } from './gap-rules.js';
import { presentIndicator } from './gap-report.js';
import { findStandard, listIndicators, listStandardVersions, standardVersionsEffectiveBy, thresholdsOf } from './standards-repository.js';
import { standardsDb, type StandardsTable } from './standards-schema.js';
import { createStandardVersion } from './create-standard-version.js';
import {
  CreateStandardBody, IndicatorListResponse, StandardDetail, StandardListQuery, StandardListResponse,
} from './standards-schemas.js';

/** The indicator catalogue and the versioned standards: staff in the network read them, the city admin adds versions. */
export const standardsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = standardsDb(core);
  const tags = ['network'];

  /** Which versions are in force today, so a list can mark them. */
  async function inForceIds(): Promise<Set<string>> {
    const today = shanghaiDate(core.clock.now());
    const versions = await standardVersionsEffectiveBy(db, today);
    const ids = new Set<string>();
    for (const v of versions) {
      const current = standardInForce(versions, v.tier, v.level_id, today);
      if (current) ids.add(current.id);
    }
    return ids;
  }
  const present = (s: StandardsTable, inForce: Set<string>) => ({
    id: s.id, tier: s.tier, levelId: s.level_id, version: Number(s.version), effectiveFrom: s.effective_from,
    note: s.note, createdAt: s.created_at, inForce: inForce.has(s.id),
  });
  async function presentDetail(id: string) {
    const s = await findStandard(db, id);
    if (!s) throw notFound('network.standard.not_found');
    const thresholds = await thresholdsOf(db, [id]);
    return {
      ...present(s, await inForceIds()),
      thresholds: thresholds.map((t) => ({
        code: t.indicator_code,
        threshold: t.threshold === null ? null : Number(t.threshold),
        required: t.required === null ? null : Number(t.required) === 1,
      })),
    };
  }

  app.get('/api/v1/network/indicators', {
    config: { access: 'network.standard.read' },
    schema: { tags, summary: 'The indicator catalogue (unit, number or yes/no)', response: { 200: IndicatorListResponse, ...ProblemRefs(401, 403) } },
  }, async () => ({ items: (await listIndicators(db)).map(presentIndicator) }));

  app.get('/api/v1/network/standards', {
    config: { access: 'network.standard.read' },
    schema: { tags, summary: 'Every version of the standards, newest first per tier and level', querystring: StandardListQuery, response: { 200: StandardListResponse, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const inForce = await inForceIds();
    return { items: (await listStandardVersions(db, request.query)).map((s) => present(s, inForce)) };
  });

  app.get('/api/v1/network/standards/:id', {
    config: { access: 'network.standard.read' },
    schema: { tags, summary: 'One standard version with its thresholds', params: IdParams, response: { 200: StandardDetail, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => presentDetail(request.params.id));

  app.post('/api/v1/network/standards', {
    config: { access: 'network.standard.manage' },
    schema: { tags, summary: 'Create the next version of a tier and level\'s standard (old versions stay as they were)', body: CreateStandardBody, response: { 201: StandardDetail, ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const id = await createStandardVersion(core, actorContext(request), request.body);
    return reply.code(201).send(await presentDetail(id));
  });
};
