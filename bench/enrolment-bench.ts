/**
 * Enrolment (issue 5): (a) a rush — 2,000 signed-in residents POST an enrolment for the same 100-seat class at the
 * same moment over real HTTP (keep-alive), against a plain node:http server answering the same number of
 * concurrent POSTs in the same run; (b) sustained enrolment of distinct residents into roomy classes (SQLite at
 * synchronous=FULL, or PostgreSQL) — one after another and with 64 in flight (group commit), through enrol() and over HTTP —
 * against a bare conditional-update transaction loop on the same database in the same run.
 *
 *   npx tsc -p . && node dist/bench/enrolment-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/enrolment-bench.js
 *
 * Knobs: BENCH_RUSH (2000), BENCH_SUSTAINED (6000 per run), BENCH_CLIENTS (64 in flight), BENCH_ONLY=rush|sustained
 * (one part, e.g. under `node --cpu-prof`; the docs are then left alone).
 * The rush asserts the invariant: exactly 100 enrolled, 1,900 waitlisted with positions 1…1,900, none lost; the
 * sustained runs assert every enrolment came back `enrolled` and the rows are all there.
 * Results go to docs/benchmarks.md between the enrolment-bench markers (BENCH_WRITE_DOCS=0 to skip).
 */
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { createSession } from '../src/core/auth/sessions.js';
import type { CoreContext } from '../src/core/context.js';
import { runInWriteBatch } from '../src/core/db/write-batcher.js';
import { enrol } from '../src/modules/learning/enrolment/enrol.js';
import type { EnrolmentDatabase } from '../src/modules/learning/enrolment/enrolment-schema.js';
import { insertClass, insertResidents, insertTerm } from '../src/modules/learning/enrolment/test-fixtures.js';
import { withBenchApp } from './bench-app.js';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const RUSH = Number(process.env.BENCH_RUSH ?? 2000);
const SEATS = 100;
const SUSTAINED = Number(process.env.BENCH_SUSTAINED ?? 6000);
const TOWN = '329901101000';
const TARGET_PER_S = 1500;
const open = { enrol_opens_at: '2020-01-01T00:00:00.000Z', enrol_closes_at: '2099-01-01T00:00:00.000Z' };
/** Concurrent in-flight enrolments in the sustained runs. */
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 64);
/** `rush`, `sustained` or both (default); one part alone is handy under `node --cpu-prof`. */
const ONLY = process.env.BENCH_ONLY ?? '';

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const pct = (x: number, of: number) => `${(x / of * 100).toFixed(0)} %`;

/** Per second for `count` operations done by `work`. */
async function timed(count: number, work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return count / ((performance.now() - started) / 1000);
}

/** Runs op(0…count-1) with `width` of them in flight at any time (each worker takes the next index). */
async function inFlight(count: number, width: number, op: (i: number) => Promise<unknown>) {
  let next = 0;
  const worker = async () => { for (let i = next++; i < count; i = next++) await op(i); };
  await Promise.all(Array.from({ length: Math.min(width, count) }, worker));
}

/** A session per resident, made directly (no password hashing), in one transaction. */
async function sessionsFor(db: Kysely<EnrolmentDatabase>, users: string[]) {
  return db.transaction().execute(async (trx) => {
    const out = [];
    for (const u of users) out.push(await createSession(trx as never, { id: u, kind: 'resident' }, new Date(), { ip: null, userAgent: 'bench' }));
    return out;
  });
}

const headerOf = (s: { token: string; csrfToken: string }) => ({ cookie: `lc_session=${s.token}`, 'x-csrf-token': s.csrfToken });

function post(port: number, pathName: string, headers: Record<string, string>, agent: http.Agent) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathName, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': 2, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

interface LoadJob { port: number; width: number; requests: Array<{ path: string; headers: Record<string, string> }> }
interface LoadResult { results: Array<{ status: number; body: string }>; seconds: number; latencies: number[] }

/**
 * The HTTP load generator, run in a child process (`--load-client JOB RESULT`): in the server's own process the
 * client would share its event loop, and a synchronous SQLite commit would stall the clients too, so requests
 * would trickle in one by one instead of arriving together as they do from real browsers.
 * Keeps `width` requests in flight (all of them for a rush) over keep-alive sockets (at most 512).
 */
async function loadClient(jobFile: string, resultFile: string) {
  const job = JSON.parse(fs.readFileSync(jobFile, 'utf8')) as LoadJob;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.min(job.width, 512) });
  const results: LoadResult['results'] = new Array(job.requests.length);
  const latencies: number[] = [];
  const started = performance.now();
  await inFlight(job.requests.length, job.width, async (i) => {
    const t0 = performance.now();
    results[i] = await post(job.port, job.requests[i].path, job.requests[i].headers, agent);
    latencies.push(performance.now() - t0);
  });
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  fs.writeFileSync(resultFile, JSON.stringify({ results, seconds, latencies: latencies.sort((x, y) => x - y) } satisfies LoadResult));
}

async function load(job: LoadJob) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-enrolment-load-'));
  try {
    fs.writeFileSync(path.join(dir, 'job.json'), JSON.stringify(job));
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--load-client', path.join(dir, 'job.json'), path.join(dir, 'result.json')], { stdio: 'inherit' });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`load client exited with ${code}`))));
    });
    const r = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8')) as LoadResult;
    return { results: r.results, perSecond: job.requests.length / r.seconds, p50: percentile(r.latencies, 50), p99: percentile(r.latencies, 99) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function plainServer() {
  const body = Buffer.from(JSON.stringify({ id: '01900000-0000-7000-8000-000000000000', status: 'waitlisted', waitlistPosition: 1 }));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => { res.writeHead(201, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length }); res.end(body); });
  });
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** (a) The rush over HTTP, checked for its invariant; returns its lines of the report. */
async function runRush(db: Kysely<EnrolmentDatabase>, port: number, plainPort: number): Promise<string[]> {
  const term = await insertTerm(db);
  const classId = await insertClass(db, { townId: TOWN, termId: term, seats: SEATS, ...open });
  const users = await insertResidents(db, RUSH);
  const headers = (await sessionsFor(db, users)).map(headerOf);
  const base = await load({ port: plainPort, width: RUSH, requests: headers.map((h) => ({ path: '/enrol', headers: h })) });
  const rush = await load({ port, width: RUSH, requests: headers.map((h) => ({ path: `/api/v1/learning/classes/${classId}/enrolments`, headers: h })) });
  const bodies = rush.results.map((r) => { if (r.status !== 201) throw new Error(`rush answered ${r.status}: ${r.body}`); return JSON.parse(r.body); });
  const enrolled = bodies.filter((b) => b.status === 'enrolled').length;
  const positions = bodies.filter((b) => b.status === 'waitlisted').map((b) => b.waitlistPosition).sort((a, b) => a - b);
  const rows = await db.selectFrom('learning_enrolments').select(['status', 'waitlist_seq']).where('class_id', '=', classId).orderBy('waitlist_seq').execute();
  const cls = await db.selectFrom('learning_classes').select('seats_taken').where('id', '=', classId).executeTakeFirstOrThrow();
  const inOrder = positions.every((p, i) => p === i + 1) && rows.filter((r) => r.status === 'waitlisted').every((r, i) => r.waitlist_seq === i + 1);
  const rushOk = enrolled === SEATS && positions.length === RUSH - SEATS && inOrder && rows.length === RUSH && cls.seats_taken === SEATS;
  if (!rushOk) throw new Error(`rush invariant broken: enrolled ${enrolled}, waitlisted ${positions.length}, rows ${rows.length}, seats_taken ${cls.seats_taken}`);

  return [
    `- Rush: ${RUSH} residents (each with its own session) POST at once to one ${SEATS}-seat class; the load generator is a separate Node process on the same machine, keep-alive (≤ 512 sockets)`,
    '',
    '| run | requests/s | p50 | p99 |',
    '|---|---:|---:|---:|',
    `| plain node:http, same ${RUSH} concurrent POSTs | ${base.perSecond.toFixed(0)} | ${base.p50.toFixed(1)} ms | ${base.p99.toFixed(1)} ms |`,
    `| enrolment rush through the app | ${rush.perSecond.toFixed(0)} | ${rush.p50.toFixed(1)} ms | ${rush.p99.toFixed(1)} ms |`,
    '',
    `Rush result: ${enrolled} enrolled, ${positions.length} waitlisted with positions 1…${positions.length} in arrival order, ${rows.length} rows for ${RUSH} requests, seats_taken ${cls.seats_taken}: **${rushOk ? 'PASS' : 'FAIL'}**; app ÷ plain = ${pct(rush.perSecond, base.perSecond)}.`,
  ];
}

/** (b) Sustained enrolment, sequential and concurrent, against the bare floor; returns its lines of the report. */
async function runSustained(core: CoreContext, db: Kysely<EnrolmentDatabase>, port: number, postgres: boolean): Promise<string[]> {
  // Distinct residents into roomy classes: one enrolment each, so no limit or waitlist interferes.
  const roomyTerm = await insertTerm(db, { enrolLimit: 3 });
  const roomy: string[] = [];
  for (let i = 0; i < 10; i++) roomy.push(await insertClass(db, { townId: TOWN, termId: roomyTerm, seats: 100_000, ...open }));
  const ctx = { actor: null, ip: null, requestId: 'bench' };
  const enrolOne = (userId: string, i: number) => enrol(core, ctx, { classId: roomy[i % 10], userId, source: 'online', actedBy: null, consent: null, audited: false });
  const warm = await insertResidents(db, 200);
  for (let i = 0; i < warm.length; i++) await enrolOne(warm[i], i);

  // The bare floor: one conditional seat update per transaction, same database, same durability.
  const bareUpdate = (trx: Kysely<EnrolmentDatabase>) => trx.updateTable('learning_classes').set({ seats_taken: sql<number>`seats_taken + 1` })
    .where('id', '=', roomy[0]).where(sql<boolean>`seats_taken < seats`).execute();
  const bare = await timed(SUSTAINED, async () => { for (let i = 0; i < SUSTAINED; i++) await db.transaction().execute(bareUpdate); });
  const bareBatched = await timed(SUSTAINED, () => inFlight(SUSTAINED, CLIENTS, () => runInWriteBatch(db, bareUpdate)));

  const sequentialPeople = await insertResidents(db, SUSTAINED);
  const sequential = await timed(SUSTAINED, async () => { for (let i = 0; i < SUSTAINED; i++) await enrolOne(sequentialPeople[i], i); });
  const concurrentPeople = await insertResidents(db, SUSTAINED);
  const concurrent = await timed(SUSTAINED, () => inFlight(SUSTAINED, CLIENTS, (i) => enrolOne(concurrentPeople[i], i)));

  // The same over HTTP: CLIENTS keep-alive connections, each posting one resident's enrolment after another.
  const httpPeople = await insertResidents(db, SUSTAINED);
  const httpSessions = await sessionsFor(db, httpPeople);
  const overHttp = await load({ port, width: CLIENTS,
    requests: httpSessions.map((session, i) => ({ path: `/api/v1/learning/classes/${roomy[i % 10]}/enrolments`, headers: headerOf(session) })) });
  for (const r of overHttp.results) if (r.status !== 201 || JSON.parse(r.body).status !== 'enrolled') throw new Error(`sustained answered ${r.status}: ${r.body}`);
  const enrolledRows = await db.selectFrom('learning_enrolments').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('term_id', '=', roomyTerm).where('status', '=', 'enrolled').executeTakeFirstOrThrow();
  const expectedRows = warm.length + 3 * SUSTAINED;
  if (Number(enrolledRows.n) !== expectedRows) throw new Error(`sustained: ${enrolledRows.n} enrolled rows, expected ${expectedRows}`);
  return [
    `| sustained, ${SUSTAINED} distinct residents into 10 roomy classes | per second | ÷ bare |`,
    '|---|---:|---:|',
    `| bare conditional-update transaction, one after another | ${bare.toFixed(0)} | 100 % |`,
    `| bare conditional update, ${CLIENTS} in flight through runInWriteBatch | ${bareBatched.toFixed(0)} | ${pct(bareBatched, bare)} |`,
    `| full enrolment \`enrol()\`, one after another | ${sequential.toFixed(0)} | ${pct(sequential, bare)} |`,
    `| full enrolment \`enrol()\`, ${CLIENTS} in flight (group commit${postgres ? ', a lane per class' : ''}) | **${concurrent.toFixed(0)}** | ${pct(concurrent, bare)} |`,
    `| full enrolment over HTTP, ${CLIENTS} keep-alive clients (p50 ${overHttp.p50.toFixed(1)} ms, p99 ${overHttp.p99.toFixed(1)} ms) | **${overHttp.perSecond.toFixed(0)}** | ${pct(overHttp.perSecond, bare)} |`,
    '',
    `Every sustained enrolment answered \`enrolled\`; ${expectedRows} enrolled rows in the term (warm-up included). Full enrolment = class lock and checks, quota upsert, seat, row, event, notification.`,
    '',
    `Target ≥ ${TARGET_PER_S} enrolments/s with ${CLIENTS} in flight: **${concurrent >= TARGET_PER_S ? 'PASS' : 'FAIL'}** (\`enrol()\`), **${overHttp.perSecond >= TARGET_PER_S ? 'PASS' : 'FAIL'}** (HTTP)`,
  ];
}

async function main() {
  await withBenchApp('enrolment', async ({ app, database, serverUrl }) => {
    const plain = await plainServer();
    const db = database.db as unknown as Kysely<EnrolmentDatabase>;
    try {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const port = (app.server.address() as AddressInfo).port;
  
      const rushLines = ONLY === 'sustained' ? [] : await runRush(db, port, plain.port);
      const sustainedLines = ONLY === 'rush' ? [] : await runSustained(app.core, db, port, Boolean(serverUrl));
      const sync = database.sqlite ? String(database.sqlite.pragma('synchronous', { simple: true })) : '';
      const section = [
        `### ${serverUrl ? 'PostgreSQL' : 'SQLite'}`,
        '',
        `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npx tsc -p . && ${serverUrl ? 'BENCH_DATABASE_URL=… ' : ''}node dist/bench/enrolment-bench.js\``,
        `- Machine: ${os.cpus().length} cores, Node ${process.version}; shared and noisy (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})${sync ? `; SQLite synchronous=${sync === '2' ? 'FULL' : sync}` : ''}`,
        ...rushLines,
        '',
        ...sustainedLines,
      ].join('\n');
      console.log(section);
      if (process.env.BENCH_WRITE_DOCS !== '0' && !ONLY) writeDocSection(docPath, section, serverUrl ? 'enrolment-bench-postgres' : 'enrolment-bench');
    } finally {
      plain.server.close();
    }
  });
}

(process.argv[2] === '--load-client' ? loadClient(process.argv[3], process.argv[4]) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
