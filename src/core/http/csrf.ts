import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { forbidden } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const ANON_CSRF_COOKIE = 'lc_csrf';

function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host !== request.headers.host;
    } catch {
      return true;
    }
  }
  return origin === 'null';
}

/**
 * CSRF defence for every state-changing request. With a session: the session's synchronizer token must
 * come back in `X-CSRF-Token` or the form field `_csrf`. Without one (login, sign-up): a cross-site
 * origin is refused, and an HTML form must echo the double-submit cookie.
 */
export function checkCsrf(request: FastifyRequest) {
  if (SAFE_METHODS.has(request.method)) return;
  const body = request.body as Record<string, unknown> | undefined;
  const formToken = body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : undefined;
  const headerToken = typeof request.headers['x-csrf-token'] === 'string' ? request.headers['x-csrf-token'] : undefined;
  if (body && typeof body === 'object' && '_csrf' in body) delete body._csrf;
  if (request.actor) {
    if (!sameToken(headerToken ?? formToken, request.actor.csrfToken)) throw forbidden('auth.csrf');
    return;
  }
  if (crossSite(request)) throw forbidden('auth.csrf');
  const isForm = String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
  if (isForm && !sameToken(formToken, request.cookies[ANON_CSRF_COOKIE])) throw forbidden('auth.csrf');
}
