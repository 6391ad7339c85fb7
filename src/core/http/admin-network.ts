import type { FastifyInstance, FastifyRequest } from 'fastify';
import { rolesWith } from '../access/permissions.js';
import { forbidden } from './errors.js';
import { networkMatcher, parseCidr, type Cidr } from './ip-networks.js';
import './ops-messages.js';

/**
 * A staff request: the back office's pages and files (/admin), or a route whose permission no resident holds.
 * Public pages and resident routes ('authenticated', a resident's own permission) are not staff requests.
 */
export function isStaffRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0];
  if (path === '/admin' || path.startsWith('/admin/')) return true;
  const access = request.routeOptions.config?.access;
  return access !== undefined && access !== 'public' && access !== 'authenticated' && !rolesWith(access).has('resident');
}

/**
 * T7 (管理终端): with ADMIN_ALLOWED_NETWORKS set, staff requests from any other address get 403 before the session is
 * even read. The address is Fastify's `request.ip`, so X-Forwarded-For counts only from a configured trusted proxy.
 */
export function registerAdminNetworkGuard(app: FastifyInstance, networks: string[] | null) {
  if (networks === null) return;
  const allowed = networkMatcher(networks.map((n) => parseCidr(n)).filter((n): n is Cidr => n !== null));
  app.addHook('onRequest', async (request) => {
    if (isStaffRequest(request) && !allowed(request.ip)) throw forbidden('auth.network_not_allowed');
  });
}
