import type { CoreContext } from '../context.js';
import { INSTALLED_MODULES } from '../modules.js';
import { ttlCache } from '../ttl-cache.js';

const services = new WeakMap<CoreContext, ReturnType<typeof createNavService>>();

function createNavService(core: CoreContext) {
  // Cached for 30 s: other app processes see an edit within that time; this one at once.
  const visible = ttlCache(30_000, async () =>
    (await core.db.selectFrom('nav_items').selectAll().where('visible', '=', 1).orderBy('sort').orderBy('id').execute())
      .filter((n) => n.module === null || INSTALLED_MODULES.has(n.module)));
  let version = 0;
  return {
    visibleItems: () => visible.get(),
    allItems: () => core.db.selectFrom('nav_items').selectAll().orderBy('sort').orderBy('id').execute(),
    /** Bumped on every edit, so page caches built on the navigation know to rebuild. */
    version: () => version,
    invalidate: () => {
      version += 1;
      visible.invalidate();
    },
  };
}

/** The portal navigation: items whose module is installed, in the order staff set. */
export function navService(core: CoreContext) {
  let service = services.get(core);
  if (!service) {
    service = createNavService(core);
    services.set(core, service);
  }
  return service;
}
