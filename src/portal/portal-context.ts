import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { navService } from '../core/nav/nav-service.js';
import { ttlCache } from '../core/ttl-cache.js';
import { newToken } from '../core/ids.js';
import { ANON_CSRF_COOKIE } from '../core/http/csrf.js';
import { cityRegion } from '../core/regions/region-repository.js';
import { portalT } from './i18n/portal-i18n.js';
import type { NavLink, PageContext } from './layout.js';
import type { SafeHtml } from './jsx.js';
import type { CoreContext } from '../core/context.js';
import { pageCache } from './page-cache.js';

export const CARE_COOKIE = 'care';

/**
 * A block of the home page that a module supplies (the content module: latest notices, documents, jobs).
 * `version()` is part of the cached home page's key, so the page rebuilds when the module's data changes.
 */
export interface HomeSection {
  id: string;
  order: number;
  version(): Promise<number | string> | number | string;
  render(ctx: PageContext): Promise<SafeHtml> | SafeHtml;
}

// Per app (keyed by its CoreContext): a test process builds several apps, each with its own database.
const homeSectionsByCore = new WeakMap<object, HomeSection[]>();

/** Called from a module's register(): adds (or replaces, by id) a block of the home page. */
export function registerHomeSection(core: CoreContext, section: HomeSection) {
  const list = (homeSectionsByCore.get(core) ?? []).filter((s) => s.id !== section.id);
  list.push(section);
  list.sort((a, b) => a.order - b.order);
  homeSectionsByCore.set(core, list);
}

/** Bytes of rendered anonymous pages kept in memory, and for how long a page may show stale counters. */
const PAGE_CACHE_BYTES = 64 * 1024 * 1024;
export const PAGE_CACHE_TTL_MS = 30_000;

/** Per-app helpers that build a page's context; navigation and the city name are cached for 30 s. */
export function createPortalContext(app: FastifyInstance, assetVersion: string) {
  const db = app.core.db;
  const navCache = { get: () => navService(app.core).visibleItems() };
  const cityCache = ttlCache(30_000, async () => (await cityRegion(db))?.name ?? '');
  const baseUrl = app.core.config.publicBaseUrl;
  const siteDomain = new URL(baseUrl).host;

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
      baseUrl,
      siteDomain,
    };
  }

  function sendPage(reply: FastifyReply, page: SafeHtml, status = 200) {
    return reply.code(status).type('text/html; charset=utf-8').send(page.html);
  }

  // Anonymous visitors all get the same bytes for a URL, language and mode: keep them as a Buffer until the
  // navigation or the caller's stamp (e.g. the content version) changes; after 30 s the page is refreshed in the
  // background (view counts and other numbers that do not bump a version). The key is the whole URL, query
  // included (filtered listings differ by query). Logged-in pages carry personal tokens and are always rendered.
  const publicPages = pageCache(PAGE_CACHE_BYTES, PAGE_CACHE_TTL_MS);
  // One render at a time per page and stamp: under load, the requests that miss together wait for the same render.
  const rendering = new Map<string, Promise<Buffer>>();
  function renderOnce(request: FastifyRequest, reply: FastifyReply, key: string, stamp: string, render: (ctx: PageContext) => Promise<SafeHtml> | SafeHtml) {
    const flight = `${key}\n${stamp}`;
    let pending = rendering.get(flight);
    if (!pending) {
      pending = (async () => {
        const body = Buffer.from((await render(await pageContext(request, reply))).html);
        publicPages.set(key, stamp, body, Date.now());
        return body;
      })().finally(() => rendering.delete(flight));
      rendering.set(flight, pending);
    }
    return pending;
  }

  async function sendPublicPage(request: FastifyRequest, reply: FastifyReply, render: (ctx: PageContext) => Promise<SafeHtml> | SafeHtml,
    options: { stamp?: string | number; status?: number } = {}) {
    const status = options.status ?? 200;
    if (request.actor) return sendPage(reply, await render(await pageContext(request, reply)), status);
    // The key is read straight off the request, so a hit costs no rendering and no awaiting.
    const key = `${request.url}|${request.locale}|${request.cookies[CARE_COOKIE] === '1' ? 1 : 0}`;
    const stamp = `${navService(app.core).version()}|${options.stamp ?? ''}`;
    const hit = publicPages.get(key, stamp, Date.now());
    if (hit) {
      // Same data, only older than the lifetime (counters may have moved): answer with it and refresh behind.
      if (hit.stale) {
        renderOnce(request, reply, key, stamp, render).catch((error: unknown) => request.log.error({ err: error }, 'page refresh failed'));
      }
      return reply.code(status).type('text/html; charset=utf-8').send(hit.body);
    }
    return reply.code(status).type('text/html; charset=utf-8').send(await renderOnce(request, reply, key, stamp, render));
  }

  /** The home page's module blocks and the stamp that keys its cache. */
  const homeSections = () => homeSectionsByCore.get(app.core) ?? [];
  async function homeStamp(): Promise<string> {
    return (await Promise.all(homeSections().map((s) => s.version()))).join('.');
  }
  async function renderHomeSections(ctx: PageContext): Promise<SafeHtml[]> {
    return Promise.all(homeSections().map((s) => s.render(ctx)));
  }

  return { pageContext, sendPage, sendPublicPage, navCache, cityCache, homeStamp, renderHomeSections };
}

/** Only same-site relative paths are valid redirect targets (no open redirects). */
export function safeBackPath(back: unknown): string {
  // A control character (tab, newline, NUL) could be stripped by the browser into `//host`, or break the header.
  return typeof back === 'string' && /^\/(?![/\\])/.test(back) && !/[\u0000-\u001f\u007f]/.test(back) ? back : '/';
}

/** The `?v=` of the portal's CSS and JS links: a hash of both files, the same for every plugin that renders pages. */
let assetVersion: string | null = null;
export function portalAssetVersion(): string {
  if (assetVersion === null) {
    const dir = path.join(projectRoot, 'src', 'portal', 'assets');
    assetVersion = contentHash(fs.readFileSync(path.join(dir, 'portal.css'), 'utf8') + fs.readFileSync(path.join(dir, 'portal.js'), 'utf8'));
  }
  return assetVersion;
}

export function contentHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 10);
}
