import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../support/test-app.js';
import { testDialects } from '../support/databases.js';
import { loginAll, ROLE_USERS, userIdOf } from '../support/demo-roles.js';
import { findUnmaskedPersonalData } from '../../src/core/pii/mask.js';

const RESIDENT_PHONE = '13905110021';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Digit runs the scanner would flag inside UUIDs (ids, request ids): random hex, not personal data. */
const digitsInsideUuids = (raw: string) => new Set([...raw.matchAll(UUID)].flatMap((m) => findUnmaskedPersonalData(m[0])));
/** The scanner over a body with UUIDs and CSRF tokens blanked out. */
const personalDataIn = (raw: string) => findUnmaskedPersonalData(raw.replace(UUID, 'uuid').replace(/"csrfToken":"[^"]*"/g, '"csrfToken":""'));

/** SECURITY.md P4/L4: no JSON answer carries a full mobile or ID number unless a permitted, audited reveal asked for it. */
describe.each(testDialects())('personal data in answers on %s', (kind) => {
  let t: TestApp;
  let c: Record<string, Client>;
  let residentId: string;
  const seen: Array<{ who: string; url: string; raw: string }> = [];

  async function call(who: string, method: string, url: string, body?: unknown) {
    const res = await (who === 'anonymous' ? t.anonymous() : c[who]).request(method, url, body);
    if (String(res.headers['content-type']).includes('json')) seen.push({ who, url, raw: res.raw });
    return res;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    c = await loginAll(t, Object.values(ROLE_USERS));
    residentId = await userIdOf(t, 'resident');
  });
  afterAll(async () => { await t.close(); });

  it('every GET API route, as every role, answers without unmasked phone or ID numbers', async () => {
    const ids = [residentId, await userIdOf(t, 'teacher'), await userIdOf(t, 'resident01')];
    const gets = t.app.routeRegistry.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
    for (const who of ['anonymous', ...Object.values(ROLE_USERS)]) {
      for (const route of gets) {
        const urls = route.url.includes(':id') ? ids.map((id) => route.url.replace(':id', id)) : [route.url];
        if (route.hasQuery) urls.push(`${route.url}?pageSize=100`, `${route.url}?q=resident&pageSize=100`);
        for (const url of urls) await call(who, 'GET', url);
      }
    }
    // The whole resident list was actually served to the city admin, so the scan had phones to find.
    expect(seen.some((s) => s.who === 'admin' && s.raw.includes('139****0021'))).toBe(true);
    const leaks = seen.map((s) => ({ who: s.who, url: s.url, found: personalDataIn(s.raw) })).filter((l) => l.found.length > 0);
    expect(leaks).toEqual([]);
  });

  it('the harness scanner (t.leaks) found nothing except digits inside random UUIDs', () => {
    const random = new Set(seen.flatMap((s) => [...digitsInsideUuids(s.raw)]));
    const real = t.leaks.map((l) => ({ ...l, found: l.found.filter((f) => !random.has(f)) })).filter((l) => l.found.length > 0);
    expect(real).toEqual([]);
  });

  it('the scanner does not mistake digits inside a UUID (id or request id) for a phone number', () => {
    // A problem body as the server sends it; the instance is a v4 UUID whose last group happens to be digits.
    const body = JSON.stringify({ code: 'auth.forbidden', instance: '3684c638-9d09-431f-9c80-e18081549165' });
    expect(findUnmaskedPersonalData(body)).toEqual([]);
    expect(findUnmaskedPersonalData(JSON.stringify({ id: '0190a000-0000-7000-8000-139051100219' }))).toEqual([]);
  });

  it('the audited reveal shows the full phone to the city admin, lists keep it masked, and the auditor sees the reveal', async () => {
    const list = await call('admin', 'GET', '/api/v1/users?q=resident&pageSize=100');
    const listed = list.body.items.find((u: any) => u.id === residentId);
    expect(listed.phone).toBe('139****0021');
    expect((await call('admin', 'GET', `/api/v1/users/${residentId}`)).body.phone).toBe('139****0021');

    const reveal = await c.admin.post(`/api/v1/users/${residentId}/reveal`, { field: 'phone' });
    expect(reveal.status).toBe(200);
    expect(reveal.body).toEqual({ value: RESIDENT_PHONE });
    expect(findUnmaskedPersonalData(reveal.raw), 'the scanner catches a real leak').toEqual([RESIDENT_PHONE]);

    const town = await c.town.post(`/api/v1/users/${residentId}/reveal`, { field: 'phone' });
    expect(town.status).toBe(403);
    expect(town.raw).not.toContain(RESIDENT_PHONE);

    const log = await call('auditor', 'GET', `/api/v1/audit?action=user.pii.reveal&targetId=${residentId}`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(1);
    expect(log.body.items[0]).toMatchObject({ action: 'user.pii.reveal', targetType: 'user', targetId: residentId, actorName: 'admin', outcome: 'success', after: { field: 'phone' } });
    expect(personalDataIn(log.raw)).toEqual([]);
  });

  it('phone and ID numbers written by an admin are masked in answers and in the audit log (L4), shown only by reveal', async () => {
    const target = await userIdOf(t, 'resident02');
    const idNumber = '11010519491231002X';
    const patched = await call('admin', 'PATCH', `/api/v1/users/${target}`, { phone: '13912345678', idNumber });
    expect(patched.status, patched.raw).toBe(200);
    expect(patched.body).toMatchObject({ phone: '139****5678', idNumber: '110***********002X' });
    const created = await call('admin', 'POST', '/api/v1/users', {
      username: 'pii-new-staff', displayName: '新 员工', phone: '13887654321',
      roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }],
    });
    expect(created.status, created.raw).toBe(201);
    const log = await call('auditor', 'GET', '/api/v1/audit?pageSize=100');
    const changes = log.body.items.filter((e: any) => ['user.update', 'user.create'].includes(e.action));
    expect(changes.length).toBeGreaterThanOrEqual(2);
    expect(personalDataIn(log.raw)).toEqual([]);
    for (const { raw, url } of seen.slice(-3)) expect(personalDataIn(raw), url).toEqual([]);
    const reveal = await c.admin.post(`/api/v1/users/${target}/reveal`, { field: 'idNumber' });
    expect(reveal.body).toEqual({ value: idNumber });
    expect(reveal.headers['x-personal-data']).toBe('unmasked');
  });
});
