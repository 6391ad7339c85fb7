import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { clientFor, countRows, dbOf, insertClass, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import type { LotteryDatabase } from './lottery-schema.js';
import { NODE_VERIFY_LINE } from './verify-commands.js';
import type { Kysely } from 'kysely';

const API = '/api/v1/learning';
const OPEN = '2026-03-02T01:00:00.000Z';
const CLOSES = '2026-03-09T16:00:00.000Z';
const AFTER_CLOSE = '2026-03-10T02:00:00.000Z';

/** The draw recomputed from the published JSON with node:crypto only (no code of the module). */
function recompute(record: { seed: string; applicants: Array<{ ticket: string; group: number }> }): string[] {
  const key = Buffer.from(record.seed, 'hex');
  return record.applicants
    .map((a) => ({ ...a, k: crypto.createHmac('sha256', key).update(a.ticket, 'utf8').digest('hex') }))
    .sort((a, b) => a.group - b.group || (a.k < b.k ? -1 : a.k > b.k ? 1 : a.ticket < b.ticket ? -1 : 1))
    .map((a) => a.ticket);
}

describe.each(testDialects())('lottery on %s', (kind) => {
  let t: TestApp;
  let town: Client, town02: Client, anon: Client;
  let townPath = '';
  const clock = fakeClock(OPEN);
  const db = () => dbOf(t) as unknown as Kysely<LotteryDatabase>;
  const as = (userId: string) => clientFor(t, userId, clock.now());
  /** Everything an application writes; a refusal must leave all of it unchanged. */
  const footprint = async () => ({
    apps: Number((await db().selectFrom('learning_lottery_applications').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    applied: Number((await db().selectFrom('learning_lottery_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'applied').executeTakeFirstOrThrow()).n),
    enrolments: await countRows(dbOf(t), 'learning_enrolments'),
    used: Number((await db().selectFrom('learning_term_quotas').select((eb) => eb.fn.sum<number>('used').as('n')).executeTakeFirstOrThrow()).n ?? 0),
    tickets: Number((await db().selectFrom('learning_lotteries').select((eb) => eb.fn.sum<number>('next_ticket').as('n')).executeTakeFirstOrThrow()).n ?? 0),
  });
  const lotteryClass = async (fields: Record<string, unknown> = {}) => {
    const term = await insertTerm(dbOf(t));
    return insertClass(dbOf(t), { townId: TOWN_IDS[0], termId: term, seats: 10, mode: 'lottery', ...fields });
  };
  const setUp = (classId: string, priorityGroups: object[] = [{ rule: 'never_enrolled' }, { rule: 'resident_of_town' }]) =>
    town.put(`${API}/classes/${classId}/lottery`, { priorityGroups });
  const apply = (c: Client, classId: string) => c.post(`${API}/classes/${classId}/applications`, {});

  /** Moves the clock and signs staff in again (a jump of days ends idle sessions). */
  const at = async (iso: string) => {
    clock.set(iso);
    town = await t.login('town');
    town02 = await t.login('town02');
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    town = await t.login('town');
    town02 = await t.login('town02');
    anon = t.anonymous();
    townPath = (await db().selectFrom('regions').select('path').where('id', '=', TOWN_IDS[0]).executeTakeFirstOrThrow()).path;
  });
  afterAll(async () => { await t.close(); });

  it('commits the seed hash at setup, publishes it at once, and keeps it when the groups change', async () => {
    await at(OPEN);
    const cls = await lotteryClass();
    const [user] = await insertResidents(dbOf(t), 1);
    const early = await apply(await as(user), cls);
    expect(early.status).toBe(409);
    expect(early.body.message['zh-CN']).toContain('尚未设置');

    expect((await town02.put(`${API}/classes/${cls}/lottery`, { priorityGroups: [] })).status).toBe(404);
    expect((await setUp(cls, [{ rule: 'never_enrolled' }, { rule: 'never_enrolled' }])).status).toBe(400);
    const first = await setUp(cls);
    expect(first.status, first.raw).toBe(200);
    const hash = first.body.lottery.seedHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.body.lottery.seed).toBeNull();
    const published = await anon.get(`${API}/classes/${cls}/draw`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ seedHash: hash, seed: null, result: null, applicants: [] });
    expect((await anon.get(`/classes/${cls}`)).raw).toContain(hash);

    const again = await setUp(cls, [{ rule: 'age_at_least', age: 60 }]);
    expect(again.status, again.raw).toBe(200);
    expect(again.body.lottery.seedHash).toBe(hash);
    expect(again.body.lottery.priorityGroups).toEqual([{ rule: 'age_at_least', age: 60 }]);
    const audit = await dbOf(t).selectFrom('audit_log').select('action').where('target_id', '=', cls).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['learning.lottery.commit', 'learning.lottery.configure']);

    const firstCome = await insertClass(dbOf(t), { townId: TOWN_IDS[0], termId: await insertTerm(dbOf(t)) });
    expect((await setUp(firstCome)).status).toBe(409);
    const closed = await lotteryClass({ enrol_closes_at: '2026-03-01T00:00:00.000Z' });
    const late = await setUp(closed);
    expect(late.status).toBe(409);
    expect(late.body.message['zh-CN']).toContain('截止');
  });

  it('applies once per resident (even with simultaneous requests), counts against the term limit, and withdraws', async () => {
    await at(OPEN);
    const cls = await lotteryClass();
    expect((await setUp(cls)).status).toBe(200);
    const [user, other] = await insertResidents(dbOf(t), 2);
    const c = await as(user);
    const before = await footprint();
    const answers = await Promise.all(Array.from({ length: 6 }, () => apply(c, cls)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    const ok = answers.find((a) => a.status === 201)!;
    expect(ok.body).toMatchObject({ ticket: 'A000001', status: 'applied', priorityGroup: 1 });
    const after = await footprint();
    expect(after).toEqual({ ...before, apps: before.apps + 1, applied: before.applied + 1, used: before.used + 1, tickets: before.tickets + 1 });

    const mine = await c.get(`${API}/me/applications`);
    expect(mine.body.items.map((a: { ticket: string }) => a.ticket)).toEqual(['A000001']);
    const o = await as(other);
    expect((await o.post(`${API}/applications/${ok.body.id}/withdraw`, {})).status).toBe(404);
    expect((await c.post(`${API}/applications/${ok.body.id}/withdraw`, {})).status).toBe(204);
    expect((await c.post(`${API}/applications/${ok.body.id}/withdraw`, {})).status).toBe(409);
    expect((await footprint()).used).toBe(before.used);
    const again = await apply(c, cls);
    expect(again.status).toBe(201);
    expect(again.body.ticket).toBe('A000002');
    expect(again.body.id).toBe(ok.body.id);
  });

  it('a lottery class with pending applications cannot turn first come; cancelling it withdraws them and gives their quota back', async () => {
    await at(OPEN);
    const cls = await lotteryClass();
    expect((await setUp(cls)).status).toBe(200);
    const [user] = await insertResidents(dbOf(t), 1);
    const before = await footprint();
    expect((await apply(await as(user), cls)).status).toBe(201);
    const version = (await dbOf(t).selectFrom('learning_classes').select('version').where('id', '=', cls).executeTakeFirstOrThrow()).version;
    const switched = await town.patch(`${API}/classes/${cls}`, { version, mode: 'first_come' });
    expect(switched.status, switched.raw).toBe(409);
    expect(switched.body.code).toBe('learning.class.mode_locked');
    const cancelled = await town.post(`${API}/classes/${cls}/cancel`, { version, reason: '场地维修' });
    expect(cancelled.status, cancelled.raw).toBe(200);
    expect(await footprint()).toMatchObject({ applied: before.applied, used: before.used });
    const told = await dbOf(t).selectFrom('notifications').select('topic').where('user_id', '=', user).execute();
    expect(told.map((n) => n.topic)).toContain('learning.class.cancelled');
  });

  it('refuses ineligible applicants, a first-come class and a closed window with a reason, writing nothing', async () => {
    await at(OPEN);
    const town2 = (await db().selectFrom('regions').select(['id', 'path']).where('id', '=', TOWN_IDS[1]).executeTakeFirstOrThrow());
    const seniors = await lotteryClass({ age_min: 60 });
    const local = await lotteryClass({ residency_region_id: TOWN_IDS[0] });
    const closing = await lotteryClass();
    for (const id of [seniors, local, closing]) expect((await setUp(id)).status).toBe(200);
    const firstCome = await insertClass(dbOf(t), { townId: TOWN_IDS[0], termId: await insertTerm(dbOf(t)) });
    const [young] = await insertResidents(dbOf(t), 1, { birthDate: '1990-01-01' });
    const [away] = await insertResidents(dbOf(t), 1, { homePath: town2.path, homeScopeId: town2.id });
    const limitTerm = await insertTerm(dbOf(t), { enrolLimit: 1 });
    const limited = await insertClass(dbOf(t), { townId: TOWN_IDS[0], termId: limitTerm, mode: 'lottery' });
    const other = await insertClass(dbOf(t), { townId: TOWN_IDS[0], termId: limitTerm, mode: 'lottery' });
    expect((await setUp(limited)).status).toBe(200);
    expect((await setUp(other)).status).toBe(200);
    const [busy] = await insertResidents(dbOf(t), 1);
    expect((await apply(await as(busy), other)).status).toBe(201);

    const before = await footprint();
    const cases: Array<[string, string, number, string]> = [
      [young, seniors, 409, '周岁'], [away, local, 409, '居民'], [busy, limited, 409, '1'], [young, firstCome, 409, '先到先得'],
    ];
    for (const [user, cls, status, text] of cases) {
      const r = await apply(await as(user), cls);
      expect(r.status, `${cls}: ${r.raw}`).toBe(status);
      expect(r.body.message['zh-CN']).toContain(text);
    }
    clock.set(AFTER_CLOSE);
    const late = await apply(await as(young), closing);
    expect(late.status).toBe(409);
    expect(late.body.message['zh-CN']).toContain('截止');
    expect(await footprint()).toEqual(before);
  });

  it('draws once after the window: groups first, seats never exceeded, losers waitlisted in draw order, verifiable by anyone', async () => {
    await at(OPEN);
    const cls = await lotteryClass({ seats: 8 });
    expect((await setUp(cls)).status).toBe(200);
    const hashBeforeClose = (await anon.get(`${API}/classes/${cls}/draw`)).body.seedHash;
    // Group 1: never enrolled anywhere (12, living anywhere); group 2: enrolled before and living in the town (6);
    // group 3: enrolled before, living elsewhere (6).
    const fresh = await insertResidents(dbOf(t), 12, { name: '张三明' });
    const locals = await insertResidents(dbOf(t), 6, { homePath: townPath, homeScopeId: TOWN_IDS[0] });
    const others = await insertResidents(dbOf(t), 6);
    const pastTerm = await insertTerm(dbOf(t));
    const past = await insertClass(dbOf(t), { townId: TOWN_IDS[0], termId: pastTerm, seats: 20, status: 'finished' });
    const now = clock.now().toISOString();
    await dbOf(t).insertInto('learning_enrolments').values([...locals, ...others].map((u, i) => ({
      id: `past-${kind}-${i}-${u.slice(-6)}`, class_id: past, user_id: u, term_id: pastTerm, status: 'completed' as const, waitlist_seq: null,
      offered_at: null, offer_expires_at: null, enrolled_at: now, cancelled_at: null, completed_at: now, source: 'online' as const, acted_by: null,
      consent_method: null, consent_note: null, consent_at: null, version: 1, created_at: now, updated_at: now,
    }))).execute();
    const everyone = [...others, ...locals, ...fresh];
    const answers = await Promise.all(everyone.map(async (u) => apply(await as(u), cls)));
    expect(answers.map((a) => a.status), answers.find((a) => a.status !== 201)?.raw).toEqual(everyone.map(() => 201));
    const groupOf = new Map(answers.map((a, i) => [everyone[i], a.body.priorityGroup]));
    expect(fresh.map((u) => groupOf.get(u))).toEqual(fresh.map(() => 1));
    expect(locals.map((u) => groupOf.get(u))).toEqual(locals.map(() => 2));
    expect(others.map((u) => groupOf.get(u))).toEqual(others.map(() => 3));
    const tickets = answers.map((a) => a.body.ticket).sort();
    expect(tickets).toEqual(Array.from({ length: 24 }, (_, i) => `A${String(i + 1).padStart(6, '0')}`));

    const early = await town.post(`${API}/classes/${cls}/lottery/draw`, {});
    expect(early.status).toBe(409);
    expect(early.body.message['zh-CN']).toContain('截止后');
    const listed = (await anon.get(`${API}/classes/${cls}/draw`)).body;
    expect(listed.applicants).toHaveLength(24);
    expect(listed.applicants.filter((a: { name: string }) => a.name === '张**')).toHaveLength(12);
    expect(JSON.stringify(listed)).not.toContain('张三明');

    await at(AFTER_CLOSE);
    expect((await town02.post(`${API}/classes/${cls}/lottery/draw`, {})).status).toBe(404);
    const [drawn, second] = await Promise.all([town.post(`${API}/classes/${cls}/lottery/draw`, {}), town.post(`${API}/classes/${cls}/lottery/draw`, {})]);
    const statuses = [drawn.status, second.status].sort();
    expect(statuses, drawn.raw + second.raw).toEqual([200, 409]);
    const summary = drawn.status === 200 ? drawn.body : second.body;
    expect(summary).toEqual({ applicants: 24, seatsFree: 8, winners: 8, waitlisted: 16 });
    expect((await town.post(`${API}/classes/${cls}/lottery/draw`, {})).status).toBe(409);

    const record = (await anon.get(`${API}/classes/${cls}/draw`)).body;
    expect(record.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(record.seedHash).toBe(hashBeforeClose);
    expect(crypto.createHash('sha256').update(Buffer.from(record.seed, 'hex')).digest('hex')).toBe(hashBeforeClose);
    const order = record.result.map((r: { ticket: string }) => r.ticket);
    expect(order).toEqual(recompute(record));
    expect(record.result.map((r: { rank: number }) => r.rank)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(record.result.filter((r: { outcome: string }) => r.outcome === 'won').map((r: { rank: number }) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const groupByTicket = new Map(record.applicants.map((a: { ticket: string; group: number }) => [a.ticket, a.group]));
    const groupsInOrder = order.map((tk: string) => groupByTicket.get(tk));
    expect(groupsInOrder).toEqual([...groupsInOrder].sort());
    expect(groupsInOrder.slice(0, 8)).toEqual(Array(8).fill(1));

    // The README's one-line Node command says "true true" on the published JSON.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lottery-verify-'));
    fs.writeFileSync(path.join(dir, 'draw.json'), JSON.stringify(record));
    expect(execFileSync('sh', ['-c', NODE_VERIFY_LINE], { cwd: dir, encoding: 'utf8' }).trim()).toBe('true true');
    fs.writeFileSync(path.join(dir, 'draw.json'), JSON.stringify({ ...record, result: [...record.result].reverse() }));
    expect(execFileSync('sh', ['-c', NODE_VERIFY_LINE], { cwd: dir, encoding: 'utf8' }).trim()).toBe('true false');
    fs.rmSync(dir, { recursive: true });

    const classRow = await db().selectFrom('learning_classes').selectAll().where('id', '=', cls).executeTakeFirstOrThrow();
    expect(classRow.seats_taken).toBe(8);
    const rows = await db().selectFrom('learning_enrolments as e').innerJoin('learning_lottery_applications as a', (j) => j.onRef('a.enrolment_id', '=', 'e.id'))
      .select(['e.id', 'e.user_id', 'e.status', 'e.source', 'e.waitlist_seq', 'a.draw_rank', 'a.status as outcome', 'a.ticket'])
      .where('e.class_id', '=', cls).orderBy('a.draw_rank').execute();
    expect(rows.map((r) => r.ticket)).toEqual(order);
    expect(rows.map((r) => r.status)).toEqual([...Array(8).fill('enrolled'), ...Array(16).fill('waitlisted')]);
    expect(rows.map((r) => r.outcome)).toEqual([...Array(8).fill('won'), ...Array(16).fill('lost')]);
    expect(rows.every((r) => r.source === 'lottery')).toBe(true);
    expect(rows.slice(8).map((r) => r.waitlist_seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    const quotas = await db().selectFrom('learning_term_quotas').select('used').where('term_id', '=', classRow.term_id).execute();
    expect(quotas.map((q) => q.used)).toEqual(Array(24).fill(1));
    const topics = await db().selectFrom('notifications').select(['topic', 'user_id']).where('topic', 'like', 'learning.lottery.%')
      .where('user_id', 'in', everyone).execute();
    expect(topics.filter((n) => n.topic === 'learning.lottery.won')).toHaveLength(8);
    expect(topics.filter((n) => n.topic === 'learning.lottery.lost')).toHaveLength(16);

    // After the draw: no applying or withdrawing; first-come mechanics take over — a winner cancels, the first loser is offered the seat.
    const winner = rows[0];
    const firstLoser = rows[8];
    const late = await apply(await as((await insertResidents(dbOf(t), 1))[0]), cls);
    expect(late.status).toBe(409);
    const winnerClient = await as(winner.user_id);
    expect((await winnerClient.post(`${API}/enrolments/${winner.id}/cancel`, {})).status).toBe(204);
    const offered = await db().selectFrom('learning_enrolments').select('status').where('id', '=', firstLoser.id).executeTakeFirstOrThrow();
    expect(offered.status).toBe('offered');
    const stillWaiting = await db().selectFrom('learning_enrolments').select('status').where('id', '=', rows[9].id).executeTakeFirstOrThrow();
    expect(stillWaiting.status).toBe('waitlisted');
    expect((await db().selectFrom('learning_classes').select('seats_taken').where('id', '=', cls).executeTakeFirstOrThrow()).seats_taken).toBe(8);

    // The public page shows the seed and loads the re-run script, which is served.
    const page = await anon.get(`/classes/${cls}/draw`);
    expect(page.status).toBe(200);
    expect(page.raw).toContain(record.seed);
    expect(page.raw).toContain('/assets/lottery-verify.js');
    expect(page.raw).toContain('id="draw-data"');
    const script = await anon.get('/assets/lottery-verify.js');
    expect(script.status).toBe(200);
    expect(script.raw).toContain("crypto.subtle.importKey('raw', seed, { name: 'HMAC', hash: 'SHA-256' }");
    const staffView = await town.get(`${API}/classes/${cls}/lottery`);
    expect(staffView.body.lottery.byGroup).toEqual([
      { group: 1, applied: 0, won: 8, lost: 4 }, { group: 2, applied: 0, won: 0, lost: 6 }, { group: 3, applied: 0, won: 0, lost: 6 }]);
    expect(staffView.body.lottery.seed).toBe(record.seed);
  });

  it('recomputes the pending applications\' groups when the rules change before the close', async () => {
    await at(OPEN);
    const cls = await lotteryClass();
    expect((await setUp(cls, [{ rule: 'resident_of_town' }])).status).toBe(200);
    const [local] = await insertResidents(dbOf(t), 1, { homePath: townPath, homeScopeId: TOWN_IDS[0] });
    const [elsewhere] = await insertResidents(dbOf(t), 1, { birthDate: '1950-01-01' });
    expect((await apply(await as(local), cls)).body.priorityGroup).toBe(1);
    expect((await apply(await as(elsewhere), cls)).body.priorityGroup).toBe(2);
    expect((await setUp(cls, [{ rule: 'age_at_least', age: 70 }, { rule: 'resident_of_town' }])).status).toBe(200);
    const groups = await db().selectFrom('learning_lottery_applications').select(['user_id', 'priority_group']).where('class_id', '=', cls).execute();
    expect(Object.fromEntries(groups.map((g) => [g.user_id, g.priority_group]))).toEqual({ [local]: 2, [elsewhere]: 1 });
    const record = (await anon.get(`${API}/classes/${cls}/draw`)).body;
    expect(record.applicants.map((a: { group: number }) => a.group).sort()).toEqual([1, 2]);
  });
});
