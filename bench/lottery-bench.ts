/**
 * Lottery draw (issue 5): 20,000 applications over 50 classes (400 each, 100 seats each) are drawn — 50 draws one
 * after another through `runDraw` (the same command the API runs): order, enrolments, waitlist numbers, application
 * outcomes, notifications and the audit entry, each class in one transaction. Target: under 5 s in all. Same-run
 * baselines: the bare draw order alone (HMAC + sort of 20,000 tickets, in memory) and a bare insert loop writing
 * 20,000 rows of the same size in 50 transactions on the same database.
 *
 *   npx tsc -p . && node dist/bench/lottery-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/lottery-bench.js
 *
 * The set-up commits every lottery through `configureLottery` and writes the applications in bulk (applying is not
 * what is measured). After the draw the bench checks: 100 enrolled and 300 waitlisted (numbered 1…300 in draw order)
 * per class, every application won or lost, and one class's order recomputed from its public record with node:crypto.
 * Results go to docs/benchmarks.md between the lottery-bench markers (BENCH_WRITE_DOCS=0 to skip).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../src/core/access/actor.js';
import { newId } from '../src/core/ids.js';
import { insertClass, insertResidents, insertTerm } from '../src/modules/learning/enrolment/test-fixtures.js';
import { configureLottery } from '../src/modules/learning/lottery/configure-lottery.js';
import { drawOrder, ticketOf } from '../src/modules/learning/lottery/draw-order.js';
import { drawRecord } from '../src/modules/learning/lottery/draw-record.js';
import type { LotteryDatabase } from '../src/modules/learning/lottery/lottery-schema.js';
import { runDraw } from '../src/modules/learning/lottery/run-draw.js';
import { withBenchApp } from './bench-app.js';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const CLASSES = 50;
const PER_CLASS = Number(process.env.BENCH_PER_CLASS ?? 400);
const SEATS = 100;
const TOWN = '329901101000';
const TARGET_S = 5;

async function main() {
  await withBenchApp('lottery', async ({ app, database, serverUrl }) => {
    const core = app.core;
    const db = database.db as unknown as Kysely<LotteryDatabase>;
    await app.ready();
    const city = await db.selectFrom('regions').select(['id', 'path', 'name']).where('level', '=', 'city').executeTakeFirstOrThrow();
    const adminUser = await db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', 'admin').executeTakeFirstOrThrow();
    const actor: Actor = {
      userId: adminUser.id, username: adminUser.username, displayName: adminUser.display_name, kind: 'staff',
      grants: [{ role: 'city_admin', scopeType: 'city', scopeId: city.id, scopePath: city.path, scopeName: city.name }],
      permissions: new Set(['learning.lottery.manage']), sessionIdHash: '', csrfToken: '', mfaEnabled: false,
      mfaSetupRequired: false, passwordChangeRequired: false,
    };
    const ctx = { actor, ip: null, requestId: 'lottery-bench' };

    // Set-up: 50 lottery classes with committed seeds, PER_CLASS applications each from distinct residents.
    const now = new Date();
    const term = await insertTerm(db, { enrolLimit: 3 });
    const window = { enrol_opens_at: new Date(now.getTime() - 86_400_000).toISOString(), enrol_closes_at: new Date(now.getTime() + 86_400_000).toISOString() };
    const classes: string[] = [];
    for (let i = 0; i < CLASSES; i++) {
      const id = await insertClass(db, { townId: TOWN, termId: term, seats: SEATS, mode: 'lottery', ...window });
      await configureLottery(core, ctx, id, [{ rule: 'never_enrolled' }, { rule: 'resident_of_town' }, { rule: 'age_at_least', age: 60 }]);
      classes.push(id);
    }
    const users = await insertResidents(db, CLASSES * PER_CLASS);
    const at = now.toISOString();
    for (const [c, classId] of classes.entries()) {
      const rows = Array.from({ length: PER_CLASS }, (_, i) => ({
        id: newId(), class_id: classId, user_id: users[c * PER_CLASS + i], term_id: term, ticket: ticketOf(i + 1),
        priority_group: 1 + crypto.randomInt(4), status: 'applied' as const, draw_rank: null, enrolment_id: null,
        applied_at: at, withdrawn_at: null, updated_at: at,
      }));
      for (let i = 0; i < rows.length; i += 200) await db.insertInto('learning_lottery_applications').values(rows.slice(i, i + 200)).execute();
      await db.updateTable('learning_lotteries').set({ next_ticket: PER_CLASS + 1 }).where('class_id', '=', classId).execute();
    }
    for (let i = 0; i < users.length; i += 500) {
      await db.insertInto('learning_term_quotas').values(users.slice(i, i + 500).map((u) => ({ user_id: u, term_id: term, used: 1 }))).execute();
    }
    // The window closes (the draw refuses to run before).
    await db.updateTable('learning_classes').set({ enrol_closes_at: new Date(Date.now() - 1000).toISOString() }).where('id', 'in', classes).execute();

    // Baseline 1: the draw order alone, in memory (HMAC-SHA256 of 20,000 tickets and the sort).
    const seed = crypto.randomBytes(32).toString('hex');
    const entries = Array.from({ length: CLASSES * PER_CLASS }, (_, i) => ({ ticket: ticketOf(i + 1), group: 1 + (i % 4) }));
    const t0 = performance.now();
    drawOrder(seed, entries);
    const orderOnly = (performance.now() - t0) / 1000;
    // Baseline 2: a bare insert loop — 20,000 rows of about an enrolment's size, 200 a statement, one transaction per class.
    await sql`create table bench_lottery_scratch (id text primary key, class_id text not null, user_id text not null, status text not null, seq integer, at text not null)`.execute(db);
    const t1 = performance.now();
    for (let c = 0; c < CLASSES; c++) {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < PER_CLASS; i += 200) {
          await (trx as unknown as Kysely<any>).insertInto('bench_lottery_scratch').values(Array.from({ length: Math.min(200, PER_CLASS - i) }, (_, k) => ({
            id: newId(), class_id: classes[c], user_id: users[c * PER_CLASS + i + k], status: 'waitlisted', seq: i + k, at,
          }))).execute();
        }
      });
    }
    const bareInsert = (performance.now() - t1) / 1000;

    // The draws.
    const t2 = performance.now();
    for (const classId of classes) await runDraw(core, ctx, classId);
    const drawSeconds = (performance.now() - t2) / 1000;

    // Checks.
    const counts = await db.selectFrom('learning_enrolments').select(['class_id', 'status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('waitlist_seq').as('maxSeq')])
      .where('class_id', 'in', classes).groupBy(['class_id', 'status']).execute();
    const bad = classes.filter((id) => {
      const enrolled = counts.find((r) => r.class_id === id && r.status === 'enrolled');
      const waiting = counts.find((r) => r.class_id === id && r.status === 'waitlisted');
      return Number(enrolled?.n) !== SEATS || Number(waiting?.n) !== PER_CLASS - SEATS || Number(waiting?.maxSeq) !== PER_CLASS - SEATS;
    });
    const pending = await db.selectFrom('learning_lottery_applications').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('class_id', 'in', classes).where('status', '=', 'applied').executeTakeFirstOrThrow();
    const seats = await db.selectFrom('learning_classes').select('seats_taken').where('id', 'in', classes).execute();
    const record = (await drawRecord(db, classes[0]))!;
    const key = Buffer.from(record.seed!, 'hex');
    const recomputed = record.applicants.map((a) => ({ ...a, k: crypto.createHmac('sha256', key).update(a.ticket).digest('hex') }))
      .sort((a, b) => a.group - b.group || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((a) => a.ticket);
    const verified = JSON.stringify(recomputed) === JSON.stringify(record.result!.map((r) => r.ticket));
    const ok = bad.length === 0 && Number(pending.n) === 0 && seats.every((s) => s.seats_taken === SEATS) && verified;
    if (!ok) throw new Error(`lottery invariants broken: ${bad.length} classes off, ${pending.n} pending, verified ${verified}`);

    const sync = database.sqlite ? String(database.sqlite.pragma('synchronous', { simple: true })) : '';
    const total = CLASSES * PER_CLASS;
    const section = [
      `### ${serverUrl ? 'PostgreSQL' : 'SQLite'}`,
      '',
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npx tsc -p . && ${serverUrl ? 'BENCH_DATABASE_URL=… ' : ''}node dist/bench/lottery-bench.js\``,
      `- Machine: ${os.cpus().length} cores, Node ${process.version}; shared and noisy (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})${sync ? `; SQLite synchronous=${sync === '2' ? 'FULL' : sync}` : ''}`,
      `- ${total.toLocaleString('en')} applications over ${CLASSES} classes (${PER_CLASS} each, ${SEATS} seats each), four priority groups`,
      '',
      '| run | seconds | ÷ bare insert loop |',
      '|---|---:|---:|',
      `| draw order only: HMAC-SHA256 + sort of ${total.toLocaleString('en')} tickets, in memory | ${orderOnly.toFixed(3)} | ${(orderOnly / bareInsert).toFixed(2)}× |`,
      `| bare insert loop: ${total.toLocaleString('en')} rows, 200 a statement, ${CLASSES} transactions | ${bareInsert.toFixed(3)} | 1.00× |`,
      `| **${CLASSES} draws through \`runDraw\`** (enrolments, waitlist, outcomes, notifications (SMS outbox for winners), events, audit) | **${drawSeconds.toFixed(3)}** | ${(drawSeconds / bareInsert).toFixed(2)}× |`,
      '',
      `Result: every class ${SEATS} enrolled and ${PER_CLASS - SEATS} waitlisted numbered 1…${PER_CLASS - SEATS} in draw order, no application left pending, `
        + `one class's order recomputed from its public record with node:crypto: ${verified ? 'same' : 'DIFFERENT'}; target < ${TARGET_S} s: **${drawSeconds < TARGET_S ? 'PASS' : 'FAIL'}**.`,
    ].join('\n');
    console.log(section);
    if (process.env.BENCH_WRITE_DOCS !== '0') writeDocSection(docPath, section, serverUrl ? 'lottery-bench-postgres' : 'lottery-bench');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
