import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { h } from '../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion } from '../../../portal/portal-context.js';
import { ttlCache } from '../../../core/ttl-cache.js';
import { sendProblem, wantsHtml } from '../../../core/http/problem.js';
import { contentDb } from '../content-schema.js';
import { OFFICIAL_DOC_TYPE_CODES } from '../official/doc-types.js';
import { searchT } from './i18n/search-i18n.js';
import { searchDb } from './search-schema.js';
import { MAX_QUERY_LENGTH, search, type SearchRequest } from './search-service.js';
import { SearchPage, type SearchOptions } from './search-page.js';
import { searchHref } from './search-href.js';

/**
 * GET /search: the portal's search page. Parameters are read leniently (a visitor edits URLs by hand):
 * unknown filter values are ignored, a page number that is not one is page 1, a page past the end
 * redirects to the last page; only a query over 100 characters is refused (400: for a browser the page with
 * the form to fix it, for other clients problem+json).
 * Results are per query and never go into the shared page cache.
 */
const PageQuery = Type.Record(Type.String({ maxLength: 32 }), Type.Union([Type.String({ maxLength: 2000 }), Type.Array(Type.String({ maxLength: 2000 }))]));

const KINDS = new Set(['article', 'official_document', 'job']);
const VALIDITIES = new Set(['valid', 'expired', 'repealed']);
const TYPES = new Set<string>(OFFICIAL_DOC_TYPE_CODES);

function one(v: string | string[] | undefined): string {
  return (Array.isArray(v) ? v[0] : v ?? '').trim();
}

export function readSearchRequest(query: Record<string, string | string[]>): { request: SearchRequest; tooLong: boolean } {
  const q = one(query.q);
  const pageText = one(query.page);
  const page = /^\d{1,4}$/.test(pageText) && Number(pageText) >= 1 ? Number(pageText) : 1;
  const kind = one(query.kind);
  const type = one(query.type);
  const validity = one(query.validity);
  const category = one(query.category);
  const organ = one(query.organ);
  const year = one(query.year);
  return {
    tooLong: q.length > MAX_QUERY_LENGTH,
    request: {
      q, page,
      kind: KINDS.has(kind) ? (kind as SearchRequest['kind']) : undefined,
      type: TYPES.has(type) ? type : undefined,
      validity: VALIDITIES.has(validity) ? validity : undefined,
      category: /^[A-Za-z0-9_-]{1,64}$/.test(category) ? category : undefined,
      organ: organ && organ.length <= 100 ? organ : undefined,
      year: /^\d{4}$/.test(year) ? Number(year) : undefined,
    },
  };
}

export const searchPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const { pageContext, sendPage } = createPortalContext(app, portalAssetVersion());

  const optionsCache = ttlCache(60_000, async () => {
    const categories = await contentDb(core).selectFrom('content_categories').select(['id', 'path', 'name_zh', 'name_en'])
      .where('visible', '=', 1).orderBy('path').execute();
    const organs = await searchDb(core).selectFrom('content_search_docs').select('organ').distinct().where('organ', 'is not', null).orderBy('organ').execute();
    const years = await searchDb(core).selectFrom('content_search_docs').select('year').distinct().where('year', 'is not', null).orderBy('year', 'desc').execute();
    return { categories, organs: organs.map((o) => o.organ!), years: years.map((y) => Number(y.year)) };
  });

  app.get('/search', { config: { access: 'public' }, schema: { hide: true, querystring: PageQuery } }, async (request, reply) => {
    const { request: sr, tooLong } = readSearchRequest(request.query);
    // Browsers get the page with the form to fix the query; other clients the platform's problem+json.
    if (tooLong && !wantsHtml(request)) {
      return sendProblem(request, reply, 400, 'content.search.query_too_long', { max: MAX_QUERY_LENGTH });
    }
    const ctx = await pageContext(request, reply);
    const t = searchT(ctx.locale);
    const cached = await optionsCache.get();
    const options: SearchOptions = {
      categories: cached.categories.map((c) => ({ id: c.id, name: ctx.locale === 'en' ? c.name_en : c.name_zh, depth: c.path.split('/').length - 3 })),
      organs: cached.organs, years: cached.years,
    };
    if (tooLong) {
      const page = <SearchPage ctx={ctx} t={t} request={{ ...sr, q: sr.q.slice(0, MAX_QUERY_LENGTH) }} result={null} options={options} error={t('search.too_long', { max: MAX_QUERY_LENGTH })} />;
      return sendPage(reply, page, 400);
    }
    const result = sr.q ? await search(core, sr) : null;
    if (result && result.pageCount > 0 && sr.page > result.pageCount) return reply.redirect(searchHref(sr, result.pageCount), 302);
    return sendPage(reply, <SearchPage ctx={ctx} t={t} request={sr} result={result} options={options} />);
  });
};
