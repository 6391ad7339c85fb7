import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { TOWN_IDS } from '../../../../test/support/demo-roles.js';
import { clientFor, insertResidents, insertTerm } from '../enrolment/test-fixtures.js';
import { CODE_PATTERN } from '../certificates/certificate-code.js';
import { VERIFY_LIMIT_PER_MINUTE } from '../certificates/verify-limiter.js';
import * as awardCodes from '../migrations/0020_learning_award_codes.js';
import { creditDb } from './credit-schema.js';
import { syncCredits } from './sync-credits.js';
import { completedClass } from './test-fixtures.js';

const API = '/api/v1/learning';
const html = { accept: 'text/html' };

describe.each(testDialects())('credit-bank awards printed and verified on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const clock = fakeClock('2026-04-05T02:00:00.000Z');
  const db = () => creditDb(t.app.core);
  let term: string;
  let ruleId: string;
  let city: string;

  /** A resident named `name` with `tenths` arts credits from one completed class, synced (awarded when ≥ 1 credit). */
  async function residentWith(name: string, tenths: number) {
    const [user] = await insertResidents(db() as never, 1, { name });
    const { classId } = await completedClass(db(), { townId: TOWN_IDS[0], termId: term, users: [user], category: 'arts', creditsTenths: tenths });
    await syncCredits(t.app.core, user);
    const award = await db().selectFrom('learning_credit_awards').selectAll().where('user_id', '=', user).where('rule_id', '=', ruleId).executeTakeFirst();
    return { user, classId, award, client: await clientFor(t, user, clock.now()) };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { clock });
    admin = await t.login('admin');
    term = await insertTerm(db() as never);
    const rule = await admin.post(`${API}/credit-rules`, { name: '测试艺术 1 学分', category: 'arts', creditsRequired: 1, awardTitle: '测试市艺术修养证书' });
    expect(rule.status, rule.raw).toBe(201);
    ruleId = rule.body.id;
    city = (await db().selectFrom('regions').select('name').where('level', '=', 'city').executeTakeFirstOrThrow()).name;
  });
  afterAll(async () => { await t.close(); });

  it('award → code → A4 print page for the holder → public verify page and JSON with the name masked', async () => {
    const { user, award, client } = await residentWith('李四海', 15);
    expect(award).toBeDefined();
    expect(award!.code).toMatch(new RegExp(CODE_PATTERN));
    expect(award).toMatchObject({ holder_name: '李四海', issuer_name: city, credits_tenths: 15, credits_required_tenths: 10 });

    // Reachable from 我的证书 and from the lifelong learning record.
    const mine = await client.get('/account/certificates');
    expect(mine.status).toBe(200);
    expect(mine.raw).toContain('测试市艺术修养证书');
    expect(mine.raw).toContain(`href="/awards/${award!.id}/print"`);
    expect(mine.raw).toContain(`href="/verify/${award!.code}"`);
    const record = await client.get('/account/record');
    expect(record.raw).toContain(`href="/awards/${award!.id}/print"`);
    expect(record.raw).toContain(`href="/verify/${award!.code}"`);

    // Not as a browser navigation: a new resident's first page view would go to the privacy notice first.
    const print = await client.get(`/awards/${award!.id}/print`);
    expect(print.status, print.raw).toBe(200);
    expect(print.headers['cache-control']).toContain('no-store');
    expect(print.raw).toContain('@page');
    for (const part of ['测试市艺术修养证书', '李四海', award!.number, '1.5', `${city}学分银行`, '艺术', '2026-04-05', '<svg', `/verify/${award!.code}`]) {
      expect(print.raw, part).toContain(part);
    }

    clock.advance(60_000);
    const visitor = t.anonymous();
    const page = await visitor.request('GET', `/verify/${award!.code}`, undefined, html);
    expect(page.status).toBe(200);
    expect(page.raw).toContain('李**');
    expect(page.raw).not.toContain('李四海');
    for (const part of ['学分转换证书', '测试市艺术修养证书', award!.number, '有效', `${city}学分银行`, '2026-04-05']) expect(page.raw, part).toContain(part);
    const json = await visitor.get(`${API}/certificates/verify/${award!.code.toLowerCase()}`);
    expect(json.status, json.raw).toBe(200);
    expect(json.body).toEqual({
      kind: 'award', number: award!.number, holderName: '李**', title: '测试市艺术修养证书', category: 'arts', creditsRequired: 1, credits: 1.5,
      issuerName: city, issuedAt: award!.awarded_at, revokedAt: null, valid: true,
    });
    expect(JSON.stringify(json.body)).not.toContain(user);
    expect(JSON.stringify(json.body)).not.toContain(award!.id);
  });

  it('nobody but the holder opens the print page: another resident and staff get 404, a visitor the login page', async () => {
    const { award } = await residentWith('王五', 10);
    const [other] = await insertResidents(db() as never, 1);
    const stranger = await clientFor(t, other, clock.now());
    const asStranger = await stranger.get(`/awards/${award!.id}/print`);
    const missing = await stranger.get('/awards/0190aaaa-0000-7000-8000-000000000000/print');
    expect([asStranger.status, missing.status]).toEqual([404, 404]);
    expect(asStranger.raw).not.toContain('王五');
    const shape = (r: { body: Record<string, unknown> }) => ({ ...r.body, instance: undefined });
    expect(shape(asStranger)).toEqual(shape(missing));
    expect(asStranger.body.message['zh-CN']).toBe('学分转换证书不存在。');
    const asStaff = await admin.request('GET', `/awards/${award!.id}/print`, undefined, html);
    expect(asStaff.status).toBe(404);
    expect(asStaff.raw).not.toContain('王五');
    const visitor = await t.anonymous().request('GET', `/awards/${award!.id}/print`, undefined, html);
    expect(visitor.status).toBe(303);
    expect(visitor.headers.location).toBe(`/login?back=${encodeURIComponent(`/awards/${award!.id}/print`)}`);
  });

  it('unknown and forged codes get the same answer as before awards existed: one body for every miss, page and JSON', async () => {
    clock.advance(60_000);
    const { award } = await residentWith('赵六', 10);
    const cert = await db().selectFrom('learning_certificates').select('code').where('number', 'not like', 'TEST-%').executeTakeFirstOrThrow();
    const visitor = t.anonymous();
    // One character off an award's code, one off a certificate's, an unknown code and a malformed one.
    const flip = (code: string) => `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}`;
    const codes = [flip(award!.code), flip(cert.code), '0000000000000000', 'forged-code-!!'];
    const answers = await Promise.all(codes.map((c) => visitor.get(`${API}/certificates/verify/${encodeURIComponent(c)}`)));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    const shape = (r: { body: Record<string, unknown> }) => ({ ...r.body, instance: undefined });
    for (const a of answers) expect(shape(a)).toEqual(shape(answers[2]));
    expect(answers[2].body.message['zh-CN']).toBe('证书不存在。');
    const pages = await Promise.all(codes.slice(0, 3).map((c) => visitor.request('GET', `/verify/${c}`, undefined, html)));
    expect(pages.map((p) => p.status)).toEqual([404, 404, 404]);
    const body = (p: { raw: string }, code: string) => p.raw.replaceAll(code, 'X');
    expect(body(pages[0], codes[0])).toBe(body(pages[2], codes[2]));
    expect(body(pages[1], codes[1])).toBe(body(pages[2], codes[2]));
  });

  it('one rate limit for both kinds: certificate and award look-ups from one address share the 20 a minute', async () => {
    clock.advance(60_000);
    const { award } = await residentWith('钱七', 10);
    const cert = await db().selectFrom('learning_certificates').select('code').where('number', 'not like', 'TEST-%').executeTakeFirstOrThrow();
    clock.advance(60_000);
    const visitor = t.anonymous();
    for (let i = 0; i < VERIFY_LIMIT_PER_MINUTE; i++) {
      const res = await visitor.get(`${API}/certificates/verify/${i % 2 === 0 ? award!.code : cert.code}`);
      expect(res.status, `look-up ${i + 1}`).toBe(200);
    }
    expect((await visitor.get(`${API}/certificates/verify/${award!.code}`)).status).toBe(429);
    expect((await visitor.get(`${API}/certificates/verify/${cert.code}`)).status).toBe(429);
    expect((await visitor.request('GET', `/verify/${award!.code}`, undefined, html)).status).toBe(429);
    clock.advance(60_000);
    expect((await visitor.get(`${API}/certificates/verify/${award!.code}`)).body.kind).toBe('award');
    expect((await visitor.get(`${API}/certificates/verify/${cert.code}`)).body.kind).toBe('certificate');
  });

  it('credits taken back after an award (a revoked certificate) leave the award valid, as counted on its day', async () => {
    const { user, classId, award } = await residentWith('孙八', 10);
    const enrolment = await db().selectFrom('learning_enrolments').select(['id']).where('class_id', '=', classId).executeTakeFirstOrThrow();
    const cls = await db().selectFrom('learning_classes').select(['institution_id', 'owner_path']).where('id', '=', classId).executeTakeFirstOrThrow();
    // The certificate the class would have issued, revoked after its credits were counted and the award made.
    const certificateId = `aw-${enrolment.id}`.slice(0, 40);
    await db().insertInto('learning_certificates').values({
      id: certificateId, code: `AW${enrolment.id.replace(/[^0-9A-Z]/gi, '').slice(-14).toUpperCase()}`, number: `TEST-AW-${enrolment.id}`,
      institution_id: cls.institution_id, year: 2026, serial: 700000 + Math.floor(Math.random() * 99999), enrolment_id: enrolment.id, user_id: user,
      class_id: classId, holder_name: '孙八', class_title: '班', course_title: '课', hours_tenths: 10, credits_tenths: 10, institution_name: '机构',
      owner_path: cls.owner_path, issued_at: '2026-04-01T02:00:00.000Z', revoked_at: null, revoke_reason: null, revoked_by: null,
    }).execute();
    expect((await admin.post(`${API}/certificates/${certificateId}/revoke`, { reason: '测试撤销' })).status).toBe(200);
    await syncCredits(t.app.core, user);
    const total = await db().selectFrom('learning_credit_ledger').select((eb) => eb.fn.sum<number>('credits_tenths').as('n')).where('user_id', '=', user).executeTakeFirstOrThrow();
    expect(Number(total.n)).toBe(0);

    clock.advance(60_000);
    const verified = await t.anonymous().get(`${API}/certificates/verify/${award!.code}`);
    expect(verified.body).toMatchObject({ kind: 'award', valid: true, credits: 1, revokedAt: null });
    expect(await db().selectFrom('learning_credit_awards').select('id').where('user_id', '=', user).execute()).toHaveLength(1);
  });

  it('migration 0020 backfills the holder and the city of awards made before it', async () => {
    const { award } = await residentWith('周九', 10);
    const demo = await db().selectFrom('learning_credit_awards as a').innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'u.real_name', 'u.display_name']).where('u.username', '=', 'resident').executeTakeFirstOrThrow();
    const raw = t.app.core.db as never;
    await awardCodes.down(raw);
    await awardCodes.up(raw);
    const rows = await db().selectFrom('learning_credit_awards').select(['id', 'holder_name', 'issuer_name']).where('id', 'in', [award!.id, demo.id]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(award!.id)).toMatchObject({ holder_name: '周九', issuer_name: city });
    expect(byId.get(demo.id)).toMatchObject({ holder_name: demo.real_name || demo.display_name, issuer_name: city });
    const blank = await db().selectFrom('learning_credit_awards').select('id').where((w) => w.or([w('holder_name', '=', ''), w('issuer_name', '=', '')])).execute();
    expect(blank).toEqual([]);
  });
});
