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

  /**
   * `forms: true` for pages with an anonymous form (login, sign-up): only those set the double-submit
   * cookie, so ordinary pages stay identical for every visitor and can be cached.
   */
  async function pageContext(request: FastifyRequest, reply: FastifyReply, options: { forms?: boolean } = {}): Promise<PageContext> {
    const locale = request.locale;
    const [nav, cityName] = await Promise.all([navCache.get(), cityCache.get()]);
    let csrfToken = request.actor?.csrfToken ?? (options.forms ? request.cookies[ANON_CSRF_COOKIE] : '') ?? '';
    if (!csrfToken && options.forms) {
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

  // Anonymous visitors all get the same bytes for a page, language and mode: keep them as a Buffer for 30 s
  // (or until the navigation changes). Logged-in pages carry personal tokens and are always rendered.
  const publicPages = new Map<string, { body: Buffer; at: number; navVersion: number }>();
  async function sendPublicPage(request: FastifyRequest, reply: FastifyReply, render: (ctx: PageContext) => Promise<SafeHtml> | SafeHtml) {
    if (request.actor) return sendPage(reply, await render(await pageContext(request, reply)));
    // The key is read straight off the request, so a hit costs no rendering and no awaiting.
    const key = `${request.url.split('?')[0]}|${request.locale}|${request.cookies[CARE_COOKIE] === '1' ? 1 : 0}`;
    const navVersion = navService(app.core).version();
    const hit = publicPages.get(key);
    const now = Date.now();
    if (hit && hit.navVersion === navVersion && now - hit.at < 30_000) return reply.type('text/html; charset=utf-8').send(hit.body);
    const body = Buffer.from((await render(await pageContext(request, reply))).html);
    publicPages.set(key, { body, at: now, navVersion });
    return reply.type('text/html; charset=utf-8').send(body);
  }

  return { pageContext, sendPage, sendPublicPage, navCache, cityCache };
}

/** Only same-site relative paths are valid redirect targets (no open redirects). */
export function safeBackPath(back: unknown): string {
  // A control character (tab, newline, NUL) could be stripped by the browser into `//host`, or break the header.
  return typeof back === 'string' && /^\/(?![/\\])/.test(back) && !/[\u0000-\u001f\u007f]/.test(back) ? back : '/';
}

export function contentHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 10);
}
