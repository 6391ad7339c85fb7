import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { addItem, addJob, clearContent, setItemStatus } from '../../../../test/support/search-fixtures.js';
import { search } from './search-service.js';
import { querySegmenter, RECHECK_MS } from './search-dictionary.js';
import { similarItems } from './similar.js';
import { reindexAll } from './search-index.js';
import { rankMatches } from './search-ranking.js';
import { searchDb } from './search-schema.js';

const ids = (r: { items: { id: string }[] }) => r.items.map((i) => i.id);

describe.each(testDialects())('site search on %s', (kind) => {
  let t: TestApp;
  const clock = fakeClock('2026-03-02T01:00:00.000Z');
  const doc: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    const core = t.app.core;
    await clearContent(core);
    doc.opinion = await addItem(core, {
      title: '关于进一步加强我市社区教育工作的意见', body: '各镇人民政府，市各有关单位：为推进终身学习，现就加强社区教育工作提出如下意见。',
      publishedAt: '2023-04-23T04:20:07.000Z', official: { docType: 'opinion', organ: '青溪市人民政府', docNumber: '青政发〔2023〕7号', year: 2023 },
    });
    doc.bodyOnly = await addItem(core, {
      title: '石桥镇文化站开放时间调整', body: '根据社区教育中心安排，文化站周末开放，欢迎居民参加社区教育活动。', publishedAt: '2025-06-01T02:00:00.000Z',
    });
    doc.elder = await addItem(core, {
      title: '柳泉镇老年大学春季招生', body: '老年大学开设书法、太极、智能手机等课程，招收本镇六十岁以上居民。',
      publishedAt: '2024-02-20T02:00:00.000Z',
    });
    doc.elderOld = await addItem(core, {
      title: '柳泉镇老年大学秋季招生', body: '老年大学开设书法、太极、智能手机等课程，招收本镇六十岁以上居民。',
      publishedAt: '2022-08-20T02:00:00.000Z',
    });
    doc.number = await addItem(core, {
      title: '关于开展2023年全民终身学习活动周的通知', body: '各镇社区教育中心：现将有关事项通知如下。',
      publishedAt: '2023-05-10T02:00:00.000Z', official: { docType: 'notice', organ: '青溪市教育局', docNumber: '青教发〔2023〕12号', year: 2023 },
    });
    doc.repealed = await addItem(core, {
      title: '青溪市社区学院管理办法', body: '本办法自发布之日起施行。学分银行的学分按本办法认定。', publishedAt: '2019-03-01T02:00:00.000Z',
      official: { docType: 'decision', organ: '青溪市教育局', docNumber: '青教发〔2019〕3号', year: 2019, validity: 'repealed' },
    });
    doc.latin = await addItem(core, {
      title: '社区学习中心开通WiFi和APP服务', body: '居民可用手机APP预约课程，学习中心提供免费WiFi。', publishedAt: '2025-09-01T02:00:00.000Z',
    });
    doc.name = await addItem(core, {
      title: '优秀志愿教师事迹', body: '退休教师钮秀芬在云湖镇市民学校义务授课十年。', publishedAt: '2025-10-01T02:00:00.000Z',
    });
    doc.draft = await addItem(core, { title: '社区教育草稿不应出现', body: '尚未发布。', publishedAt: '2026-01-01T02:00:00.000Z', status: 'draft' });
    doc.job = await addJob(core, { position: '社区教育专职教师', employer: '柳泉镇社区教育中心', requirements: '本科以上学历，热爱社区教育。', publishedAt: '2026-02-01T02:00:00.000Z', validUntil: '2026-12-31' });
    doc.expiredJob = await addJob(core, { position: '老年大学书法教师', employer: '云湖镇老年学校', requirements: '擅长书法。', publishedAt: '2025-01-01T02:00:00.000Z', validUntil: '2025-06-30' });
  });
  afterAll(async () => { await t.close(); });

  it('finds dictionary words, two-character words and words jieba does not know, never drafts', async () => {
    const core = t.app.core;
    expect(ids(await search(core, { q: '社区教育', page: 1 }))).toEqual(expect.arrayContaining([doc.opinion, doc.bodyOnly, doc.number, doc.job]));
    expect(ids(await search(core, { q: '社区教育', page: 1 }))).not.toContain(doc.draft);
    expect(ids(await search(core, { q: '教育', page: 1 }))).toContain(doc.opinion);
    expect(ids(await search(core, { q: '社区', page: 1 }))).toContain(doc.latin);
    // 钮秀芬 is in no dictionary: found through its bigrams.
    expect(ids(await search(core, { q: '钮秀芬', page: 1 }))).toEqual([doc.name]);
    expect(ids(await search(core, { q: '秀芬', page: 1 }))).toEqual([doc.name]);
  });

  it('ranks title matches above body matches, and newer above older on ties', async () => {
    const r = await search(t.app.core, { q: '社区教育', page: 1 });
    const titleHits = r.items.filter((i) => i.titleMatch).map((i) => i.id);
    expect(titleHits).toEqual(expect.arrayContaining([doc.opinion, doc.job]));
    const firstBody = r.items.findIndex((i) => !i.titleMatch);
    expect(r.items.slice(0, firstBody).every((i) => i.titleMatch)).toBe(true);
    expect(ids(r).indexOf(doc.bodyOnly)).toBeGreaterThan(ids(r).indexOf(doc.opinion));
    // Same title length and body, different dates: the newer spring intake comes first.
    const elder = ids(await search(t.app.core, { q: '老年大学 招生', page: 1 }));
    expect(elder.slice(0, 2)).toEqual([doc.elder, doc.elderOld]);
  });

  it('handles mixed queries: a year and a word, a document number in any bracket style, Latin in any case', async () => {
    const core = t.app.core;
    const mixed = ids(await search(core, { q: '2023 意见', page: 1 }));
    expect(mixed[0]).toBe(doc.opinion);
    expect(ids(await search(core, { q: '青教发〔2023〕12号', page: 1 }))).toEqual([doc.number]);
    expect(ids(await search(core, { q: '青教发[2023]12号', page: 1 }))).toEqual([doc.number]);
    expect(ids(await search(core, { q: '青教发', page: 1 }))).toEqual(expect.arrayContaining([doc.number, doc.repealed]));
    expect(ids(await search(core, { q: 'wifi', page: 1 }))).toEqual([doc.latin]);
    expect(ids(await search(core, { q: 'ＡＰＰ', page: 1 }))).toEqual([doc.latin]);
  });

  it('marks the matches in escaped titles and snippets', async () => {
    const r = await search(t.app.core, { q: '老年大学', page: 1 });
    const hit = r.items.find((i) => i.id === doc.elder)!;
    expect(hit.titleHtml).toBe('柳泉镇<mark>老年大学</mark>春季招生');
    expect(hit.snippetHtml).toContain('<mark>老年大学</mark>');
    const xss = await addItem(t.app.core, { title: '<script>alert(1)</script>社区夜校', body: '夜校<img src=x onerror=alert(1)>开课', publishedAt: '2025-11-01T02:00:00.000Z' });
    const x = (await search(t.app.core, { q: '夜校', page: 1 })).items.find((i) => i.id === xss)!;
    expect(x.titleHtml).toBe('&lt;script&gt;alert(1)&lt;/script&gt;社区<mark>夜校</mark>');
    expect(x.snippetHtml).not.toContain('<img');
  });

  it('filters by kind, category, type, organ, year and validity; only live job postings', async () => {
    const core = t.app.core;
    expect(ids(await search(core, { q: '社区教育', page: 1, kind: 'job' }))).toEqual([doc.job]);
    expect(ids(await search(core, { q: '老年大学', page: 1 }))).not.toContain(doc.expiredJob);
    expect(ids(await search(core, { q: '青教发', page: 1, validity: 'repealed' }))).toEqual([doc.repealed]);
    expect(ids(await search(core, { q: '青教发', page: 1, year: 2023 }))).toEqual([doc.number]);
    expect(ids(await search(core, { q: '社区教育', page: 1, type: 'opinion' }))).toEqual([doc.opinion]);
    expect(ids(await search(core, { q: '社区教育', page: 1, organ: '青溪市教育局' }))).toEqual([doc.number]);
    expect(ids(await search(core, { q: '社区教育', page: 1, category: 'documents' }))).toEqual(expect.arrayContaining([doc.opinion, doc.number]));
    expect(ids(await search(core, { q: '社区教育', page: 1, category: 'documents' }))).not.toContain(doc.bodyOnly);
    expect(ids(await search(core, { q: '社区教育', page: 1, category: 'no-such' }))).toEqual([]);
  });

  it('withdrawing removes an item from the results in the same transaction; republishing brings it back', async () => {
    const core = t.app.core;
    await setItemStatus(core, doc.bodyOnly, 'withdrawn');
    expect(ids(await search(core, { q: '文化站', page: 1 }))).toEqual([]);
    await setItemStatus(core, doc.bodyOnly, 'published');
    expect(ids(await search(core, { q: '文化站', page: 1 }))).toEqual([doc.bodyOnly]);
  });

  it('GET /api/v1/search answers what the page shows; long queries are 400; an empty query is a prompt', async () => {
    const anon = t.anonymous();
    const api = await anon.get(`/api/v1/search?q=${encodeURIComponent('老年大学')}`);
    expect(api.status, api.raw).toBe(200);
    expect(api.body.items.map((i: any) => i.id)).toEqual(ids(await search(t.app.core, { q: '老年大学', page: 1 })));
    const page = await anon.get(`/search?q=${encodeURIComponent('老年大学')}`);
    expect(page.status).toBe(200);
    for (const item of api.body.items) expect(page.raw).toContain(`href="${item.url}"`);
    expect(page.raw).toContain('<mark>老年大学</mark>');
    const long = '社'.repeat(101);
    expect((await anon.get(`/api/v1/search?q=${encodeURIComponent(long)}`)).status).toBe(400);
    const longPage = await anon.request('GET', `/search?q=${encodeURIComponent(long)}`, undefined, { accept: 'text/html' });
    expect(longPage.status).toBe(400);
    expect(longPage.raw).toContain('搜索词不能超过 100 个字符');
    const longProblem = await anon.get(`/search?q=${encodeURIComponent(long)}`);
    expect([longProblem.status, longProblem.body.code]).toEqual([400, 'content.search.query_too_long']);
    const empty = await anon.get('/search');
    expect(empty.status).toBe(200);
    expect(empty.raw).toContain('请输入要查找的词语');
    expect((await anon.get('/search?q=%E7%A4%BE%E5%8C%BA&page=abc')).status).toBe(200);
    expect((await anon.get('/api/v1/search?q=x&page=abc')).status).toBe(400);
  });

  it('pages have stable URLs and a page past the end goes to the last one', async () => {
    const core = t.app.core;
    for (let i = 0; i < 23; i++) {
      await addItem(core, { title: `夜读会第${i + 1}期`, body: '夜读会邀请居民共读。', publishedAt: new Date(Date.parse('2024-01-01T00:00:00Z') + i * 86_400_000).toISOString() });
    }
    const first = await search(core, { q: '夜读会', page: 1 });
    expect(first.total).toBe(23);
    expect(first.pageCount).toBe(3);
    const second = await search(core, { q: '夜读会', page: 2 });
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(20);
    // A common query (more matches than the candidate bound): the newest matches, newest first, total marked as capped.
    const terms = (await querySegmenter(core)).queryTerms('夜读会');
    const bounded = await rankMatches(core, terms, {}, '2026-03-02', { title: 4, body: 5 });
    expect(bounded.totalCapped).toBe(true);
    const rows = await searchDb(core).selectFrom('content_search_docs').select(['doc_key', 'published_at']).where('doc_key', 'in', bounded.keys.slice(0, 4)).execute();
    const dateOf = new Map(rows.map((r) => [Number(r.doc_key), new Date(r.published_at).toISOString().slice(0, 10)]));
    expect(bounded.keys.slice(0, 4).map((k) => dateOf.get(k))).toEqual(['2024-01-23', '2024-01-22', '2024-01-21', '2024-01-20']);
    const anon = t.anonymous();
    const page2 = await anon.get('/search?q=%E5%A4%9C%E8%AF%BB%E4%BC%9A&page=2');
    expect(page2.raw).toContain('href="/search?q=%E5%A4%9C%E8%AF%BB%E4%BC%9A&amp;page=3"');
    const past = await anon.get('/search?q=%E5%A4%9C%E8%AF%BB%E4%BC%9A&page=9');
    expect(past.status).toBe(302);
    expect(past.headers.location).toBe('/search?q=%E5%A4%9C%E8%AF%BB%E4%BC%9A&page=3');
  });

  it('admins extend the dictionary without a restart; other processes pick it up within seconds', async () => {
    const admin = await t.login('admin');
    const before = await querySegmenter(t.app.core);
    expect(before.knowsWord('夜读会')).toBe(false);
    const add = await admin.post('/api/v1/content/dictionary', { word: '夜读会' });
    expect(add.status, add.raw).toBe(201);
    expect((await querySegmenter(t.app.core)).knowsWord('夜读会')).toBe(true);
    expect((await admin.post('/api/v1/content/dictionary', { word: '夜读会' })).status).toBe(409);
    expect((await admin.post('/api/v1/content/dictionary', { word: '有 空格' })).status).toBe(400);
    expect((await admin.delete(`/api/v1/content/dictionary/${encodeURIComponent('社区教育')}`)).status).toBe(409);
    const list = await admin.get('/api/v1/content/dictionary');
    expect(list.body.items).toEqual(expect.arrayContaining([{ word: '夜读会', builtIn: false, createdAt: expect.any(String) }, { word: '柳泉镇', builtIn: true, createdAt: null }]));
    // Documents indexed before the word existed are still found (bigrams), and after a reindex too.
    expect((await search(t.app.core, { q: '夜读会', page: 1 })).total).toBe(23);
    await reindexAll(t.app.core);
    expect((await search(t.app.core, { q: '夜读会', page: 1 })).total).toBe(23);
    // Another process changes the dictionary: this one sees it once RECHECK_MS has passed.
    await sql`update content_search_words set word = ${'读书角'} where word = ${'夜读会'}`.execute(t.app.core.db);
    await sql`update content_search_state set dictionary_version = ${'other-process-' + kind} where id = 1`.execute(t.app.core.db);
    expect((await querySegmenter(t.app.core)).knowsWord('读书角')).toBe(false);
    const now = Date.now();
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now + RECHECK_MS + 1);
    try {
      expect((await querySegmenter(t.app.core)).knowsWord('读书角')).toBe(true);
    } finally {
      spy.mockRestore();
    }
    expect((await admin.delete(`/api/v1/content/dictionary/${encodeURIComponent('读书角')}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/content/dictionary/${encodeURIComponent('读书角')}`)).status).toBe(404);
    expect((await (await t.login('editor')).get('/api/v1/content/dictionary')).status).toBe(403);
  });

  it('recommends items by content similarity, never the item itself', async () => {
    const similar = await similarItems(t.app.core, doc.elder, 3);
    expect(similar[0].id).toBe(doc.elderOld);
    expect(similar.map((s) => s.id)).not.toContain(doc.elder);
  });
});
