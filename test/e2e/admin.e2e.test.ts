import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';
import { pickOption, pickTreeNode } from '../support/antd.js';

/** Usernames in the users table, first page. */
async function listedUsernames(page: Page): Promise<string[]> {
  const table = page.getByTestId('users-table');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  return table.locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
}

describe('back office in Chromium', () => {
  const suite = browserSuite();

  it('admin creates a town-scoped staff user; that user logs in, changes the one-time password and sees only their town', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await logIn(page, suite.baseUrl, 'admin', 'learning-city-demo');
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await page.getByTestId('users-table').waitFor();
    await page.screenshot({ path: shot('admin-users-city') });

    await page.getByTestId('user-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('shiqiao.admin');
    await dialog.getByLabel('姓名').fill('石桥镇 社区教育管理员');
    await dialog.getByRole('button', { name: '添加角色' }).click();
    await pickOption(page, dialog.getByLabel('角色', { exact: true }), '镇级管理员');
    await pickTreeNode(page, dialog.getByLabel('范围', { exact: true }), '石桥镇');
    await page.screenshot({ path: shot('admin-create-user') });
    await page.getByTestId('user-create-submit').click();
    const secret = page.getByTestId('one-time-secret');
    await secret.waitFor();
    const oneTimePassword = (await secret.innerText()).trim();
    expect(oneTimePassword).toMatch(/^\S{16}$/);
    await page.getByTestId('secret-done').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/admin\/login/);

    await logIn(page, suite.baseUrl, 'shiqiao.admin', oneTimePassword);
    const form = page.getByTestId('change-password-form');
    await form.waitFor();
    await form.locator('#changePassword_currentPassword').fill(oneTimePassword);
    await form.locator('#changePassword_newPassword').fill('Stone-Bridge-2026');
    await form.locator('#changePassword_confirmPassword').fill('Stone-Bridge-2026');
    await page.getByTestId('password-submit').click();

    await page.getByRole('menuitem', { name: '用户管理' }).click();
    const names = await listedUsernames(page);
    expect(names).toContain('shiqiao.admin');
    expect(names).toContain('town02'); // the existing admin of 石桥镇
    expect(names).not.toContain('town'); // 柳泉镇
    expect(names).not.toContain('admin');
    await expect.poll(() => page.getByTestId('header-roles').innerText()).toContain('石桥镇');
    await page.screenshot({ path: shot('admin-users-town-scope') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the auditor sees the audit log with the creation and can verify the chain; the menu follows the role', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await logIn(page, suite.baseUrl, 'auditor', 'learning-city-demo');
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.getByTestId('audit-table').waitFor();
    await expect.poll(() => page.getByTestId('audit-table').innerText()).toContain('user.create');
    expect(await page.getByRole('menuitem', { name: '用户管理' }).count()).toBe(0);
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-verify-result').innerText()).toMatch(/完整|通过|intact/);
    await page.screenshot({ path: shot('admin-audit') });
    await context.close();
  });

  it('a staff member sees where they are logged in and logs out a device they do not recognise', async () => {
    const other = await suite.t.login('editor');
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await logIn(page, suite.baseUrl, 'editor', 'learning-city-demo');
    await page.getByRole('menuitem', { name: '个人账户' }).waitFor();
    await page.goto(`${suite.baseUrl}/admin/account?tab=sessions`);
    const table = page.getByTestId('sessions-table');
    await table.locator('tbody tr.ant-table-row').nth(1).waitFor();
    await expect.poll(() => table.innerText()).toContain('当前设备');
    await table.locator('tbody tr.ant-table-row', { hasNot: page.getByText('当前设备') }).first().getByRole('button', { name: '结束登录' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '结束登录' }).click();
    await expect.poll(async () => (await other.get('/api/v1/auth/me')).status).toBe(401);
    await page.screenshot({ path: shot('admin-account-sessions') });
    await context.close();
  });
});
