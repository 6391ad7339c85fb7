import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { navService } from '../core/nav/nav-service.js';
import { ttlCache } from '../core/ttl-cache.js';
import { newToken } from '../core/ids.js';
import { ANON_CSRF_COOKIE } from '../core/http/csrf.js';
import { cityRegion } from '../core/regions/region-repository.js';
import { portalT } from './i18n/portal-i18n.js';
import type { NavLink, PageContext } from './layout.js';
import type { SafeHtml } from './jsx.js';

export const CARE_COOKIE = 'care';

/** Per-app helpers that build a page's context; navigation and the city name are cached for 30 s. */
export function createPortalContext(app: FastifyInstance, assetVersion: string) {
  const db = app.core.db;
  const navCache = { get: () => navService(app.core).visibleItems() };
  const cityCache = ttlCache(30_000, async () => (await cityRegion(db))?.name ?? '');

  async function pageContext(request: FastifyRequest, reply: FastifyReply): Promise<PageContext> {
    const locale = request.locale;
    const [nav, cityName] = await Promise.all([navCache.get(), cityCache.get()]);
    let csrfToken = request.actor?.csrfToken ?? request.cookies[ANON_CSRF_COOKIE];
    if (!csrfToken) {
      csrfToken = newToken();
      reply.setCookie(ANON_CSRF_COOKIE, csrfToken, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.core.config.secureCookies });
    }
    const path = request.url.split('?')[0];
    return {
      t: portalT(locale),
      locale,
      care: request.cookies[CARE_COOKIE] === '1',
      path,
      nav: nav.map((n): NavLink => ({ id: n.id, label: locale === 'en' ? n.label_en : n.label_zh, href: n.href })),
      cityName,
      user: request.actor ? { displayName: request.actor.displayName, kind: request.actor.kind } : null,
      csrfToken,
      assetVersion,
    };
  }

  function sendPage(reply: FastifyReply, page: SafeHtml, status = 200) {
    return reply.code(status).type('text/html; charset=utf-8').send(page.html);
  }

  return { pageContext, sendPage, navCache, cityCache };
}

/** Only same-site relative paths are valid redirect targets (no open redirects). */
export function safeBackPath(back: unknown): string {
  // A control character (tab, newline, NUL) could be stripped by the browser into `//host`, or break the header.
  return typeof back === 'string' && /^\/(?![/\\])/.test(back) && !/[\u0000-\u001f\u007f]/.test(back) ? back : '/';
}

export function contentHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 10);
}
