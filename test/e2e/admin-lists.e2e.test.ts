import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';

const PASSWORD = 'learning-city-demo';
const NETWORK_ITEMS = ['机构管理', '人员管理', '合作伙伴', '查漏补缺', '批量导入', '标准管理'] as const;
/** The permission each network menu item asks for (the menu shows what the account holds). */
const NETWORK_PERMISSION: Record<(typeof NETWORK_ITEMS)[number], string> = {
  机构管理: 'network.institution.read',
  人员管理: 'network.staff.read',
  合作伙伴: 'network.partner.read',
  查漏补缺: 'network.standard.read',
  批量导入: 'network.staff.manage',
  标准管理: 'network.standard.manage',
};
/** List pages built on the shared list shell: menu item, table test id, export button test id (if any). */
const LISTS = [
  { menu: '机构管理', table: 'institutions-table', exportId: 'institutions-export', shotName: 'institutions' },
  { menu: '人员管理', table: 'people-table', exportId: 'people-export', shotName: 'people' },
  { menu: '合作伙伴', table: 'partners-table', exportId: 'partners-export', shotName: 'partners' },
  { menu: '内容管理', table: 'items-table', exportId: null, shotName: 'content-items' },
  { menu: '用户管理', table: 'users-table', exportId: null, shotName: 'users' },
  { menu: '审计日志', table: 'audit-table', exportId: null, shotName: 'audit' },
] as const;

describe('back office: grouped side menu and the shared list pages (Chromium)', () => {
  const suite = browserSuite();

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page; pageErrors: string[]; permissions: string[] }> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, suite.baseUrl, username, PASSWORD);
    await page.getByTestId('menu').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json() as Promise<{ user: { permissions: string[] } }>);
    return { context, page, pageErrors, permissions: me.user.permissions };
  }

  /** The sub-menu whose title is `title`. */
  const group = (page: Page, title: string): Locator =>
    page.getByTestId('menu').locator('li.ant-menu-submenu').filter({ has: page.getByRole('menuitem', { name: title, exact: true }) });

  async function checkMenu(page: Page, permissions: string[]) {
    // Network screens sit in one 社区教育网络 group, each shown only to holders of its permission.
    const network = group(page, '社区教育网络');
    expect(await network.count()).toBe(1);
    for (const item of NETWORK_ITEMS) {
      const expected = permissions.includes(NETWORK_PERMISSION[item]) ? 1 : 0;
      expect(await network.getByRole('menuitem', { name: item, exact: true }).count(), item).toBe(expected);
      // Nowhere else in the menu.
      expect(await page.getByTestId('menu').getByRole('menuitem', { name: item, exact: true }).count(), item).toBe(expected);
    }
    if (permissions.includes('content.item.read')) {
      expect(await group(page, '内容').getByRole('menuitem', { name: '内容管理', exact: true }).count()).toBe(1);
    }
  }

  async function checkLists(page: Page, who: string, permissions: string[]) {
    const menu = page.getByTestId('menu');
    for (const list of LISTS) {
      if ((await menu.getByRole('menuitem', { name: list.menu, exact: true }).count()) === 0) continue;
      await menu.getByRole('menuitem', { name: list.menu, exact: true }).click();
      const table = page.getByTestId(list.table);
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      // Filter bar above, pager below, and the export of what the filters select.
      expect(await page.locator('.ant-card').first().locator('form.ant-form-inline').count(), list.menu).toBe(1);
      expect(await page.locator('.ant-card').first().getByRole('button', { name: /^重\s*置$/ }).count(), list.menu).toBe(1);
      expect(await page.locator('.ant-pagination-total-text').innerText()).toMatch(/共 \d+ 条/);
      if (list.exportId) expect(await page.getByTestId(list.exportId).getAttribute('href')).toMatch(/export\.xlsx$/);
      await page.screenshot({ path: shot(`admin-list-${list.shotName}-${who}`) });
    }
    expect(permissions.length).toBeGreaterThan(0);
  }

  it('admin: network, content and learning screens in their groups; each list page has its filters, pager and export', async () => {
    const { context, page, pageErrors, permissions } = await signedIn('admin');
    await checkMenu(page, permissions);
    expect(await group(page, '学习').count()).toBe(1);
    await page.screenshot({ path: shot('admin-menu-groups-admin') });
    await checkLists(page, 'admin', permissions);

    // A filter from the bar lands in the URL and narrows the list; 重置 clears it.
    await page.getByTestId('menu').getByRole('menuitem', { name: '机构管理', exact: true }).click();
    const search = page.getByTestId('inst-filter-q').locator('input');
    await search.fill('柳泉镇社区教育中心');
    await search.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('柳泉镇社区教育中心');
    await expect.poll(() => page.getByTestId('institutions-table').locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.getByRole('button', { name: /^重\s*置$/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBeNull();
    expect(await search.inputValue()).toBe('');

    // The institution form: a required field left empty is said on the field, nothing is sent.
    await page.getByTestId('inst-create').click();
    const form = page.getByTestId('institution-form');
    await form.getByRole('button', { name: /保\s*存/ }).click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    await page.screenshot({ path: shot('admin-institution-form-required') });
    await form.getByRole('button', { name: /取\s*消/ }).click();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('town admin: the same groups trimmed to the town\'s permissions; no audit log', async () => {
    const { context, page, pageErrors, permissions } = await signedIn('town');
    await checkMenu(page, permissions);
    expect(permissions).not.toContain('core.audit.read');
    expect(await page.getByTestId('menu').getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await page.screenshot({ path: shot('admin-menu-groups-town') });
    await checkLists(page, 'town', permissions);

    // The partner drawer (shared drawer shell) opens from the list and closes again.
    await page.getByTestId('menu').getByRole('menuitem', { name: '合作伙伴', exact: true }).click();
    const first = page.getByTestId('partners-table').locator('tbody tr.ant-table-row').first();
    await first.locator('[data-testid^="partner-show-"]').click();
    const drawer = page.getByTestId('partner-drawer');
    await drawer.getByTestId('contributions').waitFor();
    await page.screenshot({ path: shot('admin-partner-drawer-town') });
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
