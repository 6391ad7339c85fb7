import { describe, expect, it } from 'vitest';
import { shot } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

describe('portal in Chromium', () => {
  const suite = browserSuite();

  it('a resident registers and logs in on a 360 px phone', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shot('portal-home-360'), fullPage: true });
    await page.getByRole('link', { name: '注册', exact: true }).first().click();
    await page.getByLabel('用户名', { exact: true }).fill('sun.meilan');
    await page.getByLabel('密码', { exact: true }).fill('osmanthus in autumn');
    await page.getByLabel('真实姓名（可选）').fill('孙美兰');
    await page.getByLabel('我已阅读并同意《个人信息保护政策》').check();
    await page.screenshot({ path: shot('portal-register-360'), fullPage: true });
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(`${suite.baseUrl}/account`);
    await expect.poll(() => page.locator('main').innerText()).toContain('孙美兰');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${suite.baseUrl}/`);
    await page.goto(`${suite.baseUrl}/login`);
    await page.getByLabel('用户名或手机号').fill('sun.meilan');
    await page.getByLabel('密码', { exact: true }).fill('osmanthus in autumn');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${suite.baseUrl}/account`);
    await page.screenshot({ path: shot('portal-account-360'), fullPage: true });
    await context.close();
  });

  it('care mode: 18 pt text, line spacing ≥ 1.3, contrast ≥ 4.5:1, 60 px targets, remembered, keyboard-only', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/help`);
    // Keyboard only: the first Tab reaches the skip link, Enter on the care-mode link switches it on.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const careButton = page.getByRole('link', { name: '关怀版' });
    await careButton.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true);
    await page.goto(`${suite.baseUrl}/`);
    const metrics = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const p = document.querySelector('main p')!;
      const ps = getComputedStyle(p);
      const buttons = [...document.querySelectorAll('main .btn, .topbar .linklike, .mainnav a')].filter((b) => b.checkVisibility()).map((b) => b.getBoundingClientRect().height);
      return { fontSize: parseFloat(ps.fontSize), lineHeight: parseFloat(ps.lineHeight) / parseFloat(ps.fontSize), color: ps.color, background: body.backgroundColor, minTarget: Math.min(...buttons) };
    });
    expect(metrics.fontSize).toBeGreaterThanOrEqual(24); // 18 pt = 24 px
    expect(metrics.lineHeight).toBeGreaterThanOrEqual(1.3);
    expect(contrast(metrics.color, metrics.background)).toBeGreaterThanOrEqual(4.5);
    expect(metrics.minTarget).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: shot('portal-home-care'), fullPage: true });
    await context.close();
  });

  it('standard mode keeps 44 px targets and a visible focus ring', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/`);
    const minTarget = await page.evaluate(() => Math.min(...[...document.querySelectorAll('main .btn, .mainnav a')].map((b) => b.getBoundingClientRect().height)));
    expect(minTarget).toBeGreaterThanOrEqual(44);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await page.screenshot({ path: shot('portal-home-desktop'), fullPage: true });
    await context.close();
  });
});
