import { describe, expect, it } from 'vitest';
import { shot } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { seriousViolations } from '../support/axe.js';
import { idNumberCheckChar } from '../../src/core/pii/id-number.js';

const PASSWORD = 'lotus pond at dawn';
const body = '330102196204180' + '52';
const ID_NUMBER = body + idNumberCheckChar(body);

/**
 * P5 in Chromium: a new resident must tick the privacy notice box to sign up (and the separate box for the ID
 * number), later sees the consents on /account and withdraws the ID-number one after reading what it changes.
 */
describe('privacy notice and consent in Chromium', () => {
  const suite = browserSuite();

  it('the notice and the sign-up form fit a 360 px phone and a 1280 px screen', async () => {
    for (const width of [360, 1280]) {
      const context = await suite.browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN', bypassCSP: true });
      const page = await context.newPage();
      for (const [name, url] of [['privacy', '/privacy'], ['register', '/register']] as const) {
        await page.goto(`${suite.baseUrl}${url}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width}`).toBeLessThanOrEqual(width);
        await page.screenshot({ path: shot(`consent-${name}-${width}`), fullPage: true });
        expect(await seriousViolations(page), `${url} at ${width}`).toEqual([]);
      }
      await expect.poll(() => page.locator('#privacyConsent').isChecked()).toBe(false);
      await context.close();
    }
  });

  it('a resident must tick the box to register, then sees and withdraws the ID-number consent on /account', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/register`);
    const fill = async () => {
      await page.getByLabel('用户名', { exact: true }).fill('tang.yuxiu');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByLabel('身份证号（可选）').fill(ID_NUMBER);
    };
    await fill();
    await page.getByRole('button', { name: '注册' }).click();
    await expect.poll(() => page.locator('#form-errors').innerText()).toContain('请阅读《个人信息保护政策》，并勾选同意后再注册。');
    await expect.poll(() => page.locator('#form-errors').innerText()).toContain('须单独勾选同意处理身份证号码');
    expect(page.url()).toBe(`${suite.baseUrl}/register`);

    // The notice opens from the form; its version is the one the form sends back.
    const [notice] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: '阅读《个人信息保护政策》' }).click()]);
    await notice.waitForLoadState();
    expect(await notice.locator('h1').innerText()).toBe('个人信息保护政策');
    await notice.close();

    await fill();
    await page.getByLabel('我单独同意平台处理我的身份证号码', { exact: false }).check();
    await page.getByLabel('我已阅读并同意《个人信息保护政策》').check();
    await Promise.all([page.waitForURL(`${suite.baseUrl}/account`), page.getByRole('button', { name: '注册' }).click()]);

    const consents = page.locator('#consents');
    await expect.poll(() => consents.innerText()).toContain('个人信息保护政策');
    expect(await consents.innerText()).toContain('处理身份证号码（敏感个人信息）');
    await page.screenshot({ path: shot('consent-account-360'), fullPage: true });

    await page.getByRole('link', { name: '撤回身份证号码授权' }).click();
    await page.waitForURL(`${suite.baseUrl}/account/consents/withdraw`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('不能再用身份证号码查找您的账户');
    expect(main).toContain('1962-04-18');
    await page.screenshot({ path: shot('consent-withdraw-360'), fullPage: true });
    await Promise.all([page.waitForURL(/\/account\?consent=withdrawn/), page.getByRole('button', { name: '确认撤回并删除身份证号码' }).click()]);
    expect(await consents.innerText()).toContain('已撤回身份证号码授权，您的身份证号码已删除。');
    expect(await consents.innerText()).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 撤回/);
    expect(await page.getByRole('link', { name: '撤回身份证号码授权' }).count()).toBe(0);
    const stored = await suite.t.app.database.db.selectFrom('users').select(['id_number_enc', 'id_number_hash']).where('username', '=', 'tang.yuxiu').executeTakeFirstOrThrow();
    expect(stored).toEqual({ id_number_enc: null, id_number_hash: null });
    await context.close();
  });
});
