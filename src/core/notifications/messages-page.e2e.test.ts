import { describe, expect, it } from 'vitest';
import { shot } from '../../../test/support/browser.js';
import { browserSuite } from '../../../test/support/browser-suite.js';
import { seriousViolations } from '../../../test/support/axe.js';
import { userIdOf } from '../../../test/support/demo-roles.js';
import { DEMO_PASSWORD } from '../../../test/support/test-app.js';
import { registerMessages } from '../i18n/i18n.js';
import { notify } from './notify.js';

registerMessages(
  { 'test.e2e.offer.title': '候补转正：{course}', 'test.e2e.offer.body': '{course}有空位了，您已从候补转为正式学员。请按时到{place}上课，第一次课请带上身份证和笔记本。' },
  { 'test.e2e.offer.title': 'Off the waitlist: {course}', 'test.e2e.offer.body': 'A seat in {course} is yours. Please come to {place} on time; bring your ID card and a notebook to the first class.' },
);

describe('the inbox page in Chromium', () => {
  const suite = browserSuite();

  it('a resident reads their messages on a 360 px phone, in care mode too, and marks one read', async () => {
    const userId = await userIdOf(suite.t, 'resident');
    // The demo's learning data leaves messages in this inbox; the test reads only its own three.
    await suite.t.app.database.db.deleteFrom('notifications').where('user_id', '=', userId).execute();
    const base = new Date('2026-03-02T01:00:00.000Z').getTime();
    for (const [i, course] of ['太极拳（初级班）', '智能手机使用入门', '老年书法'].entries()) {
      await notify(suite.t.app.database.db, new Date(base + i * 60_000), {
        userId, topic: 'test.e2e.offer', params: { course, place: '柳泉镇社区教育中心二楼多功能教室' }, link: '/account',
      });
    }
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('resident');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${suite.baseUrl}/account`);
    await page.getByRole('link', { name: /我的消息/ }).click();
    await page.waitForURL(`${suite.baseUrl}/account/messages`);

    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain('未读 3 条');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-messages-360'), fullPage: true });

    // The newest message comes first; marking it read takes the reader back to the list with one fewer unread.
    const first = page.locator('.item-list li').first();
    expect(await first.innerText()).toContain('老年书法');
    await first.getByRole('button', { name: '标为已读' }).click();
    await page.waitForURL(`${suite.baseUrl}/account/messages`);
    await expect.poll(() => main.innerText()).toContain('未读 2 条');
    expect(await page.locator('.item-list li').first().getByRole('button').count()).toBe(0);

    await page.goto(`${suite.baseUrl}/care-mode?on=1&back=/account/messages`);
    await page.waitForURL(`${suite.baseUrl}/account/messages`);
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Care mode's 60 px touch targets hold for the page's buttons.
    const heights = await page.locator('main button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThan(0);
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: shot('portal-messages-360-care'), fullPage: true });
    await context.close();
  });
});
