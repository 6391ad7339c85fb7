import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';
import { pngImage } from '../support/upload-fixtures.js';

const PASSWORD = 'learning-city-demo';
const TOWN_ID = '329901101000';
const TOWN = '柳泉镇';
const CENTER = '柳泉镇社区教育中心';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Region { id: string; name: string; parentId: string | null; level: string }

/** One institution row of the workbook, by meaning; written under whatever header labels the template uses. */
interface InstitutionRow { name: string; tier: string; kind: string; town: string; village: string; parent: string; phone: string; address: string }

/** The template's header cells (row 1 of its first sheet), as the server wrote them. */
async function templateHeaders(file: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = cell.text.trim(); });
  return headers;
}

/** The header of the column whose label (without the required mark) matches; throws when the template lacks it. */
function columnOf(headers: readonly string[], pattern: RegExp): number {
  const index = headers.findIndex((h) => pattern.test(h.replace(/[*＊]/g, '')));
  if (index < 0) throw new Error(`no column matching ${pattern} in ${headers.join(' | ')}`);
  return index;
}

/** A workbook with the template's header row and the given institutions, as a town admin would fill it in. */
async function institutionWorkbook(headers: readonly string[], rows: readonly InstitutionRow[]): Promise<Buffer> {
  const at = {
    name: columnOf(headers, /^(机构)?名称$/), tier: columnOf(headers, /层级/), kind: columnOf(headers, /类型|类别/),
    town: columnOf(headers, /镇/), village: columnOf(headers, /村/), parent: columnOf(headers, /所属中心/),
    phone: columnOf(headers, /电话/), address: columnOf(headers, /地址/),
  };
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('机构');
  sheet.addRow([...headers]);
  for (const row of rows) {
    const cells: string[] = headers.map(() => '');
    for (const key of Object.keys(at) as (keyof typeof at)[]) cells[at[key]] = row[key];
    sheet.addRow(cells);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('back office: network import wizard and the screens around it (Chromium)', () => {
  const suite = browserSuite();

  async function signedIn(username: string, width = 1280): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
    const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, suite.baseUrl, username, PASSWORD);
    await page.getByTestId('menu').waitFor();
    return { context, page, pageErrors };
  }

  async function institutionNames(town: string): Promise<string[]> {
    const client = await suite.t.login('admin');
    const res = await client.get(`/api/v1/network/institutions?town=${town}&pageSize=100`);
    expect(res.status).toBe(200);
    return (res.body as { items: { name: string }[] }).items.map((i) => i.name);
  }

  it('the town admin imports institutions: two bad rows are listed and nothing is written; fixed, they commit and appear on /places', async () => {
    const regions = (await suite.t.app.inject({ method: 'GET', url: '/api/v1/regions' })).json<{ items: Region[] }>();
    const villages = regions.items.filter((r) => r.level === 'village' && r.parentId === TOWN_ID);
    expect(villages.length).toBeGreaterThan(1);
    const village = (i: number) => villages[i % villages.length]!.name;
    const rows: InstitutionRow[] = [
      { name: `${village(0)}市民学校（导入）`, tier: '基层学校', kind: '市民学校', village: village(0), phone: '0571-86001001' },
      { name: `${village(1)}市民学校（导入）`, tier: '基层学校', kind: '市民学校', village: '无此村', phone: '0571-86001002' },
      { name: `${TOWN}织造企业培训学校（导入）`, tier: '补充培训机构', kind: '企业培训机构', village: village(0), phone: '0571-86001003' },
      { name: `${TOWN}农机合作社培训部（导入）`, tier: '补充培训机构', kind: '企业培训机构', village: village(1), phone: '12345' },
      { name: `${village(1)}成人文化技术学校（导入）`, tier: '基层学校', kind: '成人文化技术学校', village: village(1), phone: '0571-86001005' },
    ].map((r) => ({ ...r, town: TOWN, parent: CENTER, address: `${TOWN}${r.village}1号` }));
    const fixed = rows.map((r, i) => (i === 1 ? { ...r, village: village(1), address: `${TOWN}${village(1)}1号` } : i === 3 ? { ...r, phone: '0571-86001004' } : r));
    const before = await institutionNames(TOWN_ID);
    expect(before.filter((n) => n.endsWith('（导入）'))).toEqual([]);

    const town = await signedIn('town');
    await town.page.getByRole('menuitem', { name: '批量导入' }).click();
    await town.page.getByTestId('import-upload').waitFor();
    // The town admin may import institutions, people and partners; institutions come first.
    expect(await town.page.getByTestId('import-kind').innerText()).toMatch(/机构[\s\S]*人员[\s\S]*合作伙伴/);

    // The template downloads from its button; the workbook is filled in under its header labels.
    const [download] = await Promise.all([town.page.waitForEvent('download'), town.page.getByTestId('import-template').click()]);
    const template = fs.readFileSync((await download.path())!);
    const headers = await templateHeaders(template);
    expect(headers.length).toBeGreaterThan(5);

    await town.page.getByTestId('import-upload').locator('input[type=file]')
      .setInputFiles({ name: '柳泉镇机构.xlsx', mimeType: XLSX_TYPE, buffer: await institutionWorkbook(headers, rows) });
    const invalid = town.page.getByTestId('import-invalid');
    await invalid.waitFor();
    const errors = town.page.getByTestId('import-errors').locator('tbody tr.ant-table-row');
    // Exactly the two bad rows (Excel rows 3 and 5: the header is row 1), each with its column and reason.
    const listed = await errors.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect([...new Set(listed.map((cells) => cells[0]))].sort()).toEqual(['3', '5']);
    const villageError = listed.find((cells) => cells[0] === '3')!;
    expect(villageError[1]).toMatch(/村/);
    expect(villageError[3]).toContain('无此村');
    expect(villageError[2]!.length).toBeGreaterThan(2);
    const phoneError = listed.find((cells) => cells[0] === '5')!;
    expect(phoneError[1]).toMatch(/电话/);
    expect(phoneError[2]!.length).toBeGreaterThan(2);
    expect(await invalid.innerText()).toContain('未写入任何数据');
    await town.page.screenshot({ path: shot('admin-network-import-invalid'), fullPage: true });
    // Nothing was written by the preview.
    expect((await institutionNames(TOWN_ID)).filter((n) => n.endsWith('（导入）'))).toEqual([]);

    // The fixed workbook: all five rows ready, then committed at once.
    await town.page.getByTestId('import-reupload').locator('xpath=ancestor::*[contains(@class,"ant-upload-wrapper")][1]').locator('input[type=file]')
      .setInputFiles({ name: '柳泉镇机构（已修改）.xlsx', mimeType: XLSX_TYPE, buffer: await institutionWorkbook(headers, fixed) });
    await expect.poll(() => town.page.getByTestId('import-ready').innerText()).toContain('5 行可以导入');
    await town.page.screenshot({ path: shot('admin-network-import-ready') });
    await town.page.getByTestId('import-commit').click();
    const done = town.page.getByTestId('import-committed');
    await done.waitFor();
    expect(await done.innerText()).toContain('已导入 5 条');
    // Both uploads are in the recent list: the first with its problems, the second imported.
    const recent = town.page.getByTestId('recent-imports');
    await expect.poll(() => recent.innerText()).toContain('已导入');
    expect(await recent.innerText()).toContain('有问题');
    await town.page.screenshot({ path: shot('admin-network-import-committed'), fullPage: true });

    // The link goes to the institutions list, which now has them.
    await done.getByRole('button', { name: '查看列表' }).click();
    await town.page.getByTestId('institutions-table').locator('tbody tr.ant-table-row').first().waitFor();
    const after = await institutionNames(TOWN_ID);
    for (const r of fixed) expect(after).toContain(r.name);

    // 导出 Excel carries the list's filters: filtered to the imported names, the workbook holds exactly those.
    await town.page.goto(`${suite.baseUrl}/admin/network/institutions?q=${encodeURIComponent('（导入）')}&town=${TOWN_ID}`);
    await town.page.getByTestId('institutions-table').locator('tbody tr.ant-table-row', { hasText: fixed[0]!.name }).waitFor();
    const href = (await town.page.getByTestId('institutions-export').getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/network\/institutions\/export\.xlsx\?/);
    expect(new URL(href, suite.baseUrl).searchParams.get('town')).toBe(TOWN_ID);
    const exported = await town.page.request.get(`${suite.baseUrl}${href}`);
    expect(exported.status()).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const names: string[] = [];
    book.worksheets[0]!.getColumn(1).eachCell((cell, row) => { if (row > 1) names.push(cell.text); });
    expect(names.sort()).toEqual(fixed.map((r) => r.name).sort());

    // The public learning-places page, filtered by the town, lists the new institutions.
    const visitor = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const places = await visitor.newPage();
    await places.goto(`${suite.baseUrl}/places?town=${TOWN_ID}`);
    const text = await places.locator('main').innerText();
    for (const r of fixed) expect(text).toContain(r.name);
    await places.screenshot({ path: shot('portal-places-after-import'), fullPage: true });
    await visitor.close();
    expect(town.pageErrors).toEqual([]);
    await town.context.close();
  });

  it('the town admin records indicator values (a bad one is a field error) with evidence, sees the gap report, and adds a photo', async () => {
    const town = await signedIn('town');
    await town.page.goto(`${suite.baseUrl}/admin/network/institutions?q=${encodeURIComponent(CENTER)}`);
    await town.page.getByTestId('institutions-table').locator('tbody tr.ant-table-row', { hasText: CENTER }).locator('[data-testid^="inst-show-"]').click();
    const drawer = town.page.getByTestId('institution-drawer');
    await drawer.getByRole('tab', { name: '指标填报' }).click();
    const card = drawer.getByTestId('indicator-values');
    const rate = card.getByTestId('indicator-value-participation_rate');
    await rate.waitFor();

    // 150 % is refused by the server; its reason shows under that field, and nothing is saved.
    await rate.fill('150');
    await card.getByTestId('indicator-save').click();
    const rateError = card.getByTestId('indicator-row-participation_rate').locator('.ant-form-item-explain-error');
    await expect.poll(() => rateError.count()).toBeGreaterThan(0);
    await town.page.screenshot({ path: shot('admin-network-indicator-error') });

    await rate.fill('86');
    await card.getByTestId('indicator-evidence-participation_rate').locator('xpath=ancestor::*[contains(@class,"ant-upload-wrapper")][1]').locator('input[type=file]')
      .setInputFiles({ name: '参与率台账.png', mimeType: 'image/png', buffer: pngImage(8, 8) });
    await expect.poll(() => card.getByTestId('indicator-row-participation_rate').innerText()).toContain('参与率台账.png');
    await card.getByTestId('indicator-save').click();
    const report = card.getByTestId('indicator-gap-report');
    await expect.poll(() => report.innerText()).toContain('现有等级');
    await town.page.screenshot({ path: shot('admin-network-indicator-saved'), fullPage: true });
    const client = await suite.t.login('town');
    const listed = await client.get(`/api/v1/network/institutions?q=${encodeURIComponent(CENTER)}`);
    const id = (listed.body as { items: { id: string }[] }).items[0]!.id;
    const values = await client.get(`/api/v1/network/institutions/${id}/indicators`);
    const saved = (values.body as { items: { code: string; value: unknown; evidenceFileId: string | null }[] }).items.find((i) => i.code === 'participation_rate')!;
    expect(saved.value).toBe(86);
    expect(saved.evidenceFileId).not.toBeNull();

    // Someone else records the building area while this form is open: the save is refused as stale (409), the
    // form says so, and reloading shows the other value.
    const area = card.getByTestId('indicator-value-building_area');
    await area.fill('999');
    const current = (values.body as { items: { code: string; version: number }[] }).items.find((i) => i.code === 'building_area')!;
    const other = await client.put(`/api/v1/network/institutions/${id}/indicators`, { values: [{ code: 'building_area', value: 1234, version: current.version }] });
    expect(other.status).toBe(200);
    await card.getByTestId('indicator-save').click();
    const stale = card.getByTestId('indicator-stale');
    await expect.poll(() => stale.innerText()).toContain('已被他人修改');
    await town.page.screenshot({ path: shot('admin-network-indicator-409') });
    await stale.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => area.inputValue()).toBe('1234');

    // A photo with its caption; it lists with the caption as the image's alt text.
    await drawer.getByRole('tab', { name: '机构照片' }).click();
    await drawer.getByTestId('photo-caption').fill('中心外景');
    await drawer.getByTestId('photo-upload').locator('xpath=ancestor::*[contains(@class,"ant-upload-wrapper")][1]').locator('input[type=file]')
      .setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: pngImage(16, 12) });
    await drawer.getByTestId('photos-list').locator('img[alt="中心外景"]').waitFor();
    await town.page.screenshot({ path: shot('admin-network-photos') });
    expect(town.pageErrors).toEqual([]);
    await town.context.close();
  });

  it('the city admin creates a new standard version and renames a level; the dashboard charts have table views', async () => {
    const admin = await signedIn('admin');
    await admin.page.getByRole('menuitem', { name: '标准管理' }).click();
    const table = admin.page.getByTestId('standards-table');
    await table.locator('tbody tr.ant-table-row').first().waitFor();
    await admin.page.screenshot({ path: shot('admin-network-standards') });

    await admin.page.getByTestId('standard-create').click();
    const form = admin.page.getByTestId('standard-form');
    await admin.page.getByTestId('standard-tier').click();
    await admin.page.locator('.ant-select-item-option', { hasText: '基层学校' }).click();
    await admin.page.getByTestId('standard-level').click();
    await admin.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    // Prefilled from the version it replaces.
    const classrooms = form.getByTestId('threshold-classrooms');
    await expect.poll(() => classrooms.inputValue()).not.toBe('');
    await classrooms.fill('7');
    await admin.page.screenshot({ path: shot('admin-network-standard-form') });
    await form.getByRole('button', { name: '保存' }).click();
    const detail = admin.page.getByTestId('standard-detail');
    await expect.poll(() => detail.innerText()).toContain('≥ 7间');
    expect(await detail.innerText()).toMatch(/第 2 版/);
    await admin.page.keyboard.press('Escape');

    const levels = admin.page.getByTestId('level-names');
    const firstZh = levels.locator('input[data-testid^="level-zh-"]').first();
    await firstZh.fill('尚未评定');
    await levels.getByTestId('levels-save').click();
    const api = await suite.t.login('admin');
    await expect.poll(async () => ((await api.get('/api/v1/network/accreditation/levels')).body as { items: { nameZh: string }[] }).items.map((l) => l.nameZh))
      .toContain('尚未评定');

    // Dashboard: every chart draws, and each can be read as a table.
    await admin.page.getByRole('menuitem', { name: '工作台' }).click();
    const dash = admin.page.getByTestId('network-dashboard');
    for (const id of ['network-by-town', 'network-by-level', 'network-by-kind', 'network-gaps', 'network-staff-ratio']) {
      await dash.getByTestId(id).locator('canvas').waitFor();
      expect(await dash.getByTestId(id).getAttribute('aria-label')).not.toBe('');
    }
    await dash.screenshot({ path: shot('admin-network-dashboard-charts') });
    await dash.getByTestId('network-staff-ratio-view').getByText('表格').click();
    const ratioTable = dash.getByTestId('network-staff-ratio-table');
    await expect.poll(() => ratioTable.innerText()).toContain(TOWN);

    // Usable at 768 px: the import page and the dashboard fit without a horizontal page scroll.
    await admin.page.setViewportSize({ width: 768, height: 1000 });
    await admin.page.goto(`${suite.baseUrl}/admin/network/import`);
    await admin.page.getByTestId('import-upload').waitFor();
    expect(await admin.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
    await admin.page.screenshot({ path: shot('admin-network-import-768') });
    // In English too.
    await admin.page.getByTestId('lang-switch').getByText('EN').click();
    await expect.poll(() => admin.page.getByTestId('import-template').innerText()).toContain('Download template');
    await admin.page.setViewportSize({ width: 1280, height: 900 });
    await admin.page.goto(`${suite.baseUrl}/admin/network/standards`);
    await admin.page.getByTestId('standards-table').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await admin.page.getByTestId('level-names').innerText()).toContain('Accreditation level names');
    await admin.page.screenshot({ path: shot('admin-network-standards-en'), fullPage: true });
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();
  });
});
