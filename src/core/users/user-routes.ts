import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { IdParams, ProblemRefs } from '../http/route-schemas.js';
import { pageOf, pageParams } from '../http/pagination.js';
import { scopePathsFor } from '../access/scope.js';
import { AppError, notFound } from '../http/errors.js';
import { resolveScope } from '../regions/region-repository.js';
import { countUsersByRole, listUsers } from './user-repository.js';
import { presentUsers } from './user-presenter.js';
import { loadVisibleUser } from './user-loader.js';
import { CreateUserBody, EmptyBody, ReplaceRolesBody, UpdateUserBody, UserListQuery, UserSummarySchema } from './user-schemas.js';
import { createStaffUser } from './commands/create-staff-user.js';
import { updateUser } from './commands/update-user.js';
import { replaceRoles } from './commands/replace-roles.js';
import { setUserStatus } from './commands/set-user-status.js';
import { resetPassword } from './commands/reset-password.js';
import { revealPersonalField } from './commands/reveal-personal-field.js';

export const userRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  async function present(request: Parameters<typeof actorContext>[0], id: string) {
    const { actor } = actorContext(request);
    const { row } = await loadVisibleUser(core.db, actor, id);
    const [summary] = await presentUsers(core.db, core.fieldCrypto, actor, [row], core.clock.now().toISOString());
    return summary;
  }

  app.get('/api/v1/users', {
    config: { access: 'core.user.read' },
    schema: { tags: ['users'], summary: 'Users in the caller\'s scope', querystring: UserListQuery, response: { 200: pageOf(UserSummarySchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const { actor } = actorContext(request);
    const page = pageParams(request.query);
    let regionPath: string | undefined;
    if (request.query.regionId) {
      const region = await resolveScope(core.db, 'region', request.query.regionId) ?? await resolveScope(core.db, 'city', request.query.regionId);
      if (!region) throw new AppError(400, 'user.scope_unknown');
      regionPath = region.path;
    }
    const nowIso = core.clock.now().toISOString();
    const { rows, total } = await listUsers(core.db, {
      scopePaths: scopePathsFor(actor, 'core.user.read'), q: request.query.q, role: request.query.role,
      status: request.query.status, regionPath, nowIso,
    }, page);
    return { items: await presentUsers(core.db, core.fieldCrypto, actor, rows, nowIso), total, page: page.page, pageSize: page.pageSize };
  });

  app.get('/api/v1/users/stats', {
    config: { access: 'core.user.read' },
    schema: { tags: ['users'], summary: 'Users per role in the caller\'s scope', response: { 200: Type.Object({ byRole: Type.Array(Type.Object({ role: Type.String(), count: Type.Integer() })) }), ...ProblemRefs(401, 403) } },
  }, async (request) => {
    const rows = await countUsersByRole(core.db, scopePathsFor(actorContext(request).actor, 'core.user.read'));
    return { byRole: rows.map((r) => ({ role: r.role, count: Number(r.count) })) };
  });

  app.post('/api/v1/users', {
    config: { access: 'core.user.create' },
    schema: { tags: ['users'], summary: 'Create a staff user with roles and scopes', body: CreateUserBody, response: { 201: Type.Object({ user: UserSummarySchema, initialPassword: Type.String() }), ...ProblemRefs(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const { userId, initialPassword } = await createStaffUser(core, actorContext(request), request.body);
    const user = await present(request, userId).catch(() => { throw notFound('user.not_found'); });
    return reply.code(201).send({ user, initialPassword });
  });

  app.get('/api/v1/users/:id', {
    config: { access: 'core.user.read' },
    schema: { tags: ['users'], params: IdParams, response: { 200: UserSummarySchema, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => present(request, request.params.id));

  app.patch('/api/v1/users/:id', {
    config: { access: 'core.user.update' },
    schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: UserSummarySchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updateUser(core, actorContext(request), request.params.id, request.body);
    return present(request, request.params.id);
  });

  app.put('/api/v1/users/:id/roles', {
    config: { access: 'core.user.assign_roles' },
    schema: { tags: ['users'], params: IdParams, body: ReplaceRolesBody, response: { 200: UserSummarySchema, ...ProblemRefs(400, 401, 403, 404) } },
  }, async (request) => {
    await replaceRoles(core, actorContext(request), request.params.id, request.body.roles);
    return present(request, request.params.id);
  });

  for (const [path, status] of [['disable', 'disabled'], ['enable', 'active']] as const) {
    app.post(`/api/v1/users/:id/${path}`, {
      config: { access: 'core.user.update' },
      schema: { tags: ['users'], params: IdParams, body: EmptyBody, response: { 200: UserSummarySchema, ...ProblemRefs(401, 403, 404) } },
    }, async (request) => {
      await setUserStatus(core, actorContext(request), request.params.id, status);
      return present(request, request.params.id);
    });
  }

  app.post('/api/v1/users/:id/reset-password', {
    config: { access: 'core.user.update' },
    schema: { tags: ['users'], params: IdParams, body: EmptyBody, response: { 200: Type.Object({ temporaryPassword: Type.String() }), ...ProblemRefs(401, 403, 404) } },
  }, async (request) => resetPassword(core, actorContext(request), request.params.id));

  app.post('/api/v1/users/:id/reveal', {
    config: { access: 'core.user.reveal_pii', revealsPersonalData: true },
    schema: {
      tags: ['users'], summary: 'Show one personal field unmasked (audited)', params: IdParams,
      body: Type.Object({ field: Type.Union([Type.Literal('phone'), Type.Literal('idNumber')]) }, { additionalProperties: false }),
      response: { 200: Type.Object({ value: Type.Union([Type.String(), Type.Null()]) }), ...ProblemRefs(400, 401, 403, 404) },
    },
  }, async (request) => revealPersonalField(core, actorContext(request), request.params.id, request.body.field));
};
