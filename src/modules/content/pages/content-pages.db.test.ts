import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { publishItems, updatePublic } from '../../../../test/support/content-fixtures.js';
import { contentDb } from '../content-schema.js';
import { newId } from '../../../core/ids.js';
import { projectRoot } from '../../../core/paths.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const day = (n: number) => new Date(Date.UTC(2024, 0, 1, 2, 0, 0) + n * 86_400_000);

function text(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe.each(testDialects())('content portal pages on %s', (kind) => {
  let t: TestApp;
  let notices: string[];
  let policy: string;
  let repealer: string;
  let interpretation: string;
  let draft: string;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { 'user-agent': BROWSER, accept: 'text/html', ...headers } });
  const viewCount = async (id: string) => Number((await contentDb(t.app.core).selectFrom('content_items').select('view_count').where('id', '=', id).executeTakeFirstOrThrow()).view_count);

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The demo content is seeded too: these tests use their own columns and issuing organ so that counts are theirs.
    const at = new Date().toISOString();
    const category = (id: string, parent: string | null, zh: string, kind: 'article' | 'official_document', sort: number) => ({
      id, parent_id: parent, slug: id, path: parent ? `/${parent}/${id}/` : `/${id}/`, name_zh: zh, name_en: id, description: `${zh}栏目`,
      item_kind: kind, review_levels: 1, sort, visible: 1, created_at: at, updated_at: at,
    });
    await updatePublic(t, (trx) => trx.insertInto('content_categories').values([
      category('t-news', null, '测试通知', 'article', 900), category('t-docs', null, '测试公文', 'official_document', 910),
      category('t-policies', 't-docs', '测试政策文件', 'official_document', 920), category('t-interp', 't-docs', '测试政策解读', 'article', 930),
    ]).execute());
    // 45 notices a day apart: three pages of 20, 20 and 5.
    notices = await publishItems(t, Array.from({ length: 45 }, (_, i) => ({
      category: 't-news', title: `关于第${i + 1}期社区教育骨干培训的通知`, publishedAt: day(i),
      body: `<p>各镇社区教育中心：</p><p>第${i + 1}期培训定于下月举行。请各单位做好报名工作！其他事项另行通知。</p>`,
    })));
    const official = (n: number, validity: 'valid' | 'repealed' = 'valid') => ({
      doc_type: 'opinion' as const, issuing_organ: '青溪市测试局', organ_code: '999000001', topic: '测试主题',
      doc_number: `青教发〔2023〕${n}号`, doc_year: 2023, addressees: '各镇人民政府,市各有关单位', cc: '市委办公室，市人大常委会办公室',
      written_date: '2023-04-20', printing_organ: '青溪市教育局办公室', printing_date: '2023-04-21', validity,
    });
    [policy] = await publishItems(t, [{
      category: 't-policies', title: '关于进一步加强我市社区教育工作的意见', publishedAt: new Date('2023-04-23T04:20:07Z'),
      keywords: '社区教育,终身学习', official: official(12),
      body: '<p>为推进学习型城市建设，现提出如下意见。</p><p>一、总体要求</p><p>（一）指导思想</p><p>1. 坚持政府主导。</p><p>（1）统筹规划。</p>',
    }]);
    [repealer] = await publishItems(t, [{
      category: 't-policies', title: '关于废止部分社区教育文件的决定', publishedAt: new Date('2023-09-01T02:00:00Z'),
      official: { ...official(30), doc_type: 'decision' }, body: '<p>经清理，决定废止下列文件。</p>',
    }]);
    await updatePublic(t, (trx) => trx.updateTable('content_official_documents').set({ validity: 'repealed', repealed_by_id: repealer }).where('item_id', '=', policy).execute());
    [interpretation] = await publishItems(t, [{
      category: 't-interp', title: '《关于进一步加强我市社区教育工作的意见》政策解读', publishedAt: new Date('2023-04-25T02:00:00Z'),
      interpretationOf: policy, summary: '一图读懂社区教育新政。', body: '<p>问：为什么要出台这份意见？答：为了让居民在家门口学习。</p>',
    }]);
    [draft] = await publishItems(t, [{ category: 't-news', title: '尚未发布的草稿', publishedAt: day(100), body: '<p>草稿</p>', draft: true }]);
    // An attachment (the file row as the upload path stores it) on the policy.
    const fileId = newId();
    await contentDb(t.app.core).insertInto('content_files').values({
      id: fileId, storage_key: `k-${fileId}`, sha256: '0'.repeat(64), size: 20480, mime: 'application/pdf', original_name: '报名表.pdf',
      owner_path: '/', created_by: null, created_at: new Date().toISOString(),
    }).execute();
    await updatePublic(t, (trx) => trx.insertInto('content_attachments').values({ id: newId(), item_id: policy, file_id: fileId, role: 'attachment', title: '附件1：社区教育中心建设标准', sort: 1 }).execute());
  });
  afterAll(async () => { await t.close(); });

  describe('category pages', () => {
    it('lists the newest 20 first, with stable URLs for every page and a pager', async () => {
      const first = await get('/c/t-news');
      expect(first.statusCode).toBe(200);
      const titles = [...first.body.matchAll(/<a href="\/a\/[^"]+">(关于第\d+期[^<]+)<\/a>/g)].map((m) => m[1]);
      expect(titles).toHaveLength(20);
      expect(titles[0]).toBe('关于第45期社区教育骨干培训的通知');
      expect(titles[19]).toBe('关于第26期社区教育骨干培训的通知');
      expect(first.body).toContain('<link rel="canonical" href="http://localhost:3000/c/t-news">');
      expect(first.body).toContain('href="/c/t-news/2" rel="next"');
      expect(text(first.body)).toContain('共 45 条，第 1/3 页');
      const third = await get('/c/t-news/3');
      expect(third.statusCode).toBe(200);
      expect([...third.body.matchAll(/>关于第(\d+)期/g)].map((m) => Number(m[1]))).toEqual([5, 4, 3, 2, 1]);
      expect(third.body).toContain('href="/c/t-news/2" rel="prev"');
      expect(third.body).not.toContain('尚未发布的草稿');
    });

    it('bad page numbers: 1 and leading zeros redirect to the one URL, past the end to the last page, words are 400 — never 500', async () => {
      expect((await get('/c/t-news/1')).headers.location).toBe('/c/t-news');
      expect((await get('/c/t-news/02')).headers.location).toBe('/c/t-news/2');
      const far = await get('/c/t-news/99');
      expect(far.statusCode).toBe(302);
      expect(far.headers.location).toBe('/c/t-news/3');
      expect((await get('/c/t-news/0')).headers.location).toBe('/c/t-news');
      for (const bad of ['abc', '-1', '1.5', '%E4%B8%80', '9'.repeat(25)]) {
        const res = await get(`/c/notices/${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.headers['content-type']).toMatch(/text\/html/);
        expect(res.body).toContain('请求的地址有误');
      }
    });

    it('unknown categories are a zh-CN 404 page', async () => {
      const res = await get('/c/no-such-column');
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('您访问的页面不存在');
      expect((await get('/c/no-such-column/2')).statusCode).toBe(404);
      // Clients that do not ask for HTML get the platform's problem+json.
      const api = await t.app.inject({ url: '/c/no-such-column' });
      expect(api.statusCode).toBe(404);
      expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
      expect((await t.app.inject({ url: '/c/notices/abc' })).headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('a parent category lists its subtree and links its subcategories', async () => {
      const res = await get('/c/t-docs');
      expect(res.body).toContain('关于进一步加强我市社区教育工作的意见');
      expect(res.body).toContain('《关于进一步加强我市社区教育工作的意见》政策解读');
      expect(res.body).toContain('<a href="/c/t-policies">测试政策文件</a>');
      expect(res.body).toContain('<a href="/c/t-interp">测试政策解读</a>');
      expect(text(res.body)).toContain('当前位置： 青溪市学习型城市 测试公文');
    });
  });

  describe('article page', () => {
    it('shows breadcrumb, title, time, source, views, QR code, summary, body and the government meta tags', async () => {
      const res = await get(`/a/${notices[44]}`);
      expect(res.statusCode).toBe(200);
      const page = res.body;
      expect(page).toMatch(/<nav class="breadcrumb" aria-label="当前位置"><span class="breadcrumb-lead">当前位置：<\/span><ol><li><a href="\/">青溪市学习型城市<\/a><\/li><li><a href="\/c\/t-news">测试通知<\/a><\/li><li><span aria-current="page">关于第45期/);
      expect(page).toContain('<h1 id="article-title">关于第45期社区教育骨干培训的通知</h1>');
      expect(page).toContain('发布时间：<time datetime="2024-02-14T02:00:00.000Z">2024-02-14 10:00:00</time>');
      expect(page).toContain('来源：青溪市教育局');
      expect(page).toMatch(/浏览次数：\d+/);
      expect(page).toMatch(/<div class="qr" role="img" aria-label="[^"]*http:\/\/localhost:3000\/a\/[^"]+"><svg/);
      // The summary is the first sentences, cut at a sentence mark.
      expect(page).toContain('<strong>摘要：</strong>第45期培训定于下月举行。请各单位做好报名工作！其他事项另行通知。');
      for (const meta of ['SiteName', 'SiteDomain', 'ColumnName', 'ArticleTitle', 'PubDate', 'ContentSource', 'Description']) {
        expect(page, meta).toMatch(new RegExp(`<meta name="${meta}" content="[^"]+">`));
      }
      expect(page).toContain('<meta name="PubDate" content="2024-02-14 10:00:00">');
      expect(page).toContain('<link rel="canonical" href="http://localhost:3000/a/');
      const ld = [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
      expect(ld.map((d) => d['@type'])).toEqual(['Article', 'BreadcrumbList']);
      expect(ld[0].headline).toBe('关于第45期社区教育骨干培训的通知');
      expect(ld[1].itemListElement).toHaveLength(3);
      // Newest of its column: no next, previous is no. 44.
      expect(text(page)).toContain('下一篇：没有了');
      expect(page).toMatch(/上一篇：<a href="\/a\/[^"]+" rel="prev">关于第44期/);
      expect(page).toContain('action="/search"');
    });

    it('official documents show their fields, the repeal link, attachments and the interpretation both ways', async () => {
      const page = (await get(`/a/${policy}`)).body;
      const fields = text(page.slice(page.indexOf('<table class="doc-fields"'), page.indexOf('</table>', page.indexOf('<table class="doc-fields"'))));
      expect(fields).toMatch(/索引号 999000001\/2023-0000[12]/);
      expect(fields).toContain('发文机关 青溪市测试局');
      expect(fields).toContain('发文字号 青教发〔2023〕12号');
      expect(fields).toContain('成文日期 2023-04-20');
      expect(fields).toContain('发布日期 2023-04-23');
      expect(fields).toContain('主题分类 测试主题');
      expect(fields).toContain('有效性 废止 （废止文件：关于废止部分社区教育文件的决定）');
      expect(fields).toContain('公开方式 主动公开');
      expect(page).toContain(`href="/a/${repealer}"`);
      expect(page).toContain(`政策解读：<a href="/a/${interpretation}">`);
      expect(page).toMatch(/<a href="\/files\/[^"]+">附件1：社区教育中心建设标准<\/a> <span class="muted">\(20 KB\)<\/span>/);
      // Recommended reading by content similarity: the interpretation shares the policy's words.
      const recommended = page.slice(page.indexOf('id="recommended-title"'), page.indexOf('</section>', page.indexOf('id="recommended-title"')));
      expect(recommended).toContain('推荐阅读');
      expect(recommended).toContain(`href="/a/${interpretation}"`);
      expect(recommended).not.toContain(`href="/a/${policy}"`);
      const back = (await get(`/a/${interpretation}`)).body;
      expect(back).toContain(`解读的政策文件：<a href="/a/${policy}">关于进一步加强我市社区教育工作的意见</a>`);
      expect(back).toContain('<strong>摘要：</strong>一图读懂社区教育新政。');
    });

    it('unknown, draft and withdrawn items are a zh-CN 404 page', async () => {
      for (const id of ['00000000-0000-7000-8000-000000000000', draft, 'x'.repeat(80), 'bad%20id']) {
        const res = await get(`/a/${id}`);
        expect(res.statusCode, id).toBe(404);
        expect(res.body).toContain('您访问的页面不存在');
        expect((await get(`/a/${id}/print`)).statusCode).toBe(404);
      }
      const [gone] = await publishItems(t, [{ category: 't-news', title: '即将撤回的通知', publishedAt: day(200), body: '<p>内容</p>' }]);
      expect((await get(`/a/${gone}`)).statusCode).toBe(200);
      await updatePublic(t, (trx) => trx.updateTable('content_items').set({ status: 'withdrawn' }).where('id', '=', gone).execute());
      expect((await get(`/a/${gone}`)).statusCode).toBe(404);
      expect((await get('/c/t-news')).body).not.toContain('即将撤回的通知');
    });

    it('article HTML plus the stylesheet stay under 60 KB gzipped', async () => {
      const html = (await get(`/a/${policy}`)).body;
      const css = fs.readFileSync(path.join(projectRoot, 'src/portal/assets/portal.css'));
      const gz = zlib.gzipSync(html).length + zlib.gzipSync(css).length;
      expect(gz).toBeLessThan(60 * 1024);
    });
  });

  describe('honest view count', () => {
    it('one per visitor and day; robots, prefetches and HEAD requests are not counted; repeated hits do not write', async () => {
      const id = notices[10];
      const before = await viewCount(id);
      await get(`/a/${id}`);
      await get(`/a/${id}`);
      await get(`/a/${id}`, { cookie: 'care=1' }); // same visitor, other page variant
      expect(await viewCount(id)).toBe(before + 1);
      await get(`/a/${id}`, { 'user-agent': `${BROWSER} Edg/124.0` }); // another browser on the same address
      expect(await viewCount(id)).toBe(before + 2);
      for (const robot of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; Baiduspider/2.0)',
        'Mozilla/5.0 (compatible; bingbot/2.0)', 'Sogou web spider/4.0', '360Spider', 'Mozilla/5.0 (compatible; Bytespider)', 'curl/8.5.0', 'Wget/1.21',
        'python-requests/2.31', 'Mozilla/5.0 HeadlessChrome/124.0', '']) {
        await get(`/a/${id}`, { 'user-agent': robot });
      }
      await get(`/a/${id}`, { 'user-agent': `${BROWSER} Firefox/125`, 'sec-purpose': 'prefetch' });
      await t.app.inject({ method: 'HEAD', url: `/a/${id}`, headers: { 'user-agent': `${BROWSER} Vivaldi` } });
      expect(await viewCount(id)).toBe(before + 2);
      const rows = await contentDb(t.app.core).selectFrom('content_views').selectAll().where('item_id', '=', id).execute();
      expect(rows).toHaveLength(2);
      // No address is stored: the visitor column is an opaque hash.
      for (const r of rows) expect(r.visitor).not.toMatch(/127\.0\.0\.1|Mozilla/);
    });

    it('the most read items make the popular blocks', async () => {
      const id = notices[3];
      const before = await viewCount(id);
      for (const ua of ['A', 'B', 'C', 'D', 'E']) await get(`/a/${id}`, { 'user-agent': `${BROWSER} V${ua}` });
      expect(await viewCount(id)).toBe(before + 5);
      // The demo items carry invented counts: make this one clearly the most read, then rebuild the cached pages.
      await updatePublic(t, (trx) => trx.updateTable('content_items').set({ view_count: 10_000_000 }).where('id', '=', id).execute());
      const home = (await get('/')).body;
      const popular = home.slice(home.indexOf('id="home-popular"'), home.indexOf('id="home-jobs"'));
      expect(popular).toContain('关于第4期社区教育骨干培训的通知');
      const article = (await get(`/a/${notices[20]}`)).body;
      expect(article.slice(article.indexOf('id="popular-title"'))).toContain('关于第4期社区教育骨干培训的通知');
    });
  });

  it('home page: latest notices and documents, popular, and job postings that are still valid', async () => {
    const db = contentDb(t.app.core);
    const town = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'town').orderBy('id').executeTakeFirstOrThrow();
    const editor = await db.selectFrom('users').select('id').where('username', '=', 'editor').executeTakeFirstOrThrow();
    const job = (position: string, validUntil: string, status: 'published' | 'draft') => ({
      id: newId(), employer_name: '柳泉镇农业合作社', position, headcount: 3, region_id: town.id, salary_min: 4000, salary_max: 6000,
      requirements_html: '<p>吃苦耐劳</p>', requirements_text: '吃苦耐劳', contact: '0519-86123456', valid_until: validUntil, training_link: null,
      owner_scope_type: 'region' as const, owner_scope_id: town.id, owner_path: town.path, status, published_at: status === 'published' ? new Date().toISOString() : null,
      view_count: 0, created_by: editor.id, created_at: new Date().toISOString(), updated_at: new Date().toISOString(),
    });
    await publishItems(t, [
      { category: 'notices', title: '关于2035年社区教育工作安排的通知', publishedAt: new Date('2035-01-02T02:00:00Z'), body: '<p>最新的通知。</p>' },
      { category: 'policies', title: '关于2035年终身学习工作的意见', publishedAt: new Date('2035-01-03T02:00:00Z'), body: '<p>最新的公文。</p>',
        official: { doc_type: 'opinion', issuing_organ: '青溪市测试二局', organ_code: '999000002', topic: '其他主题' } },
    ]);
    await updatePublic(t, (trx) => trx.insertInto('content_jobs').values([job('果园技术员', '2099-12-31', 'published'), job('已过期的岗位', '2020-01-01', 'published'), job('草稿岗位', '2099-12-31', 'draft')]).execute());
    const home = (await get('/')).body;
    const block = (id: string, next: string) => home.slice(home.indexOf(`id="${id}"`), home.indexOf(next));
    expect(block('home-notices', 'id="home-documents"')).toMatch(/<ul class="item-list"><li><a href="\/a\/[^"]+">关于2035年社区教育工作安排的通知<\/a>/);
    expect(block('home-documents', 'id="home-popular"')).toMatch(/<ul class="item-list"><li><a href="\/a\/[^"]+">关于2035年终身学习工作的意见<\/a>/);
    const jobs = block('home-jobs', '</main>');
    expect(jobs).toContain('果园技术员');
    expect(jobs).toContain('柳泉镇农业合作社 · 招 3 人');
    expect(jobs).not.toContain('已过期的岗位');
    expect(jobs).not.toContain('草稿岗位');
    expect(home).toContain('8 个镇、40 个村（社区）');
  });

  describe('print view', () => {
    it('renders the GB/T 9704 layout: page box, organ mark, number, headings marked by level, closing block', async () => {
      const res = await get(`/a/${policy}/print`);
      expect(res.statusCode).toBe(200);
      const page = res.body;
      expect(page).toContain('margin: 37mm 26mm 35mm 28mm');
      expect(page).toContain('content: "— " counter(page) " —"');
      expect(page).toContain('<p class="organ-mark">青溪市测试局文件</p>');
      expect(page).toContain('<p class="doc-number">青教发〔2023〕12号</p>');
      expect(page).toContain('<p class="addressees">各镇人民政府,市各有关单位：</p>');
      expect(page).toContain('<p class="l1">一、总体要求</p>');
      expect(page).toContain('<p class="l2">（一）指导思想</p>');
      expect(page).toContain('<p class="l3">1. 坚持政府主导。</p>');
      expect(page).toContain('<p>（1）统筹规划。</p>');
      expect(page).toContain('<p class="cc">抄送：市委办公室，市人大常委会办公室</p>');
      expect(page).toContain('<span>青溪市教育局办公室</span><span>2023年4月21日印发</span>');
      expect(page).toContain('<p>2023年4月20日</p>');
    });
  });

  describe('disclosure listing', () => {
    it('filters by organ, topic, year, type and validity with stable URLs and shows the index numbers', async () => {
      const all = await get('/disclosure');
      expect(all.statusCode).toBe(200);
      expect(all.body).toMatch(/<td data-label="索引号" class="nowrap">\d{9}\/\d{4}-\d{5}<\/td>/);
      const organ = `organ=${encodeURIComponent('青溪市测试局')}`;
      const ours = await get(`/disclosure?${organ}`);
      expect(text(ours.body)).toContain('共 2 件');
      expect(ours.body).toMatch(/999000001\/2023-0000[12]/);
      const repealed = await get(`/disclosure?${organ}&validity=repealed`);
      expect(text(repealed.body)).toContain('共 1 件');
      expect(repealed.body).toContain('关于进一步加强我市社区教育工作的意见');
      expect(repealed.body).not.toContain('>关于废止部分社区教育文件的决定<');
      const decisions = await get(`/disclosure?${organ}&type=decision`);
      expect(text(decisions.body)).toContain('共 1 件');
      expect(decisions.body).toContain('关于废止部分社区教育文件的决定');
      expect(text((await get(`/disclosure?${organ}&topic=${encodeURIComponent('测试主题')}&year=2023`)).body)).toContain('共 2 件');
      const none = await get(`/disclosure?${organ}&year=2099`);
      expect(none.statusCode).toBe(200);
      expect(none.body).toContain('没有符合条件的文件');
      // The form submits every field: empty ones and the field order are normalised by a redirect.
      const form = await get('/disclosure?organ=&topic=%E6%95%99%E8%82%B2&year=&type=&validity=');
      expect(form.statusCode).toBe(301);
      expect(form.headers.location).toBe('/disclosure?topic=%E6%95%99%E8%82%B2');
      for (const bad of ['year=abcd', 'type=poem', 'validity=maybe', 'page=x', `organ=${'长'.repeat(101)}`]) {
        const res = await get(`/disclosure?${bad}`);
        expect(res.statusCode, bad).toBe(400);
        expect(res.body).toContain('请求的地址有误');
      }
      expect((await get(`/disclosure?${organ}&page=9`)).headers.location).toBe(`/disclosure?${organ}`);
    });
  });

  describe('feeds, sitemap, robots', () => {
    it('sitemap.xml lists the portal with absolute URLs in the sitemaps.org 0.9 format', async () => {
      const res = await t.app.inject({ url: '/sitemap.xml' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/application\/xml/);
      const xml = res.body;
      expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
      const locs = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>(?:<lastmod>([^<]+)<\/lastmod>)?<\/url>/g)];
      expect(locs.length).toBe((xml.match(/<url>/g) ?? []).length);
      expect(locs.map((m) => m[1])).toContain(`http://localhost:3000/a/${policy}`);
      expect(locs.map((m) => m[1])).toContain('http://localhost:3000/c/t-news');
      expect(locs.map((m) => m[1])).not.toContain(`http://localhost:3000/a/${draft}`);
      // Job postings still listed today (the home-page test added a valid, an expired and a draft one).
      const jobs = await contentDb(t.app.core).selectFrom('content_jobs').select(['id', 'position']).where('employer_name', '=', '柳泉镇农业合作社').execute();
      const jobUrl = (position: string) => `http://localhost:3000/jobs/${jobs.find((j) => j.position === position)!.id}`;
      expect(locs.map((m) => m[1])).toContain(jobUrl('果园技术员'));
      expect(locs.map((m) => m[1])).not.toContain(jobUrl('已过期的岗位'));
      expect(locs.map((m) => m[1])).not.toContain(jobUrl('草稿岗位'));
      for (const [, loc, lastmod] of locs) {
        expect(loc).toMatch(/^http:\/\/localhost:3000\//);
        if (lastmod) expect(lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      }
    });

    it('RSS 2.0 per category, robots.txt naming the sitemap', async () => {
      const rss = await t.app.inject({ url: '/c/t-news/rss.xml' });
      expect(rss.statusCode).toBe(200);
      expect(rss.headers['content-type']).toMatch(/application\/rss\+xml/);
      expect(rss.body).toContain('<rss version="2.0"');
      expect(rss.body).toContain('<title>测试通知 - 青溪市学习型城市</title>');
      expect((rss.body.match(/<item>/g) ?? []).length).toBe(30);
      expect(rss.body).toMatch(/<pubDate>\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT<\/pubDate>/);
      expect((await get('/c/nothing-here/rss.xml')).statusCode).toBe(404);
      const robots = await t.app.inject({ url: '/robots.txt' });
      expect(robots.body).toContain('Disallow: /admin');
      expect(robots.body).toContain('Disallow: /api/');
      expect(robots.body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    });
  });
});
