import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { browserSuite } from '../support/browser-suite.js';
import { publishItems } from '../support/content-fixtures.js';
import { pdfLines, pdfPages } from '../support/pdf-text.js';

const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-content-shots-'));
const shotPath = (name: string) => path.join(shotDir, `${name}.png`);

const BODY_SECTIONS = ['总体要求', '主要任务', '保障措施'].map((heading, i) => [
  `<p>${'一二三'[i]}、${heading}</p>`,
  ...[1, 2, 3].map((j) => `<p>（${'一二三'[j - 1]}）第${j}项工作</p><p>${'各镇要把社区教育纳入经济社会发展规划，统筹学校、文化、体育等各类资源，向社区居民有序开放，满足居民多层次、多样化的学习需求。'.repeat(3)}</p>`),
].join('')).join('');

describe('content portal in Chromium', () => {
  const suite = browserSuite();
  let articleId: string;
  let documentId: string;

  beforeAll(async () => {
    const ids = await publishItems(suite.t, Array.from({ length: 25 }, (_, i) => ({
      category: 'notices', title: `关于举办第${i + 1}期社区教育志愿者培训班的通知`, publishedAt: new Date(Date.UTC(2024, 2, 1 + i, 2)),
      body: `<p>各镇社区教育中心：</p><p>为提升社区教育志愿者的服务能力，市社区教育指导中心决定举办第${i + 1}期培训班。现将有关事项通知如下。</p><p>一、培训对象</p><p>各镇、村（社区）社区教育志愿者。</p>`,
    })));
    articleId = ids[24];
    [documentId] = await publishItems(suite.t, [{
      category: 'policies', title: '关于进一步加强我市社区教育工作的意见', publishedAt: new Date('2023-04-23T04:20:07Z'), body: BODY_SECTIONS,
      official: {
        doc_type: 'opinion', issuing_organ: '青溪市教育局', organ_code: '000014349', topic: '教育', doc_number: '青教发〔2023〕12号', doc_year: 2023,
        addressees: '各镇人民政府，市各有关单位', cc: '市委办公室，市人大常委会办公室，市政协办公室', written_date: '2023-04-20',
        printing_organ: '青溪市教育局办公室', printing_date: '2023-04-21',
      },
    }]);
  });

  const pagesToCheck = () => [
    { name: 'home', url: '/' },
    { name: 'category', url: '/c/notices' },
    { name: 'article', url: `/a/${articleId}` },
    { name: 'document', url: `/a/${documentId}` },
    { name: 'search', url: '/search?q=社区教育' },
    { name: 'disclosure', url: '/disclosure' },
    { name: 'print', url: `/a/${documentId}/print` },
  ];

  for (const width of [1280, 360]) {
    it(`home, category, article, search and print view pass axe and fit ${width} px`, async () => {
      const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
      const page = await context.newPage();
      try {
        for (const target of pagesToCheck()) {
          const res = await page.goto(`${suite.baseUrl}${target.url}`);
          expect(res?.status(), target.url).toBe(200);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${target.name} wider than the screen`).toBeLessThanOrEqual(width);
          await page.screenshot({ path: shotPath(`content-${target.name}-${width}`), fullPage: true });
          expect(await seriousViolations(page), target.url).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('the search box is labelled, works from any page and in care mode at 360 px', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    await context.addCookies([{ name: 'care', value: '1', url: suite.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/a/${articleId}`);
    const box = page.getByLabel('站内搜索');
    expect(await box.boundingBox()).not.toBeNull();
    await box.fill('社区教育');
    await Promise.all([page.waitForURL(/\/search\?q=/), box.press('Enter')]);
    expect(decodeURIComponent(page.url())).toContain('/search?q=社区教育');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shotPath('content-search-care-360'), fullPage: true });
    await context.close();
  });

  it('the article reads well on a 360 px phone: body text ≥ 16 px, QR code visible, no horizontal scroll', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/a/${documentId}`);
    const metrics = await page.evaluate(() => {
      const p = document.querySelector('.article-body p')!;
      const qr = document.querySelector('.qr svg')!.getBoundingClientRect();
      return { font: parseFloat(getComputedStyle(p).fontSize), qrWidth: qr.width, width: document.documentElement.scrollWidth };
    });
    expect(metrics.font).toBeGreaterThanOrEqual(16);
    expect(metrics.qrWidth).toBeGreaterThanOrEqual(120);
    expect(metrics.width).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('the print view prints on A4 with page numbers — n — at alternating sides', async () => {
    const context = await suite.browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/a/${documentId}/print`);
    await page.screenshot({ path: shotPath('content-print-screen'), fullPage: true });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(path.join(shotDir, 'content-print.pdf'), pdf);
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, p] of pages.entries()) {
      // A4 in points: 595.28 × 841.89.
      expect(Math.abs(p.width - 595.28), `page ${i + 1} width`).toBeLessThan(1);
      expect(Math.abs(p.height - 841.89), `page ${i + 1} height`).toBeLessThan(1);
      const lines = pdfLines(p);
      const number = lines.find((l) => l.text === `— ${i + 1} —`);
      expect(number, `page ${i + 1}: ${JSON.stringify(lines.slice(-2))}`).toBeDefined();
      // 7 mm below the type area (bottom margin 35 mm): the number's baseline sits in the bottom margin.
      const mm = (pt: number) => (pt * 25.4) / 72;
      expect(mm(number!.y)).toBeLessThan(35 - 7);
      expect(mm(number!.y)).toBeGreaterThan(35 - 7 - 14);
      // Odd pages at the right of the type area (ends near 210 - 26 mm), even pages at the left (starts near 28 mm).
      if ((i + 1) % 2 === 1) expect(mm(number!.x)).toBeGreaterThan(150);
      else expect(mm(number!.x)).toBeLessThan(40);
    }
    const first = pdfLines(pages[0]).map((l) => l.text);
    expect(first[0]).toBe('青溪市教育局文件');
    expect(first[1]).toBe('青教发〔2023〕12号');
    const last = pdfLines(pages[pages.length - 1]).map((l) => l.text);
    expect(last.some((l) => l.startsWith('抄送：市委办公室'))).toBe(true);
    expect(last.some((l) => l.startsWith('青溪市教育局办公室') && l.endsWith('2023年4月21日印发'))).toBe(true);
    await context.close();
  });
});
