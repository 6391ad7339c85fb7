import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../http/request-context.js';
import { ProblemRefs } from '../http/route-schemas.js';
import { invalidField } from '../http/errors.js';
import { appendAudit } from '../audit/audit-log.js';
import { INSTALLED_MODULES } from '../modules.js';
import { navService } from './nav-service.js';
import { DEFAULT_NAV } from '../seed/seed-base.js';

const SEEDED_IDS = new Set<string>(DEFAULT_NAV.map((n) => n.id));

const NavItem = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9-]{1,40}$' }),
  labelZh: Type.String({ minLength: 1, maxLength: 20 }),
  labelEn: Type.String({ minLength: 1, maxLength: 40 }),
  href: Type.String({ minLength: 1, maxLength: 200 }),
  sort: Type.Integer({ minimum: 0, maximum: 10_000 }),
  visible: Type.Boolean(),
}, { additionalProperties: false });
const NavItemOut = Type.Composite([NavItem, Type.Object({ module: Type.Union([Type.String(), Type.Null()]), moduleInstalled: Type.Boolean() })]);

/** Staff edit the portal navigation: labels, order, visibility, and extra site links. */
export const navRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const nav = navService(core);
  const present = async () => ({
    items: (await nav.allItems()).map((n) => ({
      id: n.id, labelZh: n.label_zh, labelEn: n.label_en, href: n.href, sort: n.sort, visible: n.visible === 1,
      module: n.module, moduleInstalled: n.module === null || INSTALLED_MODULES.has(n.module),
    })),
  });

  app.get('/api/v1/portal/nav', {
    config: { access: 'core.nav.update' },
    schema: { tags: ['portal'], summary: 'Portal navigation, hidden items included', response: { 200: Type.Object({ items: Type.Array(NavItemOut) }), ...ProblemRefs(401, 403) } },
  }, present);

  app.put('/api/v1/portal/nav', {
    config: { access: 'core.nav.update' },
    schema: {
      tags: ['portal'], summary: 'Replace the portal navigation (module sections keep their module)',
      body: Type.Object({ items: Type.Array(NavItem, { minItems: 1, maxItems: 30 }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(NavItemOut) }), ...ProblemRefs(400, 401, 403) },
    },
  }, async (request) => {
    const ctx = actorContext(request);
    const items = request.body.items;
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      // Site paths only: the navigation must not become a way to send residents elsewhere.
      if (!/^\/(?![/\\])[^\s]*$/.test(item.href)) throw invalidField(`items.${i}.href`, 'nav.href_invalid', 'format');
      if (seen.has(item.id)) throw invalidField(`items.${i}.id`, 'request.conflict_unique', 'unique', { field: 'id' });
      seen.add(item.id);
    }
    if (!items.some((item) => item.visible)) throw invalidField('items', 'nav.none_visible', 'required');
    const now = core.clock.now();
    const before = await present();
    await core.db.transaction().execute(async (trx) => {
      const existing = new Map((await trx.selectFrom('nav_items').select(['id', 'module']).execute()).map((r) => [r.id, r.module]));
      // Seeded sections (the home page, module sections) can be hidden, never lost; custom links not in the list go.
      for (const [id] of existing) if (!SEEDED_IDS.has(id) && !seen.has(id)) await trx.deleteFrom('nav_items').where('id', '=', id).execute();
      for (const id of SEEDED_IDS) if (existing.has(id) && !seen.has(id)) throw invalidField('items', 'nav.seeded_required', 'required', { id });
      for (const item of items) {
        const values = { label_zh: item.labelZh, label_en: item.labelEn, href: item.href, sort: item.sort, visible: item.visible ? 1 : 0 };
        if (existing.has(item.id)) await trx.updateTable('nav_items').set(values).where('id', '=', item.id).execute();
        else await trx.insertInto('nav_items').values({ id: item.id, module: null, ...values }).execute();
      }
      await appendAudit(trx, ctx, { action: 'portal.nav.update', targetType: 'nav', targetId: 'portal', before, after: { items } }, now);
    });
    nav.invalidate();
    return present();
  });
};
