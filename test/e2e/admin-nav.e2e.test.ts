import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';
import { pickOption } from '../support/antd.js';

const PASSWORD = 'learning-city-demo';

/** Row ids of the navigation editor, top to bottom. */
async function navOrder(page: Page): Promise<string[]> {
  const ids = await page.getByTestId('portal-nav-table').locator('tbody tr[data-testid^="nav-row-"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')!.replace('nav-row-', '')));
  return ids;
}

/** The user's row in the users table, found through the keyword filter. */
async function userRow(page: Page, username: string): Promise<Locator> {
  const search = page.getByTestId('users-filter-q').locator('input');
  await search.fill(username);
  await search.press('Enter');
  const row = page.getByTestId('users-table').locator('tbody tr.ant-table-row', { hasText: username });
  await row.waitFor();
  return row;
}

describe('back office: portal navigation, ID numbers, own-data export (Chromium)', () => {
  const suite = browserSuite();

  async function adminPage(width = 1280): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
    const context = await suite.browser.newContext({ viewport: { width, height: 860 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, suite.baseUrl, 'admin', PASSWORD);
    await page.getByTestId('menu').waitFor();
    return { context, page, pageErrors };
  }

  it('admin renames 使用帮助 to 办事指南, moves it first and saves; the portal home lists it before 首页', async () => {
    const { context, page, pageErrors } = await adminPage();
    await page.getByRole('menuitem', { name: '门户导航' }).click();
    const table = page.getByTestId('portal-nav-table');
    await table.locator('tbody tr[data-testid="nav-row-help"]').waitFor();
    const initial = await navOrder(page);
    expect(initial[0]).toBe('home');
    expect(initial.at(-1)).toBe('help');
    // Sections of modules not in this build (exams) say so; built-in sections cannot be deleted.
    const exams = page.getByTestId('nav-row-exams');
    await expect.poll(() => exams.innerText()).toContain('模块未安装');
    expect(await exams.getByRole('button', { name: /不能删除/ }).isDisabled()).toBe(true);
    const notices = page.getByTestId('nav-row-notices');
    expect(await notices.innerText()).not.toContain('模块未安装');
    expect(await notices.getByRole('button', { name: /不能删除/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: shot('admin-portal-nav') });

    // Dragging by the handle reorders; cancelling puts everything back.
    await page.getByTestId('nav-row-jobs').locator('.lc-drag-handle').dragTo(page.getByTestId('nav-row-places'));
    const withoutJobs = initial.filter((id) => id !== 'jobs');
    const movedUp = [...withoutJobs.slice(0, withoutJobs.indexOf('places')), 'jobs', ...withoutJobs.slice(withoutJobs.indexOf('places'))];
    await expect.poll(() => navOrder(page)).toEqual(movedUp);
    await page.getByTestId('nav-dirty').waitFor();
    await page.getByTestId('nav-cancel').click();
    await page.getByRole('button', { name: '放弃更改' }).click();
    await expect.poll(() => navOrder(page)).toEqual(initial);
    expect(await page.getByTestId('nav-save').isDisabled()).toBe(true);

    // A new link must point at a site path; it can be deleted again.
    await page.getByTestId('nav-add').click();
    const added = table.locator('tbody tr[data-testid^="nav-row-link-"]');
    await added.getByLabel('中文名称').fill('外部网站');
    await added.getByLabel('英文名称').fill('Elsewhere');
    await added.getByLabel('链接地址').fill('//example.com/');
    await page.getByTestId('nav-save').click();
    await expect.poll(() => added.innerText()).toContain('请输入以 / 开头的站内地址');
    await page.screenshot({ path: shot('admin-portal-nav-invalid-link') });
    await added.getByTestId('nav-delete').click();
    await expect.poll(() => added.count()).toBe(0);

    const help = page.getByTestId('nav-row-help');
    await help.getByLabel('中文名称').fill('办事指南');
    for (let i = 0; i < initial.length && (await navOrder(page))[0] !== 'help'; i++) {
      await help.locator('button[data-move="up"]').click();
    }
    expect((await navOrder(page)).slice(0, 2)).toEqual(['help', 'home']);
    // The arrow keeps keyboard focus on the row that moved.
    expect(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-testid'))).toBe('nav-row-help');
    await page.getByTestId('nav-save').click();
    await page.getByText('门户导航已保存').waitFor();
    await expect.poll(() => page.getByTestId('nav-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('nav-dirty').count()).toBe(0);
    expect(await help.getByLabel('中文名称').inputValue()).toBe('办事指南');
    await page.screenshot({ path: shot('admin-portal-nav-saved') });

    // "在门户中查看" opens the portal home in a new tab of the same browser.
    const [portal] = await Promise.all([context.waitForEvent('page'), page.getByTestId('portal-open').click()]);
    await portal.waitForLoadState();
    expect(new URL(portal.url()).pathname).toBe('/');
    const labels = (await portal.locator('nav.mainnav a').allInnerTexts()).map((s) => s.trim());
    expect(labels.indexOf('办事指南')).toBeGreaterThanOrEqual(0);
    expect(labels.indexOf('办事指南')).toBeLessThan(labels.indexOf('首页'));
    expect(labels[0]).toBe('办事指南');
    expect(labels).not.toContain('使用帮助');
    await portal.screenshot({ path: shot('portal-home-after-nav-edit') });

    // The same editor on a phone: the table scrolls sideways, the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByTestId('portal-nav-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: shot('admin-portal-nav-390') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('admin records a user\'s ID number: masked in the table, revealed on request; invalid and duplicate numbers are field errors', async () => {
    const { context, page, pageErrors } = await adminPage();
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByTestId('users-table').waitFor();

    const createUser = async (username: string, displayName: string, idNumber: string) => {
      await page.getByTestId('user-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('用户名').fill(username);
      await dialog.getByLabel('姓名').fill(displayName);
      await dialog.getByLabel('身份证号（选填）').fill(idNumber);
      await dialog.getByRole('button', { name: '添加角色' }).click();
      await pickOption(page, dialog.getByLabel('角色', { exact: true }), '督导');
      return dialog;
    };
    /** The error shown under the ID-number field. */
    const idError = (dialog: Locator) =>
      dialog.locator('.ant-form-item', { has: page.getByLabel('身份证号（选填）') }).locator('.ant-form-item-explain-error');

    let dialog = await createUser('zhang.lan', '张兰', '11010519491231002X');
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId('one-time-secret').waitFor();
    await page.getByTestId('secret-done').click();
    await dialog.waitFor({ state: 'hidden' });

    const row = await userRow(page, 'zhang.lan');
    await expect.poll(() => row.innerText()).toContain('110***********002X');
    expect(await row.innerText()).not.toContain('11010519491231002X');
    await page.screenshot({ path: shot('admin-users-id-number') });
    await row.getByRole('button', { name: '查看完整身份证号' }).click();
    await page.getByRole('button', { name: '查看', exact: true }).click();
    await expect.poll(() => row.getByTestId('id-number-revealed').innerText()).toBe('11010519491231002X');

    // A wrong check digit is caught as it is typed; a number already on file is refused by the server.
    dialog = await createUser('li.ming', '李明', '110105194912310022');
    await expect.poll(() => idError(dialog).innerText()).toContain('校验位不符');
    await page.getByTestId('user-create-submit').click();
    await page.screenshot({ path: shot('admin-create-user-id-invalid') });
    expect(await page.getByTestId('one-time-secret').count()).toBe(0);
    await dialog.getByLabel('身份证号（选填）').fill('11010519491231002x');
    expect(await dialog.getByLabel('身份证号（选填）').inputValue()).toBe('11010519491231002X');
    await expect.poll(() => idError(dialog).count()).toBe(0);
    await page.getByTestId('user-create-submit').click();
    await expect.poll(() => idError(dialog).innerText()).toContain('已登记在其他账户');
    await page.screenshot({ path: shot('admin-create-user-id-taken') });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Editing: the number on file can be removed.
    await row.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog');
    await expect.poll(() => edit.innerText()).toContain('当前：110***********002X');
    await edit.getByRole('checkbox', { name: '清除身份证号' }).check();
    await expect.poll(() => edit.getByLabel('身份证号', { exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: shot('admin-edit-user-id-remove') });
    await page.getByTestId('user-edit-submit').click();
    await edit.waitFor({ state: 'hidden' });
    await expect.poll(() => row.innerText()).not.toContain('110***********002X');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('admin exports their own data after re-entering the password', async () => {
    const { context, page, pageErrors } = await adminPage();
    await page.goto(`${suite.baseUrl}/admin/account?tab=export`);
    const form = page.getByTestId('export-form');
    await form.waitFor();
    await form.getByLabel('请再次输入当前密码').fill('not-my-password');
    await page.getByTestId('export-submit').click();
    await expect.poll(() => form.locator('.ant-form-item-has-error').count()).toBe(1);
    await page.screenshot({ path: shot('admin-account-export') });
    await form.getByLabel('请再次输入当前密码').fill(PASSWORD);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-submit').click()]);
    expect(download.suggestedFilename()).toBe('learning-city-admin.json');
    const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as { account: { username: string } };
    expect(data.account.username).toBe('admin');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
