import { describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { shot } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { DEMO_PASSWORD } from '../support/test-app.js';

const PHONE = 360;
const phone: BrowserContextOptions = { viewport: { width: PHONE, height: 800 }, locale: 'zh-CN', isMobile: true, hasTouch: true, bypassCSP: true };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'zh-CN', bypassCSP: true };

async function open(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

async function careMode(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/care-mode?on=1&back=/`);
  expect(await page.evaluate(() => document.documentElement.classList.contains('care'))).toBe(true);
}

async function logIn(page: Page, baseUrl: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名或手机号').fill('resident');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL(`${baseUrl}/account`), page.locator('main').getByRole('button', { name: '登录' }).click()]);
}

/** The first link in the page's main content whose path matches, e.g. a class from the class listing. */
async function firstLink(page: Page, url: string, pattern: RegExp): Promise<string> {
  await page.goto(url);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, `a link like ${pattern} on ${url}`).toBeDefined();
  return found!;
}

/** The visible tool-bar controls' top edges: one row means one value. */
const topbarRows = (page: Page) => page.locator('.topbar .wrap > *').evaluateAll((items) =>
  [...new Set(items.filter((el) => el.checkVisibility()).map((el) => Math.round(el.getBoundingClientRect().top)))]);

const menuButton = (page: Page) => page.locator('summary.menu-toggle');
const navLinks = (page: Page) => page.locator('nav.mainnav a');
// textContent, not innerText: a closed menu's links have no rendered text.
const currentSections = (page: Page) => page.locator('nav.mainnav a[aria-current="page"]').evaluateAll((links) => links.map((a) => a.textContent));
const focusedIn = (page: Page, selector: string) => page.evaluate((s) => Boolean(document.activeElement?.closest(s)), selector);

describe('the portal on a phone: compact header, collapsible navigation (Chromium)', () => {
  const suite = browserSuite();

  it('at 360 px the content starts high; 菜单 opens and closes the navigation by touch and keyboard; a link navigates', async () => {
    const page = await open(suite.browser, phone);
    await page.goto(`${suite.baseUrl}/c/notices`);
    // The header is one tool row, the site name, the search box and the menu button (it took ~460 px before).
    expect((await page.locator('main').boundingBox())!.y).toBeLessThanOrEqual(250);
    expect(await topbarRows(page)).toHaveLength(1);
    await expect.poll(() => page.locator('#site-search').isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE);

    const button = menuButton(page);
    expect(await button.isVisible()).toBe(true);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await button.innerText()).toMatch(/菜单[\s\S]*通知公告/);
    expect(await navLinks(page).first().isVisible()).toBe(false);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: shot('portal-mobile-closed') });

    await button.tap();
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(true);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('true');
    expect(await currentSections(page)).toEqual(['通知公告']);
    const heights = await navLinks(page).evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-mobile-open'), fullPage: true });
    await button.click();
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(false);

    // Keyboard: Enter opens, Tab walks into the links with a visible focus ring, Esc closes and returns to the button.
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedIn(page, 'nav.mainnav')).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(false);
    expect(await focusedIn(page, 'summary.menu-toggle')).toBe(true);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Space');
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(true);

    await Promise.all([page.waitForURL(`${suite.baseUrl}/classes`), navLinks(page).getByText('课程报名', { exact: true }).click()]);
    expect(await menuButton(page).innerText()).toContain('课程报名');
    expect(await navLinks(page).first().isVisible()).toBe(false);
    await page.context().close();
  });

  it('the tool bar keeps every function in one row: log in and sign up, or my account and log out', async () => {
    const page = await open(suite.browser, phone);
    await page.goto(`${suite.baseUrl}/jobs`);
    const topbar = page.locator('.topbar');
    for (const name of ['关怀版', 'English', '登录', '注册']) expect(await topbar.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
    // 朗读正文 shows as 朗读 and keeps its full name.
    const readAloud = topbar.getByRole('button', { name: '朗读正文' });
    expect(await readAloud.isVisible()).toBe(true);
    expect(await readAloud.locator('.label-short').innerText()).toBe('朗读');
    expect(await topbarRows(page)).toHaveLength(1);
    await logIn(page, suite.baseUrl);
    expect(await topbarRows(page)).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE);
    expect(await topbar.getByRole('link', { name: '我的账户' }).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-mobile-account') });
    await Promise.all([page.waitForURL(`${suite.baseUrl}/`), topbar.getByRole('button', { name: '退出登录' }).click()]);
    expect(await topbar.getByRole('link', { name: '登录', exact: true }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('care mode on a phone: large targets, the menu opens, nothing wider than the screen', async () => {
    const page = await open(suite.browser, phone);
    await careMode(page, suite.baseUrl);
    await page.goto(`${suite.baseUrl}/places`);
    const button = menuButton(page);
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(60);
    await page.screenshot({ path: shot('portal-mobile-care-closed') });
    await button.tap();
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(true);
    const heights = await page.locator('nav.mainnav a, .topbar .linklike').evaluateAll((els) =>
      els.filter((el) => el.checkVisibility()).map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(60);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-mobile-care-open'), fullPage: true });
    await page.keyboard.press('Escape');
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(false);
    await page.context().close();
  });

  it('no portal page scrolls sideways at 360 px, in standard and care mode', async () => {
    const page = await open(suite.browser, phone);
    const base = suite.baseUrl;
    const pages = [
      '/', '/classes', await firstLink(page, `${base}/classes`, /^\/classes\/[0-9a-f-]{36}$/),
      '/places', await firstLink(page, `${base}/places`, /^\/places\/[0-9a-f-]{36}$/),
      '/c/notices', await firstLink(page, `${base}/c/notices`, /^\/a\/[0-9a-f-]{36}$/),
      '/search?q=%E7%A4%BE%E5%8C%BA', '/jobs', '/courses', '/surveys', '/login', '/register', '/verify/0000000000000000',
    ];
    const wide: string[] = [];
    const check = async (path: string, mode: string) => {
      await page.goto(base + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE) wide.push(`${mode} ${path}: ${width} px`);
    };
    for (const path of pages) await check(path, 'standard');
    await logIn(page, base);
    const signedIn = ['/account', await firstLink(page, `${base}/account/certificates`, /^\/verify\/\w+$/)];
    for (const path of signedIn) await check(path, 'standard');
    await careMode(page, base);
    for (const path of [...pages, ...signedIn]) await check(path, 'care');
    expect(wide).toEqual([]);
    await page.context().close();
  });

  it('at 1280 px the navigation is the full bar with no 菜单 button, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const page = await open(suite.browser, { ...desktop, javaScriptEnabled });
      await page.goto(`${suite.baseUrl}/c/notices`);
      expect(await menuButton(page).isVisible()).toBe(false);
      const visible = await navLinks(page).evaluateAll((links) => links.map((a) => a.checkVisibility()));
      expect(visible.length).toBeGreaterThan(5);
      expect(visible.every(Boolean)).toBe(true);
      const tops = await navLinks(page).evaluateAll((links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size);
      expect(tops).toBeLessThanOrEqual(2);
      expect(await currentSections(page)).toEqual(['通知公告']);
      expect(await page.locator('.topbar').getByRole('link', { name: '注册' }).isVisible()).toBe(true);
      if (javaScriptEnabled) {
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: shot('portal-mobile-desktop-bar') });
      }
      await page.context().close();
    }
  });

  it('without JavaScript the 菜单 button still opens the navigation on a phone, and a link works', async () => {
    const page = await open(suite.browser, { ...phone, javaScriptEnabled: false });
    await page.goto(`${suite.baseUrl}/`);
    expect(await navLinks(page).first().isVisible()).toBe(false);
    await menuButton(page).click();
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(true);
    await page.screenshot({ path: shot('portal-mobile-nojs-open'), fullPage: true });
    await Promise.all([page.waitForURL(`${suite.baseUrl}/places`), navLinks(page).getByText('学习场所', { exact: true }).click()]);
    expect(await currentSections(page)).toEqual(['学习场所']);
    await menuButton(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => navLinks(page).first().isVisible()).toBe(true);
    await page.context().close();
  });
});
