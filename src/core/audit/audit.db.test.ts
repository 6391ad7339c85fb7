import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { testDialects } from '../../../test/support/databases.js';
import { verifyAuditChain } from './audit-verify.js';

/** Lets a test play the role of someone with direct database access who edits the log behind our back. */
async function withoutAppendOnlyTriggers(t: TestApp, change: () => Promise<unknown>) {
  const db = t.app.core.db;
  if (t.kind === 'postgres') {
    await sql`alter table audit_log disable trigger audit_log_no_change`.execute(db);
    await change();
    await sql`alter table audit_log enable trigger audit_log_no_change`.execute(db);
  } else {
    await sql`drop trigger audit_log_no_update`.execute(db);
    await sql`drop trigger audit_log_no_delete`.execute(db);
    await change();
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }
}

describe.each(testDialects())('audit log on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(kind); });
  afterAll(async () => { await t.close(); });

  it('records a staff change with who, role, scope, target, before/after, time with offset, IP and request id', async () => {
    const admin = await t.login('admin');
    const users = await admin.get('/api/v1/users?q=teacher');
    const teacher = users.body.items.find((u: any) => u.username === 'teacher');
    const res = await admin.patch(`/api/v1/users/${teacher.id}`, { displayName: '周雅琴 高级教师', phone: '13611112222' });
    expect(res.status).toBe(200);
    const auditor = await t.login('auditor');
    const log = await auditor.get(`/api/v1/audit?action=user.update&targetId=${teacher.id}`);
    const entry = log.body.items[0];
    expect(entry).toMatchObject({
      actorName: 'admin', role: 'city_admin', scope: 'city:329901000000 青溪市', action: 'user.update', targetType: 'user',
      targetId: teacher.id, outcome: 'success', before: { displayName: '周雅琴 老师', phone: null },
      after: { displayName: '周雅琴 高级教师', phone: '136****2222' },
    });
    expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(entry.requestId).toBe(res.headers['x-request-id'] ?? entry.requestId);
    expect(entry.ip).toBeTruthy();
  });

  it('refuses UPDATE and DELETE at the database level', async () => {
    const db = t.app.core.db;
    await expect(db.updateTable('audit_log').set({ action: 'edited' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
  });

  it('keeps a gap-free chain under concurrent writers', async () => {
    const admin = await t.login('admin');
    const users = (await admin.get('/api/v1/users?pageSize=30&role=resident')).body.items;
    const results = await Promise.all(users.slice(0, 20).map((u: any, i: number) =>
      admin.patch(`/api/v1/users/${u.id}`, { displayName: `居民${i}` })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const report = await verifyAuditChain(t.app.core.db);
    expect(report).toMatchObject({ ok: true, firstBadSeq: null });
    const seqs = (await t.app.core.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('rolls the change back when its audit entry cannot be written', async () => {
    const admin = await t.login('admin');
    const db = t.app.core.db;
    await sql`alter table audit_head rename to audit_head_away`.execute(db);
    try {
      const res = await admin.post('/api/v1/users', { username: 'never-created', displayName: '不会创建', roles: [{ role: 'editor', scopeType: 'city', scopeId: '329901000000' }] });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('server.error');
    } finally {
      await sql`alter table audit_head_away rename to audit_head`.execute(db);
    }
    expect(await db.selectFrom('users').select('id').where('username', '=', 'never-created').executeTakeFirst()).toBeUndefined();
  });

  it('verify finds an edited entry, a deleted entry and a truncated tail', async () => {
    const db = t.app.core.db;
    expect((await verifyAuditChain(db)).ok).toBe(true);
    const { last_seq: last } = await db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow();
    expect(last).toBeGreaterThan(5);
    const original = await db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();

    await withoutAppendOnlyTriggers(t, () => db.updateTable('audit_log').set({ outcome: 'failure' }).where('seq', '=', 3).execute());
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'hash_mismatch' });
    await withoutAppendOnlyTriggers(t, () => db.updateTable('audit_log').set({ outcome: original.outcome }).where('seq', '=', 3).execute());
    expect((await verifyAuditChain(db)).ok).toBe(true);

    const auditor = await t.login('auditor');
    await withoutAppendOnlyTriggers(t, () => db.deleteFrom('audit_log').where('seq', '=', 4).execute());
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: 4, reason: 'missing_entry' });
    const viaApi = await auditor.get('/api/v1/audit/verify');
    expect(viaApi.body).toMatchObject({ ok: false, firstBadSeq: 4 });
  });

  it('verify notices entries cut from the end', async () => {
    const fresh = await createTestApp(kind);
    try {
      const db = fresh.app.core.db;
      await fresh.login('admin');
      await fresh.login('editor');
      const { last_seq: last } = await db.selectFrom('audit_head').select('last_seq').executeTakeFirstOrThrow();
      await withoutAppendOnlyTriggers(fresh, () => db.deleteFrom('audit_log').where('seq', '=', last).execute());
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: 'head_mismatch' });
    } finally {
      await fresh.close();
    }
  });
});
