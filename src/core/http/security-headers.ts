import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // antd writes its styles at run time; no third-party origin is allowed anywhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every response; personal data (any request with a session, all API answers) is never cached. */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean }) {
  app.addHook('onSend', async (request, reply, payload) => {
    applySecurityHeaders(request, reply, opts.hsts);
    return payload;
  });
}

const BASE_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};
const TLS_HEADERS = { ...BASE_HEADERS, 'strict-transport-security': 'max-age=31536000; includeSubDomains' };

export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply, hsts: boolean) {
  reply.headers(hsts ? TLS_HEADERS : BASE_HEADERS);
  // Marks the few audited answers that deliberately carry unmasked personal data (tests scan all others).
  if (request.routeOptions?.config?.revealsPersonalData) reply.header('x-personal-data', 'unmasked');
  if (!reply.hasHeader('cache-control') && (request.actor || request.url.startsWith('/api/v1/'))) {
    reply.header('cache-control', 'no-store');
  }
}
