import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';

describe.each(testDialects())('the learner\'s links on /account on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });

  const accountPage = async (username: string) =>
    (await (await t.login(username)).request('GET', '/account', undefined, { accept: 'text/html' })).raw as string;

  it('a resident reaches their classes, attendance and certificates; only a teacher gets the roll call', async () => {
    const resident = await accountPage('resident');
    for (const href of ['/account/classes', '/account/attendance', '/account/certificates']) expect(resident).toContain(`href="${href}"`);
    expect(resident).not.toContain('href="/teach"');
    expect(await accountPage('teacher')).toContain('href="/teach"');
  });
});
