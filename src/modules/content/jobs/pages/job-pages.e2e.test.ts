import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../../../test/support/axe.js';
import { browserSuite } from '../../../../../test/support/browser-suite.js';

const shotDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-job-shots-'));

/** The demo postings as a visitor meets them: the list, a town's list and a posting, on a desk and a phone. */
describe('job posting pages in Chromium', () => {
  const suite = browserSuite();
  let openJob: string;
  let expiredJob: string;

  beforeAll(async () => {
    const db = suite.t.app.database.db;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const jobs = await db.selectFrom('content_jobs' as never).select(['id', 'valid_until'] as never).orderBy('published_at' as never, 'desc').execute() as any[];
    openJob = jobs.find((j) => j.valid_until >= today).id;
    expiredJob = jobs.find((j) => j.valid_until < today).id;
  });

  for (const width of [1280, 360]) {
    it(`the list, a town's list, an open and an expired posting pass axe and fit ${width} px`, async () => {
      // axe is injected as a script: the site's CSP would (rightly) refuse it.
      const context = await suite.browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', bypassCSP: true });
      const page = await context.newPage();
      for (const [name, url] of [['jobs', '/jobs'], ['jobs-town', '/jobs/town/329901101000'], ['job', `/jobs/${openJob}`], ['job-expired', `/jobs/${expiredJob}`]]) {
        const res = await page.goto(`${suite.baseUrl}${url}`);
        expect(res?.status(), url).toBe(200);
        expect(await seriousViolations(page), `${url} at ${width}px`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${url} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(shotDir, `${name}-${width}.png`), fullPage: true });
      }
      await context.close();
    });
  }
});
