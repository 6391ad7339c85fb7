import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { h } from '../../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../../portal/portal-context.js';
import { IdParams } from '../../../../core/http/route-schemas.js';
import { contentDb } from '../../content-schema.js';
import { contentVersion } from '../../content-version.js';
import { jobsT } from '../i18n/jobs-i18n.js';
import { isExpired, shanghaiToday } from '../job-fields.js';
import { findPublishedJob, listOpenJobs, listTowns } from '../job-repository.js';
import { JobListPage, type TownLink } from './job-list-page.js';
import { jobListPageHref } from './job-pager.js';
import { JobPage } from './job-page.js';

export const JOBS_PAGE_SIZE = 20;

const PageParam = Type.Integer({ minimum: 1, maximum: 100_000 });
const TownId = Type.String({ pattern: '^\\d{12}$' });

/**
 * The portal's 招聘大全: `/jobs`, `/jobs/page/<n>`, `/jobs/town/<townId>`, `/jobs/town/<townId>/page/<n>` and
 * `/jobs/<id>`. Every listing page has its own stable path; a page past the end redirects to the last one.
 */
export const jobPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = contentDb(core);
  const { sendPublicPage } = createPortalContext(app, portalAssetVersion());
  const hide = { hide: true };

  /** Cached pages are valid while the content and the day (postings expire at midnight) stay the same. */
  const stamp = async () => `${await contentVersion(core)}|${shanghaiToday(core.clock.now())}`;

  async function listing(request: FastifyRequest, reply: FastifyReply, townId: string | null, page: number) {
    let town: (TownLink & { path: string }) | null = null;
    const towns = await listTowns(db);
    if (townId) {
      town = towns.find((tw) => tw.id === townId) ?? null;
      if (!town) return reply.callNotFound();
    }
    const base = town ? `/jobs/town/${town.id}` : '/jobs';
    const today = shanghaiToday(core.clock.now());
    const { rows, total } = await listOpenJobs(db, { today, townPath: town?.path }, { page, pageSize: JOBS_PAGE_SIZE, offset: (page - 1) * JOBS_PAGE_SIZE });
    const pages = Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE));
    if (page > pages) return reply.redirect(jobListPageHref(base, pages), 302);
    return sendPublicPage(request, reply, (ctx) => (
      <JobListPage ctx={ctx} t={jobsT(ctx.locale)} jobs={rows} towns={towns} town={town} page={page} pages={pages} total={total} base={base} />
    ), { stamp: await stamp() });
  }

  app.get('/jobs', { config: { access: 'public' }, schema: hide }, (request, reply) => listing(request, reply, null, 1));

  app.get('/jobs/page/:n', { config: { access: 'public' }, schema: { ...hide, params: Type.Object({ n: PageParam }) } }, (request, reply) =>
    request.params.n === 1 ? reply.redirect('/jobs', 301) : listing(request, reply, null, request.params.n));

  app.get('/jobs/town/:townId', { config: { access: 'public' }, schema: { ...hide, params: Type.Object({ townId: TownId }) } }, (request, reply) =>
    listing(request, reply, request.params.townId, 1));

  app.get('/jobs/town/:townId/page/:n', {
    config: { access: 'public' }, schema: { ...hide, params: Type.Object({ townId: TownId, n: PageParam }) },
  }, (request, reply) => request.params.n === 1
    ? reply.redirect(`/jobs/town/${request.params.townId}`, 301)
    : listing(request, reply, request.params.townId, request.params.n));

  // Drafts, withdrawn and unknown postings are all "not found" to a visitor; expired ones keep their page.
  app.get('/jobs/:id', { config: { access: 'public' }, schema: { ...hide, params: IdParams } }, async (request, reply) => {
    const job = await findPublishedJob(db, request.params.id);
    if (!job) return reply.callNotFound();
    const expired = isExpired(job.valid_until, core.clock.now());
    return sendPublicPage(request, reply, (ctx) => <JobPage ctx={ctx} t={jobsT(ctx.locale)} job={job} expired={expired} />, { stamp: await stamp() });
  });
};
