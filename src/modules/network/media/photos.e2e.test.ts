import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../../test/support/axe.js';
import { browserSuite } from '../../../../test/support/browser-suite.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';

/** A place page with photos in Chromium: the images load lazily, carry their captions as alt text and fit 360 px. */
describe('place photos in Chromium', () => {
  const suite = browserSuite();

  for (const width of [360, 1280]) {
    it(`the demo center's photo shows on its page at ${width} px without horizontal scroll or serious axe findings`, async () => {
      const center = await centerOf(suite.t, TOWN_IDS[0]);
      const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
      const page = await context.newPage();
      try {
        const res = await page.goto(`${suite.baseUrl}/places/${center.id}`);
        expect(res?.status()).toBe(200);
        const img = page.getByRole('img', { name: '柳泉镇社区教育中心外景（示意图）' });
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(320);
        expect(await img.getAttribute('loading')).toBe('lazy');
        const box = (await img.boundingBox())!;
        // Small tiles: two across on a phone, never wider than the page.
        expect(box.width).toBeLessThanOrEqual(width / 2);
        expect(box.width).toBeGreaterThan(100);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await seriousViolations(page)).toEqual([]);
        if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/place-photos-${width}.png`, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
});
