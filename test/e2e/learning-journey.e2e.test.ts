import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.js';
import { shot } from '../support/browser.js';
import { browserSuite } from '../support/browser-suite.js';
import { TOWN_IDS } from '../support/demo-roles.js';
import { pdfLines, pdfPages } from '../support/pdf-text.js';
import type { Client } from '../support/test-app.js';

const API = '/api/v1/learning';
const WIDTH = 360;
const TOWN = '柳泉镇';
const PASSWORD = 'Qingxi-wanxue-2026';
const DAY_MS = 86_400_000;

/** A Shanghai calendar date `days` from now, as YYYY-MM-DD. */
const shanghaiDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The resident's journey on a 360 px phone in Chromium: register with a home village, find a class of their town
 * with free seats, enrol; join the waitlist of a full class, get the seat offered when someone cancels, confirm it;
 * then (the demo resident, who finished classes last term) print a certificate on A4 and verify it.
 * Every page: no serious or critical axe findings, no horizontal scroll, controls big enough to tap.
 */
describe('the resident\'s learning journey on a 360 px phone (Chromium)', () => {
  const suite = browserSuite();

  async function phone(): Promise<{ context: BrowserContext; page: Page; pageErrors: string[] }> {
    const context = await suite.browser.newContext({
      viewport: { width: WIDTH, height: 780 }, locale: 'zh-CN', isMobile: true, hasTouch: true, bypassCSP: true, reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return { context, page, pageErrors };
  }

  /** The checks every page of the journey must pass, and its screenshot. */
  async function checkPage(page: Page, name: string) {
    const where = `${name} (${page.url()})`;
    await page.screenshot({ path: shot(`learning-journey-${name}`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${where} is wider than the phone`).toBeLessThanOrEqual(WIDTH);
    // Form controls and button-styled links: at least 44 px tall (checkboxes count by their label row).
    const small = await page.evaluate(() => [...document.querySelectorAll('main button, main .btn, main select, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main label:has(input[type=checkbox])')]
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && box.height < 44)
      .map(({ el, box }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}" ${Math.round(box.height)} px`));
    expect(small, `${where}: tap targets under 44 px`).toEqual([]);
    expect(await seriousViolations(page), where).toEqual([]);
  }

  /** A published course and an open first-come class of the first town's center, made by its institution admin. */
  async function openClass(staff: Client, title: string, seats: number) {
    const terms = (await staff.get(`${API}/terms`)).body.items as { id: string; startsOn: string; endsOn: string }[];
    const today = shanghaiDay(0);
    const term = terms.find((tm) => tm.startsOn <= today && today <= tm.endsOn);
    expect(term, `a current term around ${today}`).toBeDefined();
    const center = await suite.t.app.database.db.selectFrom('institutions').select('id')
      .where('region_id', '=', TOWN_IDS[0]).where('kind', '=', 'community_education_center').executeTakeFirstOrThrow();
    const course = await staff.post(`${API}/courses`, { institutionId: center.id, title, category: 'digital', hours: 12, credits: 1 });
    expect(course.status, course.raw).toBe(201);
    expect((await staff.post(`${API}/courses/${course.body.id}/publish`, { version: course.body.version })).status).toBe(200);
    const created = await staff.post(`${API}/classes`, {
      courseId: course.body.id, termId: term!.id, title, scheduleKind: 'weekly', weekdays: [2, 4], startsOn: shanghaiDay(14), endsOn: shanghaiDay(55),
      startTime: '14:00', endTime: '16:00', venue: '柳泉镇社区教育中心二楼数字学习室', seats,
      enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(), enrolClosesAt: `${shanghaiDay(13)}T17:00:00+08:00`,
    });
    expect(created.status, created.raw).toBe(201);
    const opened = await staff.post(`${API}/classes/${created.body.id}/open`, { version: created.body.version });
    expect(opened.status, opened.raw).toBe(200);
    return created.body.id as string;
  }

  it('registers with a home village, enrols, is waitlisted in a full class, gets the freed seat offered and confirms it', async () => {
    const stamp = Date.now().toString(36).slice(-5);
    const staff = await suite.t.login('staff');
    const openTitle = `手机拍照与修图（${stamp}）`;
    const fullTitle = `微信视频通话入门（${stamp}）`;
    const openId = await openClass(staff, openTitle, 10);
    const fullId = await openClass(staff, fullTitle, 1);
    // Another resident takes the full class's only seat.
    const other = await suite.t.login('resident01');
    const taken = await other.post(`${API}/classes/${fullId}/enrolments`, {});
    expect(taken.status, taken.raw).toBe(201);
    expect(taken.body.status).toBe('enrolled');

    const { context, page, pageErrors } = await phone();
    try {
      // 1. Register, choosing the town and then one of its villages.
      await page.goto(`${suite.baseUrl}/register`);
      await checkPage(page, '1-register');
      const username = `liuquan${stamp}`;
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByLabel('真实姓名（可选）').fill('沈月华');
      await page.getByLabel('居住镇（街道）').selectOption({ label: TOWN });
      const village = page.getByLabel('村（社区）');
      const villageName = (await village.locator(`optgroup[data-town="${TOWN_IDS[0]}"] option`).first().textContent())!.trim();
      const [villageId] = await village.selectOption({ label: villageName });
      await page.getByLabel('我已阅读并同意《个人信息保护政策》').check();
      await Promise.all([page.waitForURL(/\/account$/), page.getByRole('button', { name: '注册' }).click()]);
      const me = await suite.t.app.database.db.selectFrom('users').select(['home_path']).where('username', '=', username).executeTakeFirstOrThrow();
      expect(me.home_path).toContain(TOWN_IDS[0]);
      expect(me.home_path).toContain(villageId);

      // Find a class of the home town with free seats through the filter form; walk the pages to the new class.
      await page.goto(`${suite.baseUrl}/classes`);
      await page.getByLabel('镇（街道）').selectOption({ label: TOWN });
      await page.getByLabel('只看有空位').check();
      await Promise.all([page.waitForURL(/\/classes\?.*town=329901101000.*seats=1/), page.getByRole('button', { name: '查找' }).click()]);
      await checkPage(page, '2-classes-filtered');
      const cards = page.locator('main .item-list > li');
      expect(await cards.count()).toBeGreaterThan(0);
      for (const text of await cards.allInnerTexts()) expect(text).toContain(TOWN);
      // The full class is not listed under 有空位.
      while (await page.getByRole('link', { name: openTitle }).count() === 0) {
        expect(await page.getByRole('link', { name: fullTitle }).count()).toBe(0);
        await Promise.all([page.waitForURL(/page=\d+/), page.locator('a[rel=next]').click()]);
      }
      await Promise.all([page.waitForURL(new RegExp(`/classes/${openId}$`)), page.getByRole('link', { name: openTitle }).click()]);
      await checkPage(page, '3-class');
      await Promise.all([page.waitForURL(/\/account\/classes\?done=enrolled/), page.getByRole('button', { name: '我要报名' }).click()]);
      const current = page.locator('main ol.item-list').first();
      expect(await current.locator('li', { hasText: openTitle }).innerText()).toContain('已报名');
      await checkPage(page, '4-enrolled');

      // 2. The full class offers the waitlist.
      await page.goto(`${suite.baseUrl}/classes/${fullId}`);
      const panel = page.locator('section[aria-labelledby="enrol-title"]');
      expect(await panel.innerText()).toContain('名额已满');
      await checkPage(page, '5-full-class');
      await Promise.all([page.waitForURL(/\/account\/classes\?done=waitlisted&position=1/), panel.getByRole('button', { name: '加入候补' }).click()]);
      const waiting = page.locator('main li', { hasText: fullTitle });
      expect(await waiting.innerText()).toMatch(/候补中[\s\S]*候补第 1 位/);
      await checkPage(page, '6-waitlisted');

      // 3. The other resident cancels: the seat is offered to the waitlisted one, in the inbox and on /account/classes.
      const mine = (await other.get(`${API}/me/enrolments`)).body.items as { id: string; classId: string }[];
      const seat = mine.find((e) => e.classId === fullId)!;
      expect((await other.post(`${API}/enrolments/${seat.id}/cancel`, {})).status).toBe(204);
      await page.goto(`${suite.baseUrl}/account/messages`);
      const message = page.locator('main li', { hasText: fullTitle }).first();
      expect(await message.innerText()).toContain('候补名额待确认');
      await checkPage(page, '7-messages');
      await page.goto(`${suite.baseUrl}/account/classes`);
      const offered = page.locator('main li', { hasText: fullTitle });
      expect(await offered.innerText()).toMatch(/待确认名额[\s\S]*请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 前确认/);
      // Whoever gave the seat up stays anonymous.
      const otherName = (await suite.t.app.database.db.selectFrom('users').select('display_name').where('username', '=', 'resident01').executeTakeFirstOrThrow()).display_name;
      expect(await page.locator('main').innerText()).not.toContain(otherName);
      await checkPage(page, '8-offered');
      await Promise.all([page.waitForURL(/\/account\/classes\?done=saved/), offered.getByRole('button', { name: '确认名额' }).click()]);
      expect(await page.locator('main li', { hasText: fullTitle }).innerText()).toContain('已报名');
      // The server agrees: both seats are the resident's (read with the browser's own session).
      const stored = await page.request.get(`${suite.baseUrl}${API}/me/enrolments`);
      expect(stored.status()).toBe(200);
      const items = (await stored.json() as { items: { classId: string; status: string }[] }).items;
      expect(items.map((r) => [r.classId, r.status]).sort()).toEqual([[openId, 'enrolled'], [fullId, 'enrolled']].sort());
      await checkPage(page, '9-confirmed');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the demo resident prints a certificate on A4 landscape and opens its verify page: masked name, 有效', async () => {
    const resident = await suite.t.login('resident');
    const certificates = (await resident.get(`${API}/me/certificates`)).body.items as
      { id: string; code: string; number: string; holderName: string; classTitle: string; hours: number; valid: boolean }[];
    const cert = certificates.find((c) => c.valid);
    expect(cert, 'the demo resident has a valid certificate from last term').toBeDefined();

    const { context, page, pageErrors } = await phone();
    try {
      await page.goto(`${suite.baseUrl}/login`);
      await page.getByLabel('用户名').fill('resident');
      await page.getByLabel('密码').fill('learning-city-demo');
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.locator('main form button[type=submit]').click()]);

      await page.goto(`${suite.baseUrl}/account/certificates`);
      const item = page.locator('main li', { hasText: cert!.number });
      expect(await item.innerText()).toContain(cert!.classTitle);
      await checkPage(page, '10-certificates');

      // The print view: a stand-alone A4 landscape sheet with the holder, class, hours, number and the verify address.
      await Promise.all([page.waitForURL(new RegExp(`/certificates/${cert!.id}/print$`)), item.getByRole('link', { name: '打印证书' }).click()]);
      await page.screenshot({ path: shot('learning-journey-11-print-phone'), fullPage: true });
      // On the phone the whole sheet shows, scaled to the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      expect(await seriousViolations(page)).toEqual([]);
      const verifyText = (await page.locator('.qr').innerText()).trim();
      const code = /\/verify\/([0-9A-Z]+)/.exec(verifyText)?.[1];
      expect(code, verifyText).toBe(cert!.code);
      expect(await page.locator('.qr svg').count()).toBe(1);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const pages = pdfPages(pdf);
      expect(pages.length).toBe(1);
      // A4 landscape in points: 841.89 × 595.28.
      expect(Math.abs(pages[0]!.width - 841.89)).toBeLessThan(1);
      expect(Math.abs(pages[0]!.height - 595.28)).toBeLessThan(1);
      const printed = pdfLines(pages[0]!).map((l) => l.text).join('\n');
      for (const part of [cert!.holderName, cert!.classTitle, cert!.number, String(cert!.hours)]) expect(printed, part).toContain(part);
      const sheet = await context.newPage();
      await sheet.setViewportSize({ width: 1123, height: 794 });
      await sheet.goto(page.url());
      await sheet.screenshot({ path: shot('learning-journey-12-print-a4'), fullPage: true });
      await sheet.close();

      // The verify page, from the code the QR carries: the name masked, 有效.
      await page.goto(`${suite.baseUrl}/verify/${code}`);
      const table = page.locator('main table');
      const masked = `${cert!.holderName.slice(0, 1)}${'*'.repeat(cert!.holderName.length - 1)}`;
      expect(await table.innerText()).toContain(masked);
      expect(await table.innerText()).not.toContain(cert!.holderName);
      expect(await table.locator('tr', { hasText: '状态' }).innerText()).toContain('有效');
      await checkPage(page, '13-verify');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the demo resident prints their credit-bank award on A4 and anyone verifies it by its code: masked name, 有效', async () => {
    const resident = await suite.t.login('resident');
    const record = (await resident.get(`${API}/me/record`)).body as { name: string; awards: { id: string; code: string; number: string; title: string }[] };
    const award = record.awards[0];
    expect(award, 'the demo resident holds the 终身学习起步 award').toBeDefined();

    const { context, page, pageErrors } = await phone();
    try {
      await page.goto(`${suite.baseUrl}/login`);
      await page.getByLabel('用户名').fill('resident');
      await page.getByLabel('密码').fill('learning-city-demo');
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.locator('main form button[type=submit]').click()]);

      // 我的证书 lists the award after the class certificates, with the same print and verify buttons.
      await page.goto(`${suite.baseUrl}/account/certificates`);
      const item = page.locator('main li', { hasText: award.number });
      expect(await item.innerText()).toContain(award.title);
      await checkPage(page, '14-certificates-award');

      await Promise.all([page.waitForURL(new RegExp(`/awards/${award.id}/print$`)), item.getByRole('link', { name: '打印证书' }).click()]);
      await page.screenshot({ path: shot('learning-journey-15-award-print-phone'), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
      expect(await seriousViolations(page)).toEqual([]);
      const code = /\/verify\/([0-9A-Z]+)/.exec((await page.locator('.qr').innerText()).trim())?.[1];
      expect(code).toBe(award.code);
      const pages = pdfPages(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      expect(pages.length).toBe(1);
      expect(Math.abs(pages[0]!.width - 841.89)).toBeLessThan(1);
      const printed = pdfLines(pages[0]!).map((l) => l.text).join('\n');
      for (const part of [record.name, award.number, '学分银行']) expect(printed, part).toContain(part);
      const wide = await context.newPage();
      await wide.setViewportSize({ width: 1280, height: 900 });
      await wide.goto(page.url());
      await wide.screenshot({ path: shot('learning-journey-16-award-print-1280'), fullPage: true });

      // The verify page from the QR's code, on the phone and on a desktop: the name masked, 学分转换证书, 有效.
      await page.goto(`${suite.baseUrl}/verify/${code}`);
      const table = page.locator('main table');
      const masked = `${record.name.slice(0, 1)}${'*'.repeat(record.name.length - 1)}`;
      expect(await table.innerText()).toContain(masked);
      expect(await table.innerText()).not.toContain(record.name);
      expect(await table.innerText()).toContain('学分转换证书');
      expect(await table.locator('tr', { hasText: '状态' }).innerText()).toContain('有效');
      await checkPage(page, '17-verify-award');
      await wide.goto(page.url());
      await wide.screenshot({ path: shot('learning-journey-18-verify-award-1280'), fullPage: true });
      await wide.close();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
