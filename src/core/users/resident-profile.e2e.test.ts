import { describe, expect, it } from 'vitest';
import { shot } from '../../../test/support/browser.js';
import { browserSuite } from '../../../test/support/browser-suite.js';
import { seriousViolations } from '../../../test/support/axe.js';
import { idNumberCheckChar } from '../pii/id-number.js';

describe('home town and village in Chromium', () => {
  const suite = browserSuite();

  it('a resident signs up on a 360 px phone choosing a town, sees only its villages, and finds the profile on the account page', async () => {
    const db = suite.t.app.core.db;
    const towns = await db.selectFrom('regions').select(['id', 'name']).where('level', '=', 'town').orderBy('path').execute();
    const town = towns[2];
    const villages = await db.selectFrom('regions').select(['id', 'name']).where('parent_id', '=', town.id).orderBy('path').execute();
    const body = '32110219570809246';
    const id = body + idNumberCheckChar(body);

    const context = await suite.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${suite.baseUrl}/register`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('用户名', { exact: true }).fill('fang.cuiping');
    await page.getByLabel('密码', { exact: true }).fill('lotus leaves after rain');
    await page.getByLabel('真实姓名（可选）').fill('方翠萍');
    await page.getByLabel('身份证号（可选）').fill(id);
    await page.getByLabel('居住镇（街道）').selectOption(town.id);
    // portal.js leaves only the chosen town's villages to pick from.
    const enabled = await page.locator('#homeVillageId optgroup:not([disabled]) option').allInnerTexts();
    expect(enabled).toEqual(villages.map((v) => v.name));
    await page.getByLabel('村（社区）').selectOption(villages[3].id);
    await page.getByLabel('我单独同意平台处理我的身份证号码', { exact: false }).check();
    await page.getByLabel('我已阅读并同意《个人信息保护政策》').check();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: shot('portal-register-home-360'), fullPage: true });
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(`${suite.baseUrl}/account`);

    const main = page.locator('main');
    await expect.poll(() => main.innerText()).toContain(`${town.name} · ${villages[3].name}`);
    const text = await main.innerText();
    expect(text).toContain(`321***********${id.slice(14)}`);
    expect(text).toContain('1957-08-09');
    expect(await page.content()).not.toContain(id);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: shot('portal-account-profile-360'), fullPage: true });
    await context.close();
  });
});
