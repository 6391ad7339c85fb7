import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';

const PASSWORD = 'learning-city-demo';
const FIRST_TOWN = '柳泉镇';
const SECOND_TOWN = '石桥镇';
const CHARTS = ['learning-by-town', 'learning-by-age', 'learning-by-category', 'learning-completion', 'learning-fill', 'learning-participation'];

describe('back office: learning statistics (Chromium)', () => {
  const suite = browserSuite();

  async function signedIn(username: string, width = 1280): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
    const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, suite.baseUrl, username, PASSWORD);
    await page.getByTestId('menu').waitFor();
    return { context, page, pageErrors };
  }

  const headline = (page: Page, key: string) => page.getByTestId(`learning-total-${key}`).locator('.ant-statistic-content').innerText();
  const digits = (text: string) => text.replace(/\D/g, '');

  it('a town admin sees the learning card, opens 学习 › 统计, every chart draws and reads as a table, and the term filter narrows it', async () => {
    const api = await suite.t.login('town');
    const all = (await api.get('/api/v1/learning/stats')).body;
    expect(all.totals.enrolled).toBeGreaterThan(0);

    const { context, page, pageErrors } = await signedIn('town');
    // 工作台 card: the same headline numbers as the API, for the town admin's scope.
    const card = page.getByTestId('learning-dashboard');
    await card.getByTestId('learning-headline').waitFor();
    await expect.poll(async () => digits(await headline(page, 'enrolled'))).toBe(String(all.totals.enrolled));

    // The 学习 group holds the learning screens.
    for (const name of ['课程与班级', '报名管理', '需求调查', '统计']) await page.getByRole('menuitem', { name }).waitFor();
    await page.getByRole('menuitem', { name: '统计' }).click();
    await page.getByRole('heading', { name: '学习统计' }).waitFor();
    for (const id of CHARTS) {
      await page.getByTestId(id).locator('canvas').waitFor();
      expect(await page.getByTestId(id).getAttribute('aria-label')).toBeTruthy();
    }
    expect(await page.getByTestId('learning-by-town').getAttribute('aria-label')).toContain(FIRST_TOWN);
    await page.screenshot({ path: shot('admin-learning-stats'), fullPage: true });

    // The table view shows the same figures, only the town admin's town.
    await page.getByTestId('learning-by-town-view').getByText('表格').click();
    const table = page.getByTestId('learning-by-town-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const cells = await rows.first().locator('td').allInnerTexts();
    expect(cells[0]).toBe(FIRST_TOWN);
    expect(cells[2]).toBe(String(all.byTown[0].enrolments));
    expect(await page.getByTestId('learning-by-town').count()).toBe(0);
    await page.getByTestId('learning-by-town-view').getByText('图表').click();
    await page.getByTestId('learning-by-town').locator('canvas').waitFor();

    // Term filter: kept in the URL, applied to the figures and to the export link.
    const term = (await api.get('/api/v1/learning/terms')).body.items[0];
    const narrowed = (await api.get(`/api/v1/learning/stats?termId=${term.id}`)).body;
    await page.getByTestId('learning-stats-term').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: term.name }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('termId')).toBe(term.id);
    await expect.poll(async () => digits(await headline(page, 'enrolled'))).toBe(String(narrowed.totals.enrolled));
    expect(await page.getByTestId('learning-stats-export').getAttribute('href')).toBe(`/api/v1/learning/stats.xlsx?termId=${term.id}`);
    const download = await page.request.get(`${suite.baseUrl}/api/v1/learning/stats.xlsx?termId=${term.id}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toContain('spreadsheetml');

    // In English.
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByRole('heading', { name: 'Learning statistics' }).waitFor();
    await page.getByRole('menuitem', { name: 'Statistics' }).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the city admin sees every town; a teacher has neither the 统计 menu nor the learning card; the page fits 768 px', async () => {
    const admin = await signedIn('admin', 768);
    await admin.page.goto(`${suite.baseUrl}/admin/learning/stats`);
    await admin.page.getByTestId('learning-by-town').locator('canvas').waitFor();
    await admin.page.getByTestId('learning-fill-view').getByText('表格').click();
    const fill = admin.page.getByTestId('learning-fill-table');
    await expect.poll(() => fill.locator('tbody tr.ant-table-row').count()).toBe(8);
    expect(await fill.innerText()).toContain(SECOND_TOWN);
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await admin.page.screenshot({ path: shot('admin-learning-stats-768'), fullPage: true });
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();

    const teacher = await signedIn('teacher');
    await teacher.page.getByRole('menuitem', { name: '课程与班级' }).waitFor();
    expect(await teacher.page.getByRole('menuitem', { name: '统计' }).count()).toBe(0);
    expect(await teacher.page.getByTestId('learning-dashboard').count()).toBe(0);
    await teacher.page.goto(`${suite.baseUrl}/admin/learning/stats`);
    await expect.poll(() => teacher.page.getByTestId('learning-stats').count()).toBe(0);
    expect(teacher.pageErrors).toEqual([]);
    await teacher.context.close();
  });
});
