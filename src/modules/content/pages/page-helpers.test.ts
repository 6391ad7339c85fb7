import { describe, expect, it } from 'vitest';
import { summaryOf } from './summary.js';
import { isRobot } from './view-counter.js';
import { chineseDate, markHeadingLevels } from './print-page.js';
import { planSitemap, robotsTxt, rssFeed } from './feeds.js';
import { pageCache } from '../../../portal/page-cache.js';
import { jsonLdScript } from '../../../portal/seo.js';

describe('summaries', () => {
  it("prefers the editor's summary", () => {
    expect(summaryOf('  编辑写的摘要。 ', '正文第一句。')).toBe('编辑写的摘要。');
  });
  it('cuts the body after the last sentence mark that fits', () => {
    const body = '第一句话说明背景。第二句话提出要求！第三句话很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。';
    expect(summaryOf(null, body, 30)).toBe('第一句话说明背景。第二句话提出要求！');
    expect(summaryOf('', '短正文', 30)).toBe('短正文');
  });
  it('skips the salutation and numbered headings', () => {
    expect(summaryOf(null, '各镇人民政府：\n一、总体要求\n（一）指导思想\n坚持政府主导。统筹推进。', 120)).toBe('坚持政府主导。统筹推进。');
    expect(summaryOf(null, '各镇人民政府：', 120)).toBe('各镇人民政府：');
  });
  it('a first sentence longer than the limit is cut at a clause mark with an ellipsis', () => {
    expect(summaryOf(null, '为深入贯彻落实终身学习理念，进一步推进社区教育，现将有关事项通知如下', 20)).toBe('为深入贯彻落实终身学习理念……');
  });
});

describe('robots are not visitors', () => {
  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'Mozilla/5.0 (compatible; YandexBot/3.0)', 'Sogou web spider/4.0(+http://www.sogou.com/docs/help/webmasters.htm#07)',
    'Mozilla/5.0 (compatible; 360Spider)', 'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
    'curl/8.5.0', 'Wget/1.21.4', 'python-requests/2.31.0', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36', '', '   ',
  ])('%s', (ua) => expect(isRobot(ua)).toBe(true));
  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47',
    'Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0 Mobile Safari/537.36 CUBOT_X30',
  ])('a reader: %s', (ua) => expect(isRobot(ua)).toBe(false));
});

describe('print view helpers', () => {
  it('marks 公文 heading levels on bare paragraphs only', () => {
    expect(markHeadingLevels('<p>一、总体要求</p><p>（二）工作目标</p><p>3. 加强保障</p><p>（1）经费</p><p>2023年是关键一年</p><p class="x">一、不动</p>'))
      .toBe('<p class="l1">一、总体要求</p><p class="l2">（二）工作目标</p><p class="l3">3. 加强保障</p><p>（1）经费</p><p>2023年是关键一年</p><p class="x">一、不动</p>');
  });
  it('writes dates the way the standard does', () => {
    expect(chineseDate('2023-04-05')).toBe('2023年4月5日');
    expect(chineseDate(null)).toBe('');
  });
});

describe('sitemaps', () => {
  const entries = Array.from({ length: 7 }, (_, i) => ({ path: `/a/${i}`, lastmod: `2024-01-0${i + 1}T00:00:00.000Z` }));
  it('one urlset while the URLs fit', () => {
    const plan = planSitemap('https://x.example', entries, 7);
    expect(plan.split).toBe(false);
    expect((plan.root.match(/<url>/g) ?? []).length).toBe(7);
    expect(plan.part(1)).toBeNull();
  });
  it('an index of parts past the limit (injected small limit)', () => {
    const plan = planSitemap('https://x.example', entries, 3);
    expect(plan.split).toBe(true);
    expect(plan.root).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect([...plan.root.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual(['https://x.example/sitemap/1.xml', 'https://x.example/sitemap/2.xml', 'https://x.example/sitemap/3.xml']);
    expect(plan.root).toContain('<lastmod>2024-01-06T00:00:00Z</lastmod>');
    expect((plan.part(1)!.match(/<url>/g) ?? []).length).toBe(3);
    expect((plan.part(3)!.match(/<url>/g) ?? []).length).toBe(1);
    expect(plan.part(3)).toContain('<loc>https://x.example/a/6</loc>');
    expect(plan.part(4)).toBeNull();
    expect(plan.part(0)).toBeNull();
  });
  it('escapes XML in feeds', () => {
    const xml = rssFeed({ title: 'A & B', path: '/c/x', description: '<d>', baseUrl: 'https://x.example', language: 'zh-CN', selfPath: '/c/x/rss.xml' },
      [{ title: '标题 <script>', path: '/a/1', description: 'x&y', pubDate: '2024-01-01T00:00:00Z' }]);
    expect(xml).toContain('<title>A &amp; B</title>');
    expect(xml).toContain('<title>标题 &lt;script&gt;</title>');
    expect(xml).not.toContain('<script>');
    expect(robotsTxt('https://x.example')).toContain('Sitemap: https://x.example/sitemap.xml');
  });
});

describe('page cache', () => {
  it('serves a hit only with the same stamp, marks it stale past the lifetime, and stays within its byte budget', () => {
    const cache = pageCache(100, 1000);
    cache.set('a', 's1', Buffer.alloc(40), 0);
    expect(cache.get('a', 's1', 10)?.stale).toBe(false);
    expect(cache.get('a', 's2', 10)).toBeNull();
    expect(cache.get('a', 's1', 1000)?.stale).toBe(true);
    cache.set('b', 's1', Buffer.alloc(40), 0);
    cache.get('a', 's1', 1); // a is now the most recently used
    cache.set('c', 's1', Buffer.alloc(40), 0);
    expect(cache.bytes).toBeLessThanOrEqual(100);
    expect(cache.get('b', 's1', 2)).toBeNull();
    expect(cache.get('a', 's1', 2)).not.toBeNull();
    cache.set('huge', 's1', Buffer.alloc(101), 0);
    expect(cache.get('huge', 's1', 0)).toBeNull();
  });
});

it('JSON-LD cannot close its script element', () => {
  const html = jsonLdScript({ '@type': 'Article', headline: '</script><script>alert(1)</script>' }).html;
  expect(html.match(/<\/script>/g)).toHaveLength(1);
  expect(JSON.parse(html.replace(/^<script[^>]*>|<\/script>$/g, '')).headline).toBe('</script><script>alert(1)</script>');
});
