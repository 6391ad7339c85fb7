import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { h } from '../../../portal/jsx.js';
import { createPortalContext, portalAssetVersion, registerHomeSection } from '../../../portal/portal-context.js';
import { NotFoundPage } from '../../../portal/pages/text-page.js';
import { portalT } from '../../../portal/i18n/portal-i18n.js';
import { cityRegion } from '../../../core/regions/region-repository.js';
import { ttlCache } from '../../../core/ttl-cache.js';
import { sendProblem, wantsHtml } from '../../../core/http/problem.js';
import { OFFICIAL_DOC_TYPE_CODES } from '../official/doc-types.js';
import { contentVersion } from '../content-version.js';
import { ArticlePage } from './article-page.js';
import { loadArticleView, type SimilarItems } from './article-view.js';
import { BadRequestPage } from './bad-request-page.js';
import { CATEGORY_PAGE_SIZE, categoryHref, CategoryPage } from './category-page.js';
import { categoryName, categoryTree } from './category-tree.js';
import { DISCLOSURE_PAGE_SIZE, disclosureHref, DisclosurePage } from './disclosure-page.js';
import { countDisclosed, disclosureFacets, listDisclosed, type DisclosureFilter } from './disclosure-queries.js';
import { planSitemap, robotsTxt, rssFeed, SITEMAP_MAX_URLS, type SitemapEntry } from './feeds.js';
import { contentHomeSection } from './home-sections.js';
import { pagesT } from './i18n/pages-i18n.js';
import { bodyTexts, countPublishedIn, currentJobIds, listPublishedIn, officialFields, publishedForSitemap, publishedItem } from './page-queries.js';
import { shanghaiDate } from '../items/shanghai-date.js';
import { articleHref } from './page-parts.js';
import { PrintPage } from './print-page.js';
import { summaryOf } from './summary.js';
import { createViewCounter } from './view-counter.js';
import { similarItems } from '../search/similar.js';

const hide = { hide: true };
const Slug = Type.String({ minLength: 1, maxLength: 100 });
const ItemId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const RSS_ITEMS = 30;

const disclosureQuery = Type.Object({
  organ: Type.Optional(Type.String({ maxLength: 100 })),
  topic: Type.Optional(Type.String({ maxLength: 100 })),
  year: Type.Optional(Type.String({ maxLength: 4, pattern: '^(\\d{4})?$' })),
  type: Type.Optional(Type.Union([Type.Literal(''), ...OFFICIAL_DOC_TYPE_CODES.map((c) => Type.Literal(c))])),
  validity: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('valid'), Type.Literal('expired'), Type.Literal('repealed')])),
  page: Type.Optional(Type.String({ maxLength: 7, pattern: '^\\d*$' })),
}, { additionalProperties: true });

/**
 * The content module's public pages: categories `/c/<slug>[/<n>]`, articles `/a/<id>` and their GB/T 9704 print
 * view, the 政府信息公开目录 `/disclosure`, RSS per category, sitemaps and robots.txt, plus the home page's blocks.
 * Anonymous pages come from the portal's page cache, keyed on the content version; view counting runs before it.
 */
export const contentPageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const { pageContext, sendPage, sendPublicPage } = createPortalContext(app, portalAssetVersion());
  const views = createViewCounter(core);
  const siteTitle = ttlCache(30_000, async () => portalT('zh-CN')('site.title', { city: (await cityRegion(core.db))?.name ?? '' }));
  registerHomeSection(core, contentHomeSection(core));
  // Recommended reading by content similarity (the search index's TF-IDF neighbours), never random filler.
  const similar: SimilarItems = (itemId, limit) => similarItems(core, itemId, limit);

  // Browsers get the portal's zh-CN HTML pages; other clients the platform's problem+json (as setHtmlNotFound does).
  const notFound = async (request: FastifyRequest, reply: FastifyReply) => (wantsHtml(request)
    ? sendPage(reply, <NotFoundPage ctx={await pageContext(request, reply)} />, 404)
    : sendProblem(request, reply, 404, 'request.not_found'));
  const badRequest = async (request: FastifyRequest, reply: FastifyReply, detail?: string) => (wantsHtml(request)
    ? sendPage(reply, <BadRequestPage ctx={await pageContext(request, reply)} detail={detail} />, 400)
    : sendProblem(request, reply, 400, 'request.invalid'));

  // --- categories ---------------------------------------------------------------------------------

  // Item counts per category at a content version: a cached page's hit needs no COUNT query for its pager check.
  let totals = { version: -1, byCategory: new Map<string, number>() };
  async function publishedTotal(categoryId: string, ids: string[], version: number): Promise<number> {
    if (totals.version !== version) totals = { version, byCategory: new Map() };
    let total = totals.byCategory.get(categoryId);
    if (total === undefined) {
      total = await countPublishedIn(core, ids);
      if (totals.version === version) totals.byCategory.set(categoryId, total);
    }
    return total;
  }

  async function categoryPage(request: FastifyRequest, reply: FastifyReply, slug: string, page: number) {
    const version = await contentVersion(core);
    const tree = await categoryTree(core);
    const category = tree.bySlug.get(slug);
    if (!category) return notFound(request, reply);
    const ids = tree.subtreeIds(category);
    const total = await publishedTotal(category.id, ids, version);
    const pages = Math.max(1, Math.ceil(total / CATEGORY_PAGE_SIZE));
    // Past the end: the nearest page that exists (temporary: it becomes valid as items are added).
    if (page > pages) return reply.redirect(categoryHref(category, pages), 302);
    return sendPublicPage(request, reply, async (ctx) => (
      <CategoryPage ctx={ctx} tree={tree} category={category} page={page} total={total}
        items={await listPublishedIn(core, ids, (page - 1) * CATEGORY_PAGE_SIZE, CATEGORY_PAGE_SIZE)} />
    ), { stamp: version });
  }

  app.get('/c/:slug', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Type.Object({ slug: Slug }) } },
    async (request, reply) => (request.validationError ? notFound(request, reply) : categoryPage(request, reply, request.params.slug, 1)));

  app.get('/c/:slug/:page', {
    config: { access: 'public' }, attachValidation: true,
    schema: { ...hide, params: Type.Object({ slug: Slug, page: Type.String({ maxLength: 30 }) }) },
  }, async (request, reply) => {
    if (request.validationError) return badRequest(request, reply);
    const { slug, page } = request.params;
    if (!/^\d{1,9}$/.test(page)) return badRequest(request, reply, pagesT(request.locale)('bad_request.page', { value: page.slice(0, 30) }));
    const n = Number(page);
    // One URL per page: /c/x/1 and /c/x/007 are /c/x and /c/x/7.
    if (n <= 1) return reply.redirect(`/c/${encodeURIComponent(slug)}`, 301);
    if (String(n) !== page) return reply.redirect(`/c/${encodeURIComponent(slug)}/${n}`, 301);
    return categoryPage(request, reply, slug, n);
  });

  app.get('/c/:slug/rss.xml', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Type.Object({ slug: Slug }) } }, async (request, reply) => {
    const tree = await categoryTree(core);
    const category = request.validationError ? undefined : tree.bySlug.get(request.params.slug);
    if (!category) return notFound(request, reply);
    const items = await listPublishedIn(core, tree.subtreeIds(category), 0, RSS_ITEMS);
    const site = await siteTitle.get();
    const name = categoryName(category, 'zh-CN');
    const texts = await bodyTexts(core, items.map((i) => i.id));
    const bodies = new Map(items.map((i) => [i.id, summaryOf(i.summary, texts.get(i.id) ?? '', 200)]));
    const xml = rssFeed({
      title: `${name} - ${site}`, path: categoryHref(category), description: category.description || pagesT('zh-CN')('rss.description', { site, column: name }),
      baseUrl: core.config.publicBaseUrl, language: 'zh-CN', selfPath: `/c/${category.slug}/rss.xml`,
    }, items.map((i) => ({ title: i.title, path: articleHref(i.id), description: bodies.get(i.id) || i.title, pubDate: i.published_at, category: name })));
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(xml);
  });

  // --- articles -----------------------------------------------------------------------------------

  // Items confirmed published at a content version: a cached page's hit then needs no query to know it may
  // be shown (and counted). Any publish, withdraw or edit bumps the version and empties this.
  let publishedAt = { version: -1, ids: new Set<string>() };
  function knownPublished(id: string, version: number): boolean {
    if (publishedAt.version !== version) publishedAt = { version, ids: new Set() };
    return publishedAt.ids.has(id);
  }
  async function confirmPublished(id: string, version: number): Promise<boolean> {
    if (!(await publishedItem(core, id))) return false;
    if (publishedAt.version === version && publishedAt.ids.size < 100_000) publishedAt.ids.add(id);
    return true;
  }
  const isPublished = async (id: string, version: number) => knownPublished(id, version) || confirmPublished(id, version);

  app.get('/a/:id', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Type.Object({ id: ItemId }) } }, async (request, reply) => {
    if (request.validationError) return notFound(request, reply);
    const { id } = request.params;
    const version = await contentVersion(core);
    if (!knownPublished(id, version) && !(await confirmPublished(id, version))) return notFound(request, reply);
    if (request.method === 'GET') {
      const purpose = request.headers['sec-purpose'] ?? request.headers.purpose;
      const counted = views.countView(id, { ip: request.ip, userAgent: request.headers['user-agent'], prefetch: purpose !== undefined && /prefetch|prerender/i.test(String(purpose)) });
      // A failed count (e.g. the database busy) must not cost the reader the page.
      if (counted instanceof Promise) await counted.catch((error: unknown) => request.log.warn({ err: error }, 'view not counted'));
    }
    return sendPublicPage(request, reply, async (ctx) => {
      const item = await publishedItem(core, id);
      if (!item) return <NotFoundPage ctx={ctx} />; // withdrawn between the check and now: the next version drops this page
      const view = await loadArticleView(core, item, { locale: ctx.locale, siteTitle: ctx.t('site.title', { city: ctx.cityName }), baseUrl: ctx.baseUrl, similar });
      return <ArticlePage ctx={ctx} view={view} />;
    }, { stamp: version });
  });

  app.get('/a/:id/print', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Type.Object({ id: ItemId }) } }, async (request, reply) => {
    if (request.validationError) return notFound(request, reply);
    const { id } = request.params;
    const version = await contentVersion(core);
    if (!(await isPublished(id, version))) return notFound(request, reply);
    return sendPublicPage(request, reply, async (ctx) => {
      const item = await publishedItem(core, id);
      if (!item) return <NotFoundPage ctx={ctx} />;
      return <PrintPage ctx={ctx} item={item} official={await officialFields(core, id)} />;
    }, { stamp: version });
  });

  // --- 政府信息公开目录 -----------------------------------------------------------------------------

  const facets = { version: -1, value: null as Awaited<ReturnType<typeof disclosureFacets>> | null };
  app.get('/disclosure', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, querystring: disclosureQuery } }, async (request, reply) => {
    if (request.validationError) return badRequest(request, reply);
    const q = request.query;
    const filter: DisclosureFilter = {
      organ: q.organ || undefined, topic: q.topic || undefined, year: q.year ? Number(q.year) : undefined,
      type: q.type || undefined, validity: q.validity || undefined,
    };
    const page = q.page ? Number(q.page) : 1;
    // One URL per filter and page (empty fields dropped, fixed order): the form's GET lands on the canonical one.
    const canonical = disclosureHref(filter, page);
    if (canonical !== request.url) return reply.redirect(canonical, 301);
    const version = await contentVersion(core);
    const total = await countDisclosed(core, filter);
    const pages = Math.max(1, Math.ceil(total / DISCLOSURE_PAGE_SIZE));
    if (page > pages) return reply.redirect(disclosureHref(filter, pages), 302);
    if (facets.version !== version) Object.assign(facets, { version, value: await disclosureFacets(core) });
    return sendPublicPage(request, reply, async (ctx) => (
      <DisclosurePage ctx={ctx} filter={filter} page={page} total={total} facets={facets.value!}
        rows={await listDisclosed(core, filter, (page - 1) * DISCLOSURE_PAGE_SIZE, DISCLOSURE_PAGE_SIZE)} />
    ), { stamp: version });
  });

  // --- sitemaps and robots ------------------------------------------------------------------------

  // Keyed on the content version and the day (job postings leave it after their last day).
  let sitemap: { stamp: string; plan: ReturnType<typeof planSitemap> } | null = null;
  async function currentSitemap() {
    const today = shanghaiDate(core.clock.now());
    const stamp = `${await contentVersion(core)}|${today}`;
    if (sitemap?.stamp === stamp) return sitemap.plan;
    const tree = await categoryTree(core);
    const [items, jobs] = await Promise.all([publishedForSitemap(core), currentJobIds(core, today)]);
    const entries: SitemapEntry[] = [
      { path: '/' }, { path: '/disclosure' }, { path: '/jobs' },
      ...tree.all.map((c) => ({ path: categoryHref(c) })),
      ...items.map((i) => ({ path: articleHref(i.id), lastmod: i.updated_at ?? i.published_at })),
      ...jobs.map((j) => ({ path: `/jobs/${encodeURIComponent(j.id)}`, lastmod: j.updated_at })),
    ];
    sitemap = { stamp, plan: planSitemap(core.config.publicBaseUrl, entries, SITEMAP_MAX_URLS) };
    return sitemap.plan;
  }
  const xml = (reply: FastifyReply, body: string) => reply.type('application/xml; charset=utf-8').header('cache-control', 'public, max-age=300').send(body);

  app.get('/sitemap.xml', { config: { access: 'public' }, schema: hide }, async (_request, reply) => xml(reply, (await currentSitemap()).root));

  app.get('/sitemap/:file', { config: { access: 'public' }, attachValidation: true, schema: { ...hide, params: Type.Object({ file: Type.String({ maxLength: 20 }) }) } }, async (request, reply) => {
    const m = request.validationError ? null : /^([1-9]\d{0,5})\.xml$/.exec(request.params.file);
    const part = m ? (await currentSitemap()).part(Number(m[1])) : null;
    return part ? xml(reply, part) : notFound(request, reply);
  });

  app.get('/robots.txt', { config: { access: 'public' }, schema: hide }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(robotsTxt(core.config.publicBaseUrl)));
};
