import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { scopePathsFor } from '../../../core/access/scope.js';
import { institutionsDb } from '../institutions/institutions-schema.js';
import { loadInScope } from '../institutions/commands/load-in-scope.js';
import { AccreditationLevelList, AccreditationLevelSchema, AccreditationSchema, AccreditationSummarySchema, LevelParams,
  RenameLevelBody, SetAccreditationBody } from './accreditation-schemas.js';
import { accreditationSummary, listLevels, loadAccreditation } from './accreditation-repository.js';
import { setAccreditation } from './set-accreditation.js';
import { renameLevel } from './rename-level.js';

/** Accreditation of the centers: levels (names configurable), each center's current level and history, the summary. */
export const accreditationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = institutionsDb(core);
  const tags = ['network'];
  const presentLevel = (l: { id: string; name_zh: string; name_en: string; rank: number }) =>
    ({ id: l.id, nameZh: l.name_zh, nameEn: l.name_en, rank: l.rank });

  app.get('/api/v1/network/accreditation/levels', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'Accreditation levels, lowest first', response: { 200: AccreditationLevelList, ...ProblemRefs(401, 403) } },
  }, async () => ({ items: (await listLevels(db)).map(presentLevel) }));

  app.patch('/api/v1/network/accreditation/levels/:id', {
    config: { access: 'network.accreditation.manage' },
    schema: { tags, summary: 'Rename a level', params: LevelParams, body: RenameLevelBody,
      response: { 200: AccreditationLevelSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    await renameLevel(core, actorContext(request), request.params.id, request.body);
    return presentLevel((await listLevels(db)).find((l) => l.id === request.params.id)!);
  });

  app.get('/api/v1/network/accreditation/summary', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'Centers in scope per accreditation level', response: { 200: AccreditationSummarySchema, ...ProblemRefs(401, 403) } },
  }, async (request) => accreditationSummary(db, scopePathsFor(actorContext(request).actor, 'network.institution.read')));

  app.get('/api/v1/network/institutions/:id/accreditation', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'A center\'s accreditation and its history', params: IdParams, response: { 200: AccreditationSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    await loadInScope(db, actorContext(request).actor, 'network.institution.read', request.params.id);
    return loadAccreditation(db, request.params.id);
  });

  app.put('/api/v1/network/institutions/:id/accreditation', {
    config: { access: 'network.accreditation.manage' },
    schema: { tags, summary: 'Set a center\'s accreditation (recorded in its history)', params: IdParams, body: SetAccreditationBody,
      response: { 200: AccreditationSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    await setAccreditation(core, actorContext(request), request.params.id, request.body);
    return loadAccreditation(db, request.params.id);
  });
};
