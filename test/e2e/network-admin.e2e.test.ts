import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';
import { pickTreeNode } from '../support/antd.js';

const PASSWORD = 'learning-city-demo';
const FIRST_TOWN = '329901101000';
const SCHOOL = '柳泉镇测试村市民学校';

describe('back office: network institutions (Chromium)', () => {
  const suite = browserSuite();

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, suite.baseUrl, username, PASSWORD);
    await page.getByTestId('menu').waitFor();
    return { context, page, pageErrors };
  }

  const row = (page: Page, name: string) => page.getByTestId('institutions-table').locator('tbody tr.ant-table-row', { hasText: name });

  it('the town admin creates a citizen school (a bad phone shows on its field), and a stale second edit gets 409', async () => {
    const regions = (await suite.t.app.inject({ method: 'GET', url: '/api/v1/regions' })).json<{ items: { id: string; name: string; parentId: string | null; level: string }[] }>();
    const village = regions.items.find((r) => r.level === 'village' && r.parentId === FIRST_TOWN)!;
    expect(village).toBeDefined();

    const town = await signedIn('town');
    await town.page.getByRole('menuitem', { name: '机构管理' }).click();
    await row(town.page, '柳泉镇社区教育中心').first().waitFor();
    await town.page.screenshot({ path: shot('admin-network-institutions') });

    // New citizen school with a malformed phone: the server's field error shows on the phone field; nothing is saved.
    await town.page.getByTestId('inst-create').click();
    const form = town.page.getByTestId('institution-form');
    await town.page.getByTestId('inst-name').fill(SCHOOL);
    await town.page.getByTestId('inst-kind').click();
    await town.page.locator('.ant-select-item-option', { hasText: '市民学校' }).first().click();
    await town.page.getByTestId('inst-tier').click();
    await town.page.locator('.ant-select-item-option', { hasText: '基层学校' }).click();
    await pickTreeNode(town.page, town.page.getByTestId('inst-region'), village.name);
    await town.page.getByTestId('inst-phone').fill('12345');
    await form.getByRole('button', { name: '保存' }).click();
    const phoneError = form.locator('.ant-form-item', { has: town.page.getByTestId('inst-phone') }).locator('.ant-form-item-explain-error');
    await expect.poll(() => phoneError.count()).toBeGreaterThan(0);
    await town.page.screenshot({ path: shot('admin-network-institution-phone-error') });
    expect(await row(town.page, SCHOOL).count()).toBe(0);

    // Fixed (and placed under the town's center, which the server also asked for), it saves and appears under the village.
    await expect.poll(() => form.getByText('基层学校须指定所属的社区教育中心').count()).toBe(1);
    await town.page.getByTestId('inst-parent').click();
    await town.page.locator('.ant-select-item-option', { hasText: '柳泉镇社区教育中心' }).click();
    await town.page.getByTestId('inst-phone').fill('0571-88886666');
    await form.getByRole('button', { name: '保存' }).click();
    await row(town.page, SCHOOL).waitFor();
    expect(await row(town.page, SCHOOL).innerText()).toContain(village.name);

    // Two tabs open the same record; the first saves, the second (stale version) is told to reload.
    const second = await town.context.newPage();
    await second.goto(`${suite.baseUrl}/admin/network/institutions?q=${encodeURIComponent(SCHOOL)}`);
    await town.page.goto(`${suite.baseUrl}/admin/network/institutions?q=${encodeURIComponent(SCHOOL)}`);
    await row(second, SCHOOL).locator('[data-testid^="inst-edit-"]').click();
    await row(town.page, SCHOOL).locator('[data-testid^="inst-edit-"]').click();
    await town.page.getByTestId('inst-phone').fill('0571-88887777');
    await town.page.getByTestId('institution-form').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => town.page.getByTestId('institution-form').isVisible()).toBe(false);
    await second.getByTestId('inst-phone').fill('0571-88889999');
    await second.getByTestId('institution-form').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => second.getByTestId('inst-form-error').innerText()).toContain('已被他人修改，请刷新后重试');
    await second.screenshot({ path: shot('admin-network-institution-409') });
    // The first save stands.
    await town.page.reload();
    await expect.poll(() => row(town.page, SCHOOL).innerText()).toContain(SCHOOL);
    const edited = await suite.t.login('town').then((c) => c.get(`/api/v1/network/institutions?q=${encodeURIComponent(SCHOOL)}`));
    expect((edited.body as { items: { contactPhone: string }[] }).items[0]!.contactPhone).toBe('0571-88887777');

    // Retired, it stays in the list with its status (kept in history).
    await row(town.page, SCHOOL).getByRole('button', { name: '停用' }).click();
    await town.page.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
    await expect.poll(() => row(town.page, SCHOOL).innerText()).toContain('已停用');
    expect(town.pageErrors).toEqual([]);
    await town.context.close();
  });

  it('the gap matrix colours its cells and opens a row\'s gap report', async () => {
    const town = await signedIn('town');
    await town.page.getByRole('menuitem', { name: '查漏补缺' }).click();
    const matrix = town.page.getByTestId('gap-matrix');
    await matrix.locator('tbody tr.ant-table-row').first().waitFor();
    // Every kind of judgement the demo produces shows in its colour.
    const met = matrix.locator('td[data-status="met"]');
    const short = matrix.locator('td[data-status="short"]');
    expect(await met.count()).toBeGreaterThan(0);
    expect(await short.count()).toBeGreaterThan(0);
    expect(await met.first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(217, 247, 190)');
    expect(await short.first().evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 204, 199)');
    await town.page.screenshot({ path: shot('admin-network-gap-matrix') });

    await matrix.locator('tbody tr.ant-table-row', { hasText: '柳泉镇社区教育中心' }).click();
    const report = town.page.getByTestId('gap-report');
    await expect.poll(() => report.innerText()).toContain('现有等级');
    await town.page.screenshot({ path: shot('admin-network-gap-report') });
    expect(town.pageErrors).toEqual([]);
    await town.context.close();
  });

  it('the city admin sets a center\'s accreditation from its drawer and sees it in the history', async () => {
    const admin = await signedIn('admin');
    await admin.page.goto(`${suite.baseUrl}/admin/network/institutions?q=${encodeURIComponent('柳泉镇社区教育中心')}`);
    await row(admin.page, '柳泉镇社区教育中心').locator('[data-testid^="inst-show-"]').click();
    const card = admin.page.getByTestId('accreditation-card');
    await card.getByTestId('acc-save').waitFor();
    await card.locator('input#accreditationForm_certificateNo').fill('ZJ-2026-0815');
    await card.getByTestId('acc-save').click();
    await expect.poll(() => card.getByTestId('accreditation-history').innerText()).toContain('ZJ-2026-0815');
    await admin.page.screenshot({ path: shot('admin-network-accreditation') });
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();
  });

  it('people show masked; a bad ID number is a field error; the city admin reveals one full ID number once', async () => {
    const town = await signedIn('town');
    await town.page.getByRole('menuitem', { name: '人员管理' }).click();
    const table = town.page.getByTestId('people-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await table.innerText()).toMatch(/\d{3}\*{4}\d{4}/); // phones masked as the server sends them
    expect(await town.page.locator('[data-testid^="person-reveal-"]').count()).toBe(0); // only the city admin may reveal

    await town.page.getByTestId('person-create').click();
    const form = town.page.getByTestId('person-form');
    await town.page.getByTestId('person-institution').click();
    await town.page.locator('.ant-select-item-option', { hasText: '柳泉镇老年学校' }).click();
    await town.page.getByTestId('person-name').fill('周晓梅');
    await town.page.getByTestId('person-employment').click();
    await town.page.locator('.ant-select-item-option', { hasText: '兼职' }).click();
    await town.page.getByTestId('person-id').fill('110101199003071234');
    await form.getByRole('button', { name: '保存' }).click();
    const idError = form.locator('.ant-form-item', { has: town.page.getByTestId('person-id') }).locator('.ant-form-item-explain-error');
    await expect.poll(() => idError.count()).toBeGreaterThan(0);
    await town.page.screenshot({ path: shot('admin-network-person-id-error') });
    await town.page.getByTestId('person-id').fill('');
    await form.getByRole('button', { name: '保存' }).click();
    await table.locator('tbody tr.ant-table-row', { hasText: '周晓梅' }).waitFor();
    expect(town.pageErrors).toEqual([]);
    await town.context.close();

    const admin = await signedIn('admin');
    await admin.page.getByRole('menuitem', { name: '人员管理' }).click();
    const reveal = admin.page.locator('[data-testid^="person-reveal-"]').first();
    await reveal.waitFor();
    const personId = (await reveal.getAttribute('data-testid'))!.replace('person-reveal-', '');
    await reveal.click();
    await admin.page.locator('.ant-popconfirm').getByRole('button', { name: '查看完整证件号' }).click();
    await expect.poll(() => admin.page.getByTestId(`person-id-full-${personId}`).innerText()).toMatch(/^\d{17}[\dX]$/);
    await admin.page.screenshot({ path: shot('admin-network-people') });
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();
  });

  it('partners: the town admin opens a partner, adds an expired agreement and sees its status tag', async () => {
    const town = await signedIn('town');
    await town.page.getByRole('menuitem', { name: '合作伙伴' }).click();
    const first = town.page.locator('[data-testid^="partner-show-"]').first();
    await first.waitFor();
    await first.click();
    const drawer = town.page.getByTestId('partner-drawer');
    await drawer.getByTestId('agreements').waitFor();
    const form = drawer.locator('form#agreementForm');
    await form.locator('#agreementForm_title').fill('2020年场地共建协议');
    for (const [field, day] of [['signedOn', '2020-01-01'], ['validFrom', '2020-01-01'], ['validUntil', '2021-12-31']] as const) {
      await form.locator(`#agreementForm_${field}`).fill(day);
      await form.locator(`#agreementForm_${field}`).press('Enter');
    }
    await form.getByRole('button', { name: '添加' }).click();
    const added = drawer.getByTestId('agreements').locator('tr', { hasText: '2020年场地共建协议' });
    await expect.poll(() => added.innerText()).toContain('已过期');
    await town.page.screenshot({ path: shot('admin-network-partner') });
    await town.page.getByTestId('partner-drawer').locator('.ant-drawer-close').click();

    // The town's committee: a new member department joins the list; the phone comes back masked.
    const committee = town.page.getByTestId('committee');
    await committee.locator('#committeeForm_department').fill('柳泉镇文化站图书室');
    await committee.locator('#committeeForm_contactName').fill('孙立华');
    await committee.locator('#committeeForm_phone').fill('13912345678');
    await committee.getByRole('button', { name: '添加' }).click();
    const member = committee.locator('tbody tr', { hasText: '柳泉镇文化站图书室' });
    await expect.poll(() => member.innerText()).toContain('139****5678');
    await town.page.screenshot({ path: shot('admin-network-committee'), fullPage: true });
    expect(town.pageErrors).toEqual([]);
    await town.context.close();
  });

  it('the dashboard shows the network card with its charts for the city admin', async () => {
    const admin = await signedIn('admin');
    const card = admin.page.getByTestId('network-dashboard');
    await card.getByTestId('network-by-town').locator('canvas').waitFor();
    await card.getByTestId('network-by-level').locator('canvas').waitFor();
    // The heading is the server's one-line summary, e.g. "8 个社区教育中心：省级 2 个，…".
    expect(await card.innerText()).toMatch(/\d+ 个社区教育中心/);
    await card.screenshot({ path: shot('admin-network-dashboard') });
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();

    // Without network permissions (the editor) there are no network menus and no network card.
    const editor = await signedIn('editor');
    await editor.page.getByRole('menuitem', { name: '内容管理' }).waitFor();
    for (const menu of ['机构管理', '人员管理', '合作伙伴', '查漏补缺']) {
      expect(await editor.page.getByRole('menuitem', { name: menu }).count()).toBe(0);
    }
    expect(await editor.page.getByTestId('network-dashboard').count()).toBe(0);
    await editor.context.close();
  });
});
