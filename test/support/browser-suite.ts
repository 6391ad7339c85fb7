import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startLiveServer } from './live-server.js';
import type { TestApp } from './test-app.js';

export interface BrowserSuite { browser: Browser; t: TestApp; baseUrl: string }

/** Call inside a describe: a live server on a free port and Debian's Chromium, both closed afterwards. */
export function browserSuite(): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    Object.assign(suite, await startLiveServer());
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}

/** Logs in through the back office's login form. */
export async function logInToBackOffice(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/admin/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
