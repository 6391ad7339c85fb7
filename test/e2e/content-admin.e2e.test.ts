import fs from 'node:fs';
import path from 'node:path';
import { seedPagePath } from '../support/seed-page.js';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { shot } from '../support/browser.js';
import { browserSuite, logInToBackOffice as logIn } from '../support/browser-suite.js';
import { pickOption, pickTreeNode } from '../support/antd.js';

const PASSWORD = 'learning-city-demo';
const TITLE = '关于开展2026年秋季社区学习周活动的通知';
/** The messy web page of the issue: navigation, the document, "recommended" blocks. */
const SEED_PAGE = seedPagePath();
/** A 1×1 PNG. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe('back office: content pages (Chromium)', () => {
  const suite = browserSuite();

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    // A missing element fails the step with its locator, well before the test's own timeout.
    page.setDefaultTimeout(10_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, suite.baseUrl, username, PASSWORD);
    await page.getByTestId('menu').waitFor();
    return { context, page, pageErrors };
  }

  /** Picks a category in the editor's or a filter's category TreeSelect by its Chinese name. */
  async function pickCategory(page: Page, testId: string, name: string) {
    await pickTreeNode(page, page.getByTestId(testId), name);
  }

  /** Runs a workflow step from the panel: a Popconfirm step or a dialog step (comment / publish time). */
  async function step(page: Page, action: string, confirmLabel: string) {
    await page.getByTestId(`action-${action}`).click();
    if (['submit', 'sign', 'archive'].includes(action)) {
      await page.locator('.ant-popconfirm').getByRole('button', { name: confirmLabel }).click();
    } else {
      await page.getByTestId('step-confirm').click();
    }
  }

  const status = (page: Page) => page.getByTestId('item-status').innerText();

  it('editor drafts and submits, reviewer approves, admin signs and publishes; the article is on the portal', async () => {
    // 拟稿: the editor writes a notice in 通知公告 (one review level) with a heading, a list and bold text.
    const editor = await signedIn('editor');
    await editor.page.getByRole('menuitem', { name: '内容管理' }).click();
    await editor.page.getByTestId('items-table').waitFor();
    await editor.page.getByTestId('item-create').click();
    await editor.page.getByTestId('item-title').fill(TITLE);
    await pickCategory(editor.page, 'item-category', '通知公告');
    await editor.page.getByTestId('item-source').fill('市社区教育指导中心');
    await editor.page.getByTestId('item-summary').fill('秋季社区学习周将于十月举行，请各镇做好组织工作。');
    const body = editor.page.getByTestId('body-editor');
    await body.click();
    await editor.page.keyboard.type('各镇社区教育中心：');
    await editor.page.keyboard.press('Enter');
    await editor.page.getByRole('button', { name: '二级标题' }).click();
    await editor.page.keyboard.type('一、活动安排');
    await editor.page.keyboard.press('Enter');
    await editor.page.getByRole('button', { name: '编号列表' }).click();
    await editor.page.keyboard.type('开幕式在市民学习中心举行');
    await editor.page.keyboard.press('Enter');
    await editor.page.keyboard.type('各镇组织不少于三场讲座');
    await editor.page.screenshot({ path: shot('admin-content-editor-new') });
    await editor.page.getByTestId('item-save').first().click();

    // The saved draft opens in the editor at its own address, as revision 1.
    await editor.page.waitForURL(/\/admin\/content\/items\/(?!new$)[^/]+$/);
    const itemId = decodeURIComponent(new URL(editor.page.url()).pathname.split('/').pop()!);
    expect(itemId).not.toBe('new');
    await expect.poll(() => status(editor.page)).toBe('草稿');
    const saved = await suite.t.app.inject({ method: 'GET', url: `/a/${encodeURIComponent(itemId)}` });
    expect(saved.statusCode).toBe(404); // not public while a draft

    // A second save makes revision 2; the revisions card compares them.
    await editor.page.getByTestId('item-title').fill(`${TITLE}（修订）`);
    await editor.page.getByTestId('item-save').first().click();
    await expect.poll(() => editor.page.getByTestId('revisions-list').locator('li').count()).toBe(2);
    await editor.page.getByTestId('diff-show').click();
    await expect.poll(() => editor.page.getByTestId('diff-added').first().innerText()).toContain('修订');
    await step(editor.page, 'submit', '提交审核');
    await expect.poll(() => status(editor.page)).toBe('审核中');
    expect(await editor.page.getByTestId('action-review').count()).toBe(0); // nobody reviews their own draft
    await editor.page.screenshot({ path: shot('admin-content-editor-submitted'), fullPage: true });

    // The list shows it with its status tag and finds it by keyword.
    await editor.page.goto(`${suite.baseUrl}/admin/content/items`);
    await editor.page.getByTestId('items-table').locator('tbody tr.ant-table-row').first().waitFor();
    await editor.page.screenshot({ path: shot('admin-content-items') });
    const search = editor.page.getByTestId('items-filter-q').locator('input');
    await search.fill('社区学习周');
    await search.press('Enter');
    const row = editor.page.getByTestId('items-table').locator('tbody tr.ant-table-row', { hasText: '社区学习周' });
    await expect.poll(() => row.innerText()).toContain('审核中');
    await editor.page.screenshot({ path: shot('admin-content-items-search') });
    expect(editor.pageErrors).toEqual([]);
    await editor.context.close();

    // 审核: the reviewer approves with a comment.
    const reviewer = await signedIn('reviewer');
    await reviewer.page.goto(`${suite.baseUrl}/admin/content/items/${encodeURIComponent(itemId)}`);
    await reviewer.page.getByTestId('workflow-panel').waitFor();
    expect(await reviewer.page.getByTestId('action-sign').count()).toBe(0);
    await reviewer.page.getByTestId('action-review').click();
    await reviewer.page.getByTestId('step-comment').fill('内容准确，同意。');
    await reviewer.page.getByTestId('step-confirm').click();
    await expect.poll(() => status(reviewer.page)).toBe('待发布');
    expect(reviewer.pageErrors).toEqual([]);
    await reviewer.context.close();

    // 签发 and 发布: the city admin signs off, then publishes now.
    const admin = await signedIn('admin');
    await admin.page.goto(`${suite.baseUrl}/admin/content/items/${encodeURIComponent(itemId)}`);
    await admin.page.getByTestId('workflow-panel').waitFor();
    await step(admin.page, 'sign', '签发');
    await expect.poll(() => admin.page.getByTestId('item-signed').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await admin.page.getByTestId('action-publish').click();
    await admin.page.getByTestId('step-confirm').click();
    await expect.poll(() => status(admin.page)).toBe('已发布');
    const history = admin.page.getByTestId('workflow-history');
    for (const stepName of ['submit', 'review', 'sign', 'publish']) {
      expect(await history.locator(`[data-step="${stepName}"]`).count()).toBe(1);
    }
    expect(await history.innerText()).toContain('内容准确，同意。');
    await admin.page.screenshot({ path: shot('admin-content-editor-published'), fullPage: true });

    // The portal shows the article at /a/<id>.
    const [portal] = await Promise.all([admin.context.waitForEvent('page'), admin.page.getByTestId('portal-link').click()]);
    await portal.waitForLoadState();
    expect(new URL(portal.url()).pathname).toBe(`/a/${encodeURIComponent(itemId)}`);
    await expect.poll(() => portal.locator('h1').first().innerText()).toContain('社区学习周');
    expect(await portal.locator('body').innerText()).toContain('开幕式在市民学习中心举行');
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();
  });

  it('an official document with a malformed document number shows the server\'s field error under the field', async () => {
    const { context, page, pageErrors } = await signedIn('editor');
    await page.goto(`${suite.baseUrl}/admin/content/items/new`);
    await page.getByTestId('item-title').fill('关于进一步做好老年教育工作的意见');
    await pickCategory(page, 'item-category', '政策文件');
    await page.getByTestId('official-fields').waitFor();
    await page.getByTestId('item-source').fill('市教育局');
    await page.getByTestId('body-editor').click();
    await page.keyboard.type('各镇人民政府，市各有关单位：为推进终身学习，现提出如下意见。');
    await pickOption(page, page.getByTestId('official-doc-type'), '意见');
    await page.getByLabel('发文机关').fill('示范市教育局');
    await page.getByLabel('机构代码').fill('000014349');
    await page.getByLabel('主题分类').fill('教育');
    const docNumber = page.getByTestId('official-doc-number');
    await docNumber.fill('示教发2026-12');
    await page.getByTestId('item-save').first().click();
    const error = page.locator('.ant-form-item', { has: docNumber }).locator('.ant-form-item-explain-error');
    await expect.poll(() => error.count()).toBeGreaterThan(0);
    expect(await error.innerText()).toMatch(/发文字号/);
    expect(new URL(page.url()).pathname).toBe('/admin/content/items/new');
    await page.screenshot({ path: shot('admin-content-doc-number-error'), fullPage: true });

    // Brackets typed the quick way are accepted and shown as 〔〕.
    await docNumber.fill('示教发[2026]12号');
    await page.getByTestId('item-save').first().click();
    await page.waitForURL(/\/admin\/content\/items\/(?!new)[^/]+$/);
    await expect.poll(() => docNumber.inputValue()).toBe('示教发〔2026〕12号');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the menu follows the permissions: the reviewer reads content, the employer sees only job postings', async () => {
    const reviewer = await signedIn('reviewer');
    expect(await reviewer.page.getByRole('menuitem', { name: '内容管理' }).count()).toBe(1);
    expect(await reviewer.page.getByRole('menuitem', { name: '栏目管理' }).count()).toBe(0);
    expect(await reviewer.page.getByRole('menuitem', { name: '搜索词典' }).count()).toBe(0);
    await reviewer.context.close();

    const employer = await signedIn('employer');
    expect(await employer.page.getByRole('menuitem', { name: '招聘管理' }).count()).toBe(1);
    expect(await employer.page.getByRole('menuitem', { name: '内容管理' }).count()).toBe(0);
    await employer.context.close();
  });

  it('admin edits the category tree; deleting a category with children is refused with the server\'s reason', async () => {
    const { context, page, pageErrors } = await signedIn('admin');
    await page.getByRole('menuitem', { name: '栏目管理' }).click();
    await page.getByTestId('category-tree').waitFor();
    await page.getByTestId('category-node-documents').click();
    await page.getByTestId('category-delete').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByTestId('category-delete-error').innerText()).toMatch(/不能删除/);
    await page.screenshot({ path: shot('admin-content-category-delete-refused') });

    await page.getByTestId('category-add-child').click();
    await page.getByTestId('category-name-zh').fill('规范性文件');
    await page.getByTestId('category-slug').fill('normative-documents');
    await page.getByTestId('category-save').click();
    await page.getByTestId('category-node-normative-documents').waitFor();
    await page.screenshot({ path: shot('admin-content-categories') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('an employer posts a job for its own organisation and publishes it', async () => {
    const { context, page, pageErrors } = await signedIn('employer');
    await page.getByRole('menuitem', { name: '招聘管理' }).click();
    await page.getByTestId('jobs-table').waitFor();
    await page.getByTestId('job-create').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('招聘单位').isDisabled()).toBe(true);
    await page.getByTestId('job-position').fill('社区学习点管理员');
    await dialog.getByLabel('月薪下限（元）').fill('4200');
    await dialog.getByLabel('月薪上限（元）').fill('5600');
    await pickTreeNode(page, page.getByTestId('job-region'), '柳泉镇');
    await page.getByTestId('job-contact').fill('人事办公室 陈老师 0571-86001234');
    await dialog.getByTestId('body-editor').click();
    await page.keyboard.type('熟悉社区教育工作，能使用常用办公软件。');
    await page.screenshot({ path: shot('admin-content-job-form') });
    await page.getByTestId('job-save').click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByTestId('jobs-table').locator('tbody tr.ant-table-row', { hasText: '社区学习点管理员' });
    await expect.poll(() => row.innerText()).toContain('草稿');
    expect(await row.innerText()).toContain('¥4200–5600');
    await row.getByTestId('job-publish').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '发布' }).click();
    await expect.poll(() => row.innerText()).toContain('已发布');
    await page.screenshot({ path: shot('admin-content-jobs') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('editor pastes the seed page as text: a structured draft opens; an attachment and a body picture are added', async () => {
    const { context, page, pageErrors } = await signedIn('editor');
    await page.getByRole('menuitem', { name: '内容管理' }).click();
    await page.getByTestId('item-import').click();
    await pickCategory(page, 'import-category', '政策文件');
    // A document never states its organ code or topic: the editor gives them.
    await page.getByTestId('import-organ-code').fill('000014349');
    await page.getByTestId('import-topic').fill('教育');
    await page.getByRole('tab', { name: '粘贴文本' }).click();
    await page.getByTestId('import-text').fill(fs.readFileSync(SEED_PAGE, 'utf8'));
    await page.screenshot({ path: shot('admin-content-import') });
    await page.getByTestId('import-text-submit').click();

    await page.waitForURL(/\/admin\/content\/items\/(?!import)[^/]+$/);
    await expect.poll(() => page.getByTestId('item-title').inputValue()).toBe('关于进一步加强我市社区教育工作的意见');
    expect(await page.getByTestId('import-recognised').innerText()).toContain('识别出 3 个一级标题');
    expect(await page.getByLabel('主送机关').inputValue()).toContain('各镇人民政府');
    const body = await page.getByTestId('body-editor').innerText();
    expect(body).not.toContain('勤学考试网');
    expect(body).not.toContain('全部考试');

    // An attachment (multipart upload) joins the list; a picture goes into the body at the caret.
    await page.getByTestId('attachments-card').locator('input[type=file]')
      .setInputFiles({ name: '社区教育工作要点.txt', mimeType: 'text/plain', buffer: Buffer.from('2026 年社区教育工作要点', 'utf8') });
    await expect.poll(() => page.getByTestId('attachments-list').innerText()).toContain('社区教育工作要点');
    await page.getByTestId('body-editor').click();
    await page.getByTestId('body-image-input').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL_PNG });
    await expect.poll(() => page.getByTestId('body-editor').locator('img[src^="/files/"]').count()).toBe(1);
    await page.getByTestId('item-save').first().click();
    await expect.poll(() => page.getByTestId('revisions-list').locator('li').count()).toBe(2);
    await page.screenshot({ path: shot('admin-content-imported-draft'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('the city admin adds a word to the search dictionary and removes it again', async () => {
    const { context, page, pageErrors } = await signedIn('admin');
    await page.getByRole('menuitem', { name: '搜索词典' }).click();
    await page.getByTestId('dictionary-table').waitFor();
    await page.getByTestId('dictionary-word').fill('银龄学堂');
    await page.getByTestId('dictionary-add').click();
    const row = page.getByTestId('dictionary-table').locator('tbody tr.ant-table-row', { hasText: '银龄学堂' });
    await row.waitFor();
    expect(await row.innerText()).toContain('自定义');
    await page.screenshot({ path: shot('admin-content-dictionary') });
    await row.getByRole('button', { name: '删除' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('reviewer sends a draft back with a comment; once signed, the admin schedules its publication', async () => {
    const editorApi = await suite.t.login('editor');
    const created = await editorApi.post('/api/v1/content/items', {
      categoryId: 'notices', title: '关于举办社区书法公益课的通知', source: '柳泉镇社区教育中心', bodyHtml: '<p>每周六上午开课。</p>',
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect((await editorApi.post(`/api/v1/content/items/${id}/submit`, {})).status).toBe(200);

    const reviewer = await signedIn('reviewer');
    await reviewer.page.goto(`${suite.baseUrl}/admin/content/items/${encodeURIComponent(id)}`);
    await reviewer.page.getByTestId('action-reject').click();
    await reviewer.page.getByTestId('step-confirm').click(); // a rejection needs a comment
    await reviewer.page.getByText('请填写退回意见').waitFor();
    await reviewer.page.getByTestId('step-comment').fill('请补充上课地点。');
    await reviewer.page.getByTestId('step-confirm').click();
    await expect.poll(() => status(reviewer.page)).toBe('草稿');
    expect(await reviewer.page.getByTestId('workflow-history').locator('[data-step="reject"]').innerText()).toContain('请补充上课地点。');
    await reviewer.context.close();

    expect((await editorApi.patch(`/api/v1/content/items/${id}`, { bodyHtml: '<p>每周六上午在镇文化站开课。</p>' })).status).toBe(200);
    expect((await editorApi.post(`/api/v1/content/items/${id}/submit`, {})).status).toBe(200);
    const reviewerApi = await suite.t.login('reviewer');
    expect((await reviewerApi.post(`/api/v1/content/items/${id}/review`, {})).status).toBe(200);
    const adminApi = await suite.t.login('admin');
    expect((await adminApi.post(`/api/v1/content/items/${id}/sign`, {})).status).toBe(200);

    // 定时发布: a time next year; the server keeps it (status 定时发布) and the item is not public yet.
    const admin = await signedIn('admin');
    await admin.page.goto(`${suite.baseUrl}/admin/content/items/${encodeURIComponent(id)}`);
    await admin.page.getByTestId('action-publish').click();
    await admin.page.getByRole('dialog').getByText('定时发布').click();
    const picker = admin.page.getByTestId('publish-at');
    // Midnight today (Shanghai) has passed: the picker allows today, the server refuses a past time.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await picker.click();
    await picker.fill(`${today} 00:00`);
    await admin.page.locator('.ant-picker-ok button').click();
    await admin.page.getByTestId('step-confirm').click();
    const timeError = admin.page.getByRole('dialog').locator('.ant-form-item-explain-error');
    await expect.poll(() => timeError.innerText()).toContain('不能早于当前时间');
    await admin.page.screenshot({ path: shot('admin-content-schedule-past') });
    expect(await status(admin.page)).toBe('待发布');

    const year = new Date().getFullYear() + 1;
    await picker.click();
    await picker.fill(`${year}-01-05 09:30`);
    await admin.page.locator('.ant-picker-ok button').click();
    await admin.page.screenshot({ path: shot('admin-content-schedule') });
    await admin.page.getByTestId('step-confirm').click();
    await expect.poll(() => status(admin.page)).toBe('定时发布');
    expect(await admin.page.getByTestId('workflow-panel').innerText()).toContain(`${year}-01-05 09:30:00`);
    expect((await suite.t.app.inject({ method: 'GET', url: `/a/${encodeURIComponent(id)}` })).statusCode).toBe(404);

    // The reviewer compares the revisions: the added words are marked.
    await admin.page.getByTestId('diff-show').click();
    await expect.poll(() => admin.page.getByTestId('diff-added').allInnerTexts()).toContain('在镇文化站');
    await admin.page.getByTestId('diff-view').scrollIntoViewIfNeeded();
    await admin.page.screenshot({ path: shot('admin-content-diff') });
    expect(admin.pageErrors).toEqual([]);
    await admin.context.close();
  });
});
