import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { invalidField } from '../http/errors.js';
import { STAFF_ROLES, type Role } from '../access/roles.js';
import { appendAudit } from '../audit/audit-log.js';
import { forgetMfaRoleSettings } from '../auth/sessions.js';

const SecuritySettings = Type.Object({ mfaRequiredRoles: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }) }, { additionalProperties: false });

export const settingsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const read = async () => ({
    mfaRequiredRoles: (await core.db.selectFrom('role_settings').select('role').where('mfa_required', '=', 1).orderBy('role').execute()).map((r) => r.role),
  });

  app.get('/api/v1/settings/security', {
    config: { access: 'core.settings.update' },
    schema: { tags: ['settings'], summary: 'Roles for which two-step login is mandatory', response: { 200: SecuritySettings, ...ProblemRefs(401, 403) } },
  }, read);

  app.put('/api/v1/settings/security', {
    config: { access: 'core.settings.update' },
    schema: { tags: ['settings'], body: SecuritySettings, response: { 200: SecuritySettings, ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const wanted = [...new Set(request.body.mfaRequiredRoles)];
    for (const [i, role] of wanted.entries()) {
      if (!STAFF_ROLES.includes(role as Role)) throw invalidField(`mfaRequiredRoles.${i}`, 'settings.unknown_role', 'enum', { role });
    }
    const ctx = actorContext(request);
    const now = core.clock.now();
    const before = await read();
    await core.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('role_settings').execute();
      for (const role of STAFF_ROLES) {
        await trx.insertInto('role_settings').values({ role, mfa_required: wanted.includes(role) ? 1 : 0 }).execute();
      }
      await appendAudit(trx, ctx, { action: 'settings.security.update', targetType: 'settings', targetId: 'security', before, after: { mfaRequiredRoles: wanted } }, now);
    });
    forgetMfaRoleSettings(core.db);
    return read();
  });
};
