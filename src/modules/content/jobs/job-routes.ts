import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { pageOf, pageParams } from '../../../core/http/pagination.js';
import { invalidField } from '../../../core/http/errors.js';
import { contentDb } from '../content-schema.js';
import { shanghaiToday } from './job-fields.js';
import { JOB_PERMISSION, jobScopePaths } from './job-policy.js';
import { listJobsInScope } from './job-repository.js';
import { presentJobs } from './job-presenter.js';
import { CreateJobBody, EmptyBody, JobListQuery, JobSchema, UpdateJobBody } from './job-schemas.js';
import { createJob } from './commands/create-job.js';
import { updateJob } from './commands/update-job.js';
import { publishJob } from './commands/publish-job.js';
import { withdrawJob } from './commands/withdraw-job.js';
import { loadManageableJob } from './commands/load-job.js';

/** /api/v1/content/jobs: job postings in the caller's scope (back office and partner employers). */
export const jobRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = contentDb(core);
  const tags = ['content: jobs'];

  async function present(request: FastifyRequest, id: string) {
    const { actor } = actorContext(request);
    const row = await loadManageableJob(db, actor, id);
    const [view] = await presentJobs(db, actor, [row], core.clock.now());
    return view;
  }

  app.get('/api/v1/content/jobs', {
    config: { access: JOB_PERMISSION },
    schema: { tags, summary: 'Job postings owned within the caller\'s scope', querystring: JobListQuery, response: { 200: pageOf(JobSchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const page = pageParams(request.query);
    const now = core.clock.now();
    let regionPath: string | undefined;
    if (request.query.regionId) {
      const region = await db.selectFrom('regions').select('path').where('id', '=', request.query.regionId).executeTakeFirst();
      if (!region) throw invalidField('regionId', 'content.job.region_unknown', 'unknown');
      regionPath = region.path;
    }
    const { rows, total } = await listJobsInScope(db, {
      scopePaths: jobScopePaths(actor), today: shanghaiToday(now), q: request.query.q, status: request.query.status,
      regionPath, expired: request.query.expired,
    }, page);
    return { items: await presentJobs(db, actor, rows, now), total, page: page.page, pageSize: page.pageSize };
  });

  app.post('/api/v1/content/jobs', {
    config: { access: JOB_PERMISSION },
    schema: { tags, summary: 'Create a draft job posting', body: CreateJobBody, response: { 201: JobSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const id = await createJob(core, actorContext(request), request.body);
    return reply.code(201).send(await present(request, id));
  });

  app.get('/api/v1/content/jobs/:id', {
    config: { access: JOB_PERMISSION },
    schema: { tags, params: IdParams, response: { 200: JobSchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => present(request, request.params.id));

  app.patch('/api/v1/content/jobs/:id', {
    config: { access: JOB_PERMISSION },
    schema: { tags, summary: 'Save changes (a published posting stays published)', params: IdParams, body: UpdateJobBody, response: { 200: JobSchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    await updateJob(core, actorContext(request), request.params.id, request.body);
    return present(request, request.params.id);
  });

  app.post('/api/v1/content/jobs/:id/publish', {
    config: { access: JOB_PERMISSION },
    schema: { tags, summary: 'Publish on the portal', params: IdParams, body: EmptyBody, response: { 200: JobSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await publishJob(core, actorContext(request), request.params.id);
    return present(request, request.params.id);
  });

  app.post('/api/v1/content/jobs/:id/withdraw', {
    config: { access: JOB_PERMISSION },
    schema: { tags, summary: 'Take off the portal', params: IdParams, body: EmptyBody, response: { 200: JobSchema, ...ProblemRefs(401, 403, 404, 409) } },
  }, async (request) => {
    await withdrawJob(core, actorContext(request), request.params.id);
    return present(request, request.params.id);
  });
};
