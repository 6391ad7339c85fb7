import type { Actor } from '../access/actor.js';
import type { Locale } from '../i18n/i18n.js';
import type { CoreContext } from '../context.js';

/**
 * `access` is required on every route (checked at start-up): 'public', 'authenticated', or a permission id.
 * `allowDuringSetup` lets a session that must still change its password or enrol MFA use the route.
 * `revealsPersonalData` marks the few audited routes whose answer is deliberately unmasked.
 */
export type RouteAccess = 'public' | 'authenticated' | (string & {});

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    allowDuringSetup?: boolean;
    revealsPersonalData?: boolean;
  }
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyInstance {
    core: CoreContext;
  }
}
export {};
