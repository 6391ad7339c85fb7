import type { Kysely } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { fakeClock } from '../../../test/support/fake-clock.js';
import { expectNoPersonalDataLeaks } from '../../../test/support/no-leaks.js';
import { registerAlertSink, type SecurityAlert } from './alert-sink.js';

/** The recording sink: what a deployment's channel would have received. */
const received: SecurityAlert[] = [];
registerAlertSink((alert) => { received.push(alert); });

const MINUTE = 60_000;

describe.each(testDialects())('security alerts (L9) on %s', (kind) => {
  const clock = fakeClock('2026-03-02T01:00:00.000Z'); // 09:00 in Shanghai
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock, env: { ALERT_LOCKOUT_COUNT: '3', ALERT_LOCKOUT_WINDOW_MIN: '15', ALERT_EXPORT_ROWS: '5', ALERT_EXPORTS_PER_HOUR: '3', ALERT_OFFICE_HOURS: '07:00-22:00' } });
  });
  afterAll(async () => { expectNoPersonalDataLeaks(t); await t.close(); });
  beforeEach(() => { received.length = 0; clock.set('2026-03-02T01:00:00.000Z'); });

  /** The learning module's tables, which core's schema type does not know. */
  const learningDb = () => t.app.database.db as unknown as Kysely<any>;
  const alertRows = (targetType: string) => t.app.database.db.selectFrom('audit_log').selectAll()
    .where('action', '=', 'security.alert').where('target_type', '=', targetType).orderBy('seq').execute();

  /** Five wrong passwords from an address of the account's own (the per-address limit is not what is tested). */
  async function lockOut(username: string, address: string) {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { username, password: 'not-the-password-1' } });
      expect(res.statusCode).toBe(401);
    }
  }

  it('lockouts of several accounts within the window raise one alert; older lockouts do not count', async () => {
    await lockOut('resident11', '198.51.100.11');
    await lockOut('resident12', '198.51.100.12');
    expect(received).toEqual([]);
    await lockOut('resident13', '198.51.100.13');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'lockout_burst', ip: '198.51.100.13', details: { lockouts: 3, windowMinutes: 15 } });
    const rows = await alertRows('lockout_burst');
    expect(rows).toHaveLength(1);
    expect(rows[0].seq).toBe(received[0].auditSeq);
    expect(JSON.parse(rows[0].after_json!)).toMatchObject({ kind: 'lockout_burst', lockouts: 3 });
    // A fourth in the same window: the burst was already reported.
    await lockOut('resident14', '198.51.100.14');
    expect(received).toHaveLength(1);
    // Sixteen minutes on, the earlier lockouts are outside the window: one more is not a burst.
    clock.advance(16 * MINUTE);
    await lockOut('resident15', '198.51.100.15');
    expect(received).toHaveLength(1);
    expect(await alertRows('lockout_burst')).toHaveLength(1);
  });

  it('a staff login outside office hours (China time) raises an alert; inside it does not; residents never', async () => {
    clock.set('2026-03-02T15:30:00.000Z'); // 23:30
    await t.login('editor');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'off_hours_login', actor: { name: 'editor' }, subject: { type: 'user' }, details: { localTime: '23:30' } });
    expect(received[0].at).toBe('2026-03-02T23:30:00+08:00');
    clock.set('2026-03-02T22:59:00.000Z'); // 06:59
    await t.login('reviewer');
    expect(received.map((a) => a.details.localTime)).toEqual(['23:30', '06:59']);
    clock.set('2026-03-02T23:00:00.000Z'); // 07:00
    await t.login('reviewer');
    clock.set('2026-03-02T13:59:00.000Z'); // 21:59
    await t.login('reviewer');
    clock.set('2026-03-02T15:30:00.000Z');
    await t.login('resident');
    expect(received).toHaveLength(2);
    const rows = await alertRows('off_hours_login');
    expect(rows.map((r) => r.actor_name)).toEqual(['editor', 'reviewer']);
  });

  it('an export of more people than the threshold raises mass_export; every export is audited', async () => {
    const admin = await t.login('admin');
    const res = await admin.get('/api/v1/network/people/export.xlsx');
    expect(res.status).toBe(200);
    const exports = await t.app.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'personal_data.export')
      .where('actor_name', '=', 'admin').execute();
    expect(exports).toHaveLength(1);
    const rows = JSON.parse(exports[0].after_json!).rows as number;
    expect(rows).toBeGreaterThan(5);
    expect(received.filter((a) => a.kind === 'mass_export')).toEqual([
      expect.objectContaining({ kind: 'mass_export', actor: expect.objectContaining({ name: 'admin' }), details: { export: 'network.people', rows } }),
    ]);
    // The auditor sees it in the audit log like any other entry.
    const auditor = await t.login('auditor');
    const log = await auditor.get('/api/v1/audit?action=security.alert');
    expect(log.body.items.some((e: any) => e.targetType === 'mass_export' && e.actorName === 'admin')).toBe(true);
  });

  it('a user reaching the hourly number of exports raises frequent_export once an hour', async () => {
    const town = await t.login('town');
    const cls = await learningDb().selectFrom('learning_classes').select(['id', 'owner_path'])
      .where('owner_path', 'like', '/329901000000/329901101000/%').orderBy('seats_taken').executeTakeFirstOrThrow();
    const roster = `/api/v1/learning/classes/${cls.id}/roster.xlsx`;
    const frequent = () => received.filter((a) => a.kind === 'frequent_export');
    expect((await town.get(roster)).status).toBe(200);
    expect((await town.get(roster)).status).toBe(200);
    expect(frequent()).toEqual([]);
    clock.advance(10 * MINUTE);
    expect((await town.get(roster)).status).toBe(200);
    expect(frequent()).toHaveLength(1);
    expect(frequent()[0]).toMatchObject({ actor: { name: 'town' }, details: { exportsLastHour: 3 } });
    expect((await town.get(roster)).status).toBe(200);
    expect(frequent()).toHaveLength(1);
    // An hour after the burst only the newest export is within the hour.
    clock.advance(61 * MINUTE);
    const again = await t.login('town');
    expect((await again.get(roster)).status).toBe(200);
    expect(frequent()).toHaveLength(1);
    const audited = await t.app.database.db.selectFrom('audit_log').select(['target_type', 'target_id']).where('action', '=', 'personal_data.export')
      .where('actor_name', '=', 'town').execute();
    expect(audited).toHaveLength(5);
    expect(audited.every((r) => r.target_type === 'learning.roster' && r.target_id === cls.id)).toBe(true);
  });

  it('revoking a published certificate raises published_result_changed', async () => {
    const admin = await t.login('admin');
    const cert = await learningDb().selectFrom('learning_certificates').select('id').where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    const res = await admin.post(`/api/v1/learning/certificates/${cert.id}/revoke`, { reason: '材料不实' });
    expect(res.status, res.raw).toBe(200);
    expect(received).toEqual([expect.objectContaining({
      kind: 'published_result_changed', subject: { type: 'learning_certificate', id: cert.id }, details: { change: 'revoked' },
      actor: expect.objectContaining({ name: 'admin' }),
    })]);
    expect((await alertRows('published_result_changed')).map((r) => r.target_id)).toEqual([cert.id]);
    // A refused revocation (already revoked) changed nothing and alerts nothing.
    expect((await admin.post(`/api/v1/learning/certificates/${cert.id}/revoke`, { reason: '重复' })).status).toBe(409);
    expect(received).toHaveLength(1);
  });

  it('a failing sink never fails the request: the audit entry is the record', async () => {
    registerAlertSink(() => { throw new Error('SIEM unreachable'); });
    try {
      clock.set('2026-03-02T18:00:00.000Z'); // 02:00
      const before = (await alertRows('off_hours_login')).length;
      await t.login('inspector');
      expect(await alertRows('off_hours_login')).toHaveLength(before + 1);
    } finally {
      registerAlertSink((alert) => { received.push(alert); });
    }
  });
});
