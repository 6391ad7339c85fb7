import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope, scopePathsFor } from '../../../core/access/scope.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { invalidField, notFound } from '../../../core/http/errors.js';
import { isCalendarDate, shanghaiDate } from './gap-rules.js';
import { buildGapReport, presentIndicator, presentValue } from './gap-report.js';
import { buildGapMatrix } from './gap-matrix.js';
import { currentValuesOf, findNetworkInstitution, findTown, listIndicators } from './standards-repository.js';
import { standardsDb } from './standards-schema.js';
import { recordIndicatorValues } from './record-indicator-values.js';
import { evidenceNames } from '../media/media-repository.js';
import { mediaDb } from '../media/media-schema.js';
import {
  GapMatrixQuery, GapMatrixResponse, GapReportQuery, GapReportResponse, InstitutionIndicatorsResponse, PutIndicatorsBody,
} from './standards-schemas.js';

/** An institution's indicator values, its gap report (查漏补缺) and the gap matrix, all scoped like the registry. */
export const gapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = standardsDb(core);
  const tags = ['network'];

  /** A network institution the actor may act on with this permission; outside scope looks like missing. */
  async function institutionInScope(actor: Actor, permission: string, id: string) {
    const institution = await findNetworkInstitution(db, id);
    if (!institution || !isInScope(actor, permission, institution.path)) throw notFound('network.institution.not_found');
    return institution;
  }

  async function presentValues(institutionId: string) {
    const [indicators, values] = await Promise.all([listIndicators(db), currentValuesOf(db, institutionId)]);
    const byCode = new Map(values.map((v) => [v.indicator_code, v]));
    const fileNames = await evidenceNames(mediaDb(core), institutionId, values.flatMap((v) => v.evidence_file_id ?? []));
    return {
      institutionId,
      items: indicators.map((ind) => {
        const v = byCode.get(ind.code);
        return {
          ...presentIndicator(ind),
          value: v ? presentValue(ind, Number(v.value)) : null,
          evidenceNote: v?.evidence_note ?? '', evidenceFileId: v?.evidence_file_id ?? null,
          evidenceFileName: v?.evidence_file_id ? fileNames.get(v.evidence_file_id) ?? null : null,
          recordedAt: v?.recorded_at ?? null, version: v ? Number(v.version) : 0,
        };
      }),
    };
  }

  app.get('/api/v1/network/institutions/:id/indicators', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'The institution\'s current indicator values with evidence', params: IdParams, response: { 200: InstitutionIndicatorsResponse, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    const institution = await institutionInScope(actorContext(request).actor, 'network.institution.read', request.params.id);
    return presentValues(institution.id);
  });

  app.put('/api/v1/network/institutions/:id/indicators', {
    config: { access: 'network.indicator.record' },
    schema: { tags, summary: 'Record indicator values (all or nothing; a stale version gets 409)', params: IdParams, body: PutIndicatorsBody, response: { 200: InstitutionIndicatorsResponse, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await recordIndicatorValues(core, actorContext(request), request.params.id, request.body.values);
    return presentValues(request.params.id);
  });

  app.get('/api/v1/network/institutions/:id/gaps', {
    config: { access: 'network.standard.read' },
    schema: { tags, summary: 'Gap report: each indicator against the current and the next level, as of a date (default today)', params: IdParams, querystring: GapReportQuery, response: { 200: GapReportResponse, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const institution = await institutionInScope(actor, 'network.standard.read', request.params.id);
    const today = shanghaiDate(core.clock.now());
    const date = request.query.date ?? today;
    if (!isCalendarDate(date)) throw invalidField('date', 'network.gap.bad_date', 'format');
    if (date > today) throw invalidField('date', 'network.gap.future_date', 'future');
    return buildGapReport(db, institution, date, today);
  });

  app.get('/api/v1/network/gap-matrix', {
    config: { access: 'network.standard.read' },
    schema: { tags, summary: 'Every network institution in scope × every indicator: met / short / missing', querystring: GapMatrixQuery, response: { 200: GapMatrixResponse, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    let townPath: string | undefined;
    if (request.query.town) {
      const town = await findTown(db, request.query.town);
      if (!town) throw invalidField('town', 'network.gap.unknown_town', 'unknown');
      townPath = town.path;
    }
    // The town filter narrows the caller's scope, never widens it: another town's rows stay out.
    return buildGapMatrix(db, { scopePaths: scopePathsFor(actor, 'network.standard.read'), tier: request.query.tier, townPath },
      shanghaiDate(core.clock.now()));
  });
};
