import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { sendProblem, wantsHtml } from '../../../../core/http/problem.js';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { NotFoundPage } from '../../../../portal/pages/text-page.js';
import { COURSE_CATEGORIES, learningDb } from '../../learning-schema.js';
import { findClass, listSessions } from '../catalogue-repository.js';
import { renderClassPageSections } from '../class-page-sections.js';
import { shanghaiDateOf } from '../schedule.js';
import { BadClassesFilterPage, ClassesPage } from './classes-page.js';
import { ClassPage } from './class-page.js';
import { classesHref } from './classes-href.js';
import { classesStamp, listPortalClasses, portalRegions, portalTerms, type ClassesFilter } from './portal-queries.js';

const hide = { hide: true };
const RegionId = Type.String({ maxLength: 12, pattern: '^([0-9]{12})?$' });
const ClassesQuery = Type.Object({
  town: Type.Optional(RegionId),
  village: Type.Optional(RegionId),
  category: Type.Optional(Type.Union([Type.Literal(''), ...COURSE_CATEGORIES.map((c) => Type.Literal(c))])),
  day: Type.Optional(Type.String({ maxLength: 1, pattern: '^[1-7]?$' })),
  seats: Type.Optional(Type.String({ maxLength: 1, pattern: '^1?$' })),
  term: Type.Optional(Type.String({ maxLength: 64, pattern: '^[A-Za-z0-9-]*$' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
}, { additionalProperties: true });
const ClassParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) });

/**
 * The portal's class pages: `/classes` (open classes, filtered by town, village, category, day of week, free seats and
 * term) and `/classes/<id>`. Anonymous pages come from the portal cache, keyed on a stamp that moves when a class
 * opens, changes or its seats fill.
 */
export const classPortalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = learningDb(core);
  const { pageContext, sendPage, sendPublicPage } = createPortalContext(app, portalAssetVersion());

  const badFilter = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <BadClassesFilterPage ctx={await pageContext(request, reply)} />, 400)
    : sendProblem(request, reply, 400, 'request.invalid'));
  const notFoundPage = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404)
    : sendProblem(request, reply, 404, 'request.not_found'));

  app.get('/classes', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, querystring: ClassesQuery } }, async (request, reply) => {
    if (request.validationError) return badFilter(request, reply);
    const q = request.query;
    const filter: ClassesFilter = { town: q.town ?? '', village: q.village ?? '', category: q.category ?? '', day: q.day ?? '',
      seats: q.seats ?? '', term: q.term ?? '', page: q.page ?? 1 };
    const regions = await portalRegions(db);
    const town = filter.town ? regions.byId.get(filter.town) : undefined;
    const village = filter.village ? regions.byId.get(filter.village) : undefined;
    if ((filter.town && town?.level !== 'town') || (filter.village && village?.level !== 'village')) return badFilter(request, reply);
    const terms = await portalTerms(db);
    if (filter.term && !terms.some((tm) => tm.id === filter.term)) return badFilter(request, reply);
    // A village names its town: send /classes?village=x (or a village of another town) to the one address for it.
    if (village && village.parent_id !== filter.town) {
      return reply.redirect(classesHref(filter.town ? { ...filter, village: '', page: 1 } : { ...filter, town: village.parent_id ?? '', page: 1 }), 302);
    }
    return sendPublicPage(request, reply, async (ctx) => {
      const { rows, total } = await listPortalClasses(db, { ...filter, villagePath: village?.path }, shanghaiDateOf(core.clock.now()));
      const towns = regions.towns.map((r) => ({ value: r.id, label: r.name }));
      const villages = town ? regions.villagesOf(town.id).map((v) => ({ value: v.id, label: v.name }))
        : regions.towns.flatMap((tw) => regions.villagesOf(tw.id).map((v) => ({ value: v.id, label: `${tw.name} · ${v.name}` })));
      return <ClassesPage ctx={ctx} filter={filter} rows={rows} total={total} towns={towns} villages={villages}
        terms={terms.map((tm) => ({ value: tm.id, label: tm.name }))} />;
    }, { stamp: await classesStamp(db) });
  });

  app.get('/classes/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: ClassParams } }, async (request, reply) => {
    const row = request.validationError ? undefined : await findClass(db, request.params.id);
    // Drafts are the staff's work in progress: residents see classes once they open (and keep seeing them after).
    if (!row || row.status === 'draft') return notFoundPage(request, reply);
    return sendPublicPage(request, reply, async (ctx) => {
      const fresh = (await findClass(db, row.id)) ?? row;
      const sessions = await listSessions(db, row.id);
      const prerequisite = fresh.prerequisite_course_id
        ? await db.selectFrom('learning_courses').select('title').where('id', '=', fresh.prerequisite_course_id).executeTakeFirst() : undefined;
      const sections = await renderClassPageSections(core, fresh, { actor: request.actor, ctx });
      return <ClassPage ctx={ctx} row={fresh} sessions={sessions} prerequisiteTitle={prerequisite?.title ?? null} sections={sections} />;
    }, { stamp: `${row.version}|${row.seats_taken}|${row.updated_at}` });
  });
};
