import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopePathsFor } from '../../../core/access/scope.js';
import { noteDataExport } from '../../../core/alerts/export-alert.js';
import { t } from '../../../core/i18n/i18n.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { sendXlsx } from '../../../core/xlsx/xlsx-reply.js';
import { attendanceDb } from '../attendance/attendance-schema.js';
import { shanghaiDateOf } from '../catalogue/schedule.js';
import { loadRosterClass } from '../enrolment/enrolment-queries.js';
import { rosterWorkbook, statsWorkbook } from './stats-export.js';
import { STATS_READ } from './stats-permissions.js';
import { learningStats } from './stats-queries.js';
import { LearningStatsSchema, StatsQuery } from './stats-schemas.js';
import './i18n/messages.js';

const BASE = '/api/v1/learning';
const tags = ['learning'];

/** A file name without characters that file systems refuse. */
const fileName = (...parts: string[]) => `${parts.join('-').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80)}.xlsx`;

/** The learning dashboard (JSON and .xlsx) over the caller's scope, and a class's roster as .xlsx. */
export const statsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = attendanceDb(core);

  const compute = (request: { query: { termId?: string; townId?: string } }, paths: string[]) =>
    learningStats(db, paths, request.query, shanghaiDateOf(core.clock.now()));

  app.get(`${BASE}/stats`, {
    config: { access: STATS_READ },
    schema: {
      tags, summary: 'Enrolments, completion, fill rate and participation by town, age group, category and institution (scope-filtered)',
      querystring: StatsQuery, response: { 200: LearningStatsSchema, ...ProblemRefs(400, 401, 403) },
    },
  }, async (request) => compute(request, scopePathsFor(actorContext(request).actor, STATS_READ)));

  app.get(`${BASE}/stats.xlsx`, {
    config: { access: STATS_READ },
    schema: { tags, summary: 'The learning dashboard\'s tables as .xlsx (same scope and filters as the JSON)', querystring: StatsQuery,
      response: { ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const stats = await compute(request, scopePathsFor(actorContext(request).actor, STATS_READ));
    const [term, town] = await Promise.all([
      stats.termId ? db.selectFrom('learning_terms').select('name').where('id', '=', stats.termId).executeTakeFirst() : undefined,
      stats.townId ? db.selectFrom('regions').select('name').where('id', '=', stats.townId).where('level', '=', 'town').executeTakeFirst() : undefined,
    ]);
    const bytes = await statsWorkbook(stats, { term: term?.name ?? null, town: town?.name ?? null }, request.locale);
    return sendXlsx(reply, bytes, fileName(t(request.locale, 'learning.stats.file.stats'), ...[town?.name, term?.name].filter((x): x is string => Boolean(x)), stats.date));
  });

  app.get(`${BASE}/classes/:id/roster.xlsx`, {
    config: { access: 'learning.enrolment.read' },
    schema: { tags, summary: 'A class\'s roster and waitlist as .xlsx, ID numbers and phones masked (teacher of the class, staff in scope)',
      params: IdParams, response: { ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request, reply) => {
    const cls = await loadRosterClass(db, actorContext(request).actor, request.params.id);
    const bytes = await rosterWorkbook(db, core.fieldCrypto, cls.id, request.locale);
    await noteDataExport(core, actorContext(request), { what: 'learning.roster', id: cls.id, rows: cls.seats_taken });
    return sendXlsx(reply, bytes, fileName(cls.title, t(request.locale, 'learning.stats.file.roster')));
  });
};
