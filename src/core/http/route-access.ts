import type { FastifyInstance, RouteOptions } from 'fastify';
import { isPermission } from '../access/permissions.js';
import type { RouteAccess } from './fastify-types.js';

/** Routes added by plugins we trust to serve only static, public files. */
const PLUGIN_ROUTE_PREFIXES = ['/api/docs', '/admin', '/assets/'];

export interface RegisteredRoute { method: string; url: string; access: RouteAccess; hasBody: boolean; hasQuery: boolean }

/**
 * Deny by default: a route that does not say who may call it stops the server from starting,
 * as does one naming a permission nobody registered.
 */
export function enforceRouteAccessDeclarations(app: FastifyInstance, registry: RegisteredRoute[]) {
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    const methods = ([] as string[]).concat(route.method);
    if (access === undefined) {
      if (PLUGIN_ROUTE_PREFIXES.some((p) => route.url.startsWith(p)) && methods.every((m) => m === 'GET' || m === 'HEAD')) return;
      throw new Error(`route ${methods.join(',')} ${route.url} declares no config.access`);
    }
    if (access !== 'public' && access !== 'authenticated' && !isPermission(access)) {
      throw new Error(`route ${route.url} names unknown permission ${access}`);
    }
    for (const method of methods) {
      if (method === 'HEAD') continue;
      registry.push({ method, url: route.url, access, hasBody: Boolean(route.schema?.body), hasQuery: Boolean(route.schema?.querystring) });
    }
  });
}
