import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/axe.js';
import { browserSuite } from '../../../../test/support/browser-suite.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';

/** The learning-places pages in Chromium: no serious axe findings and no horizontal scroll on a 360 px phone. */
describe('learning places in Chromium', () => {
  const suite = browserSuite();

  for (const width of [1280, 360]) {
    it(`the list, a filtered list and a place page pass axe and fit ${width} px`, async () => {
      const center = await centerOf(suite.t, TOWN_IDS[0]);
      const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
      const page = await context.newPage();
      try {
        for (const url of ['/places', `/places?town=${TOWN_IDS[0]}&kind=citizen_school`, `/places/${center.id}`]) {
          const res = await page.goto(`${suite.baseUrl}${url}`);
          expect(res?.status(), url).toBe(200);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} wider than the screen`).toBeLessThanOrEqual(width);
          expect(await seriousViolations(page), url).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }

  it('a resident filters by town with the form and opens a place from the list', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', isMobile: true });
    const page = await context.newPage();
    try {
      await page.goto(`${suite.baseUrl}/places`);
      await page.getByLabel('镇（街道）').selectOption({ label: '石桥镇' });
      await Promise.all([page.waitForURL(/\/places\?town=329901102000/), page.getByRole('button', { name: '查找' }).click()]);
      expect(await page.locator('h2').allTextContents()).toEqual(['石桥镇']);
      await Promise.all([page.waitForURL(/\/places\/[0-9a-f-]+$/), page.getByRole('link', { name: '石桥镇社区教育中心' }).click()]);
      expect(await page.locator('h1').textContent()).toBe('石桥镇社区教育中心');
    } finally {
      await context.close();
    }
  });
});
