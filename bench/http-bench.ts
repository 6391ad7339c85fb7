/**
 * HTTP benchmark: the app against a plain node:http server that answers the same bytes.
 *
 *   npm run bench                       # SQLite (embedded, default)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench   # PostgreSQL
 *
 * For each request (GET /healthz, GET / anonymous, GET /api/v1/auth/me logged in as the demo `admin`)
 * it captures the app's real response, serves those bytes from bench/baseline-server, and loads both
 * with wrk (servers pinned to CPU 0, wrk to CPU 1), alternating app and plain runs (ABBA) so that drift
 * on this shared machine hits both sides alike. It also reads the app's RSS idle and after the load.
 * Results go to the console and to docs/benchmarks.md (between the http-bench markers).
 *
 * Exit code: 0 when the measurement ran (targets that are missed print FAIL but do not fail the run),
 * 1 on an error (a server did not start, wrk failed, non-2xx responses, ...).
 *
 * Environment (all optional):
 *   BENCH_DATABASE_URL  run the app on PostgreSQL: a throw-away database is created on that server
 *                       (and dropped afterwards); results go to the PostgreSQL table of the doc
 *   BENCH_DURATION      seconds per measured run (10)      BENCH_WARMUP   warm-up seconds per side (2)
 *   BENCH_CONNECTIONS   wrk connections (32)               BENCH_ROUNDS   measured runs per side (2)
 *   BENCH_IDLE          seconds idle before the idle RSS reading (5)
 *   BENCH_ONLY          comma list of healthz,home,me to run only some requests
 *   BENCH_WRITE_DOCS=0  do not touch docs/benchmarks.md
 *   BENCH_CPU_PROF=DIR  start the app with --cpu-prof into DIR (open the .cpuprofile in Chrome DevTools)
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new BenchError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

class BenchError extends Error {}

const settings = {
  duration: envNumber('BENCH_DURATION', 10),
  warmup: envNumber('BENCH_WARMUP', 2),
  connections: envNumber('BENCH_CONNECTIONS', 32),
  rounds: envNumber('BENCH_ROUNDS', 2),
  idle: envNumber('BENCH_IDLE', 5),
  databaseUrl: process.env.BENCH_DATABASE_URL || null,
  writeDocs: process.env.BENCH_WRITE_DOCS !== '0',
  cpuProfDir: process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null,
  only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean) : null,
};

const TARGETS = {
  homeRatio: 0.5,
  idleRssMiB: 150,
};

const DEMO_USER = 'admin';
const DEMO_PASSWORD = 'learning-city-demo';

// ---------------------------------------------------------------------------------------------------
// Processes

const canPin = os.cpus().length >= 2 && ['/usr/bin/taskset', '/bin/taskset'].some((p) => fs.existsSync(p));

/** `taskset -c CPU cmd args` when pinning is possible; taskset execs, so the child's pid is cmd's pid. */
function pinned(cpu: number, cmd: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', String(cpu), cmd, ...args]] : [cmd, args];
}

interface Child { name: string; proc: ChildProcess; output: string[]; exited: Promise<number | null> }

const children: Child[] = [];
/** Undo steps (stop servers, drop the PostgreSQL database, remove temp files), run last-in first-out. */
const cleanups: (() => Promise<void>)[] = [];

let cleaning: Promise<void> | null = null;

/** Runs the undo steps once; a second caller (a signal during the normal clean-up) waits for the same run. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      try {
        await step();
      } catch (error) {
        console.error(`cleanup: ${(error as Error).message}`);
      }
    }
  })().finally(() => { cleaning = null; });
  return cleaning;
}
const stoppingChildren = new WeakSet<ChildProcess>();
const runningWrk = new Set<ChildProcess>();

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const [cmd, argv] = pinned(0, process.execPath, args);
  const proc = spawn(cmd, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString('utf8'));
    if (output.length > 200) output.shift();
  };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code, signal) => {
    if (!stoppingChildren.has(proc)) output.push(`\n[${name} exited: code ${code} signal ${signal}]\n`);
    resolve(code);
  }));
  const child = { name, proc, output, exited };
  children.push(child);
  return child;
}

async function stopChild(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  stoppingChildren.add(child.proc);
  child.proc.kill('SIGTERM');
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 10_000);
  await child.exited;
  clearTimeout(timer);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls url until it answers (any status when anyStatus, else 200), or the child dies, or time runs out. */
async function waitUntilUp(child: Child, url: string, timeoutMs: number, anyStatus = false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
      throw new BenchError(`${child.name} exited (${child.proc.exitCode ?? child.proc.signalCode}) before it answered:\n${child.output.join('')}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (anyStatus || res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = String((error as Error).message);
    }
    await sleep(200);
  }
  throw new BenchError(`${child.name} did not answer ${url} within ${timeoutMs / 1000} s (last: ${last}):\n${child.output.join('')}`);
}

interface Memory { rssKiB: number; hwmKiB: number }

function readMemory(pid: number): Memory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new BenchError(`no ${name} in /proc/${pid}/status`);
    return Number(m[1]);
  };
  return { rssKiB: field('VmRSS'), hwmKiB: field('VmHWM') };
}

function assertAlive(child: Child) {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
    throw new BenchError(`${child.name} (pid ${child.proc.pid}) died during the benchmark (exit ${child.proc.exitCode ?? child.proc.signalCode}); its last output:\n${child.output.join('')}`);
  }
}

function processName(pid: number): string {
  return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
}

// ---------------------------------------------------------------------------------------------------
// wrk

interface WrkRun { rps: number; p50ms: number; p99ms: number; requests: number; non2xx: number; socketErrors: number; raw: string }

function toMs(value: string, unit: string): number {
  const n = Number(value);
  switch (unit) {
    case 'us': return n / 1000;
    case 'ms': return n;
    case 's': return n * 1000;
    case 'm': return n * 60_000;
    default: throw new BenchError(`unknown wrk time unit "${unit}"`);
  }
}

export function parseWrk(out: string): WrkRun {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const p50 = /^\s*50%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(out);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(out);
  const total = /^\s*(\d+) requests in /m.exec(out);
  if (!rps || !p50 || !p99 || !total) throw new BenchError(`could not parse wrk output:\n${out}`);
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(out);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: Number(rps[1]),
    p50ms: toMs(p50[1], p50[2]),
    p99ms: toMs(p99[1], p99[2]),
    requests: Number(total[1]),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: sock ? sock.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    raw: out,
  };
}

async function wrk(url: string, seconds: number, headers: string[]): Promise<WrkRun> {
  const args = ['-t1', `-c${settings.connections}`, `-d${seconds}s`, '--latency', ...headers.flatMap((h) => ['-H', h]), url];
  const [cmd, argv] = pinned(1, 'wrk', args);
  const out = await new Promise<string>((resolve, reject) => {
    const proc = execFile(cmd, argv, { timeout: (seconds + 60) * 1000, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      runningWrk.delete(proc);
      if (error) reject(new BenchError(`wrk failed (${error.message}):\n${stdout}${stderr}`));
      else resolve(stdout);
    });
    runningWrk.add(proc);
  });
  return parseWrk(out);
}

/** A run counts only if both servers are still up and every answer was 2xx/3xx. */
function checkRun(run: WrkRun, url: string, server: Child, others: Child[]) {
  for (const c of [server, ...others]) assertAlive(c);
  const problems: string[] = [];
  if (run.non2xx > 0) problems.push(`${run.non2xx} non-2xx/3xx responses`);
  if (run.requests === 0) problems.push('no request completed');
  if (problems.length > 0) {
    throw new BenchError(`${url}: ${problems.join(', ')} during the load:\n${run.raw}\n${server.name}'s last output:\n${server.output.join('').slice(-4000) || '(none)'}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// PostgreSQL: a throw-away database on the given server

interface PgTarget { url: string; version: string; drop(): Promise<void> }

async function createPgDatabase(serverUrl: string): Promise<PgTarget> {
  const { default: pg } = await import('pg');
  const name = `lc_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let version: string;
  try {
    version = String((await admin.query('show server_version')).rows[0].server_version);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    version,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

// ---------------------------------------------------------------------------------------------------
// The benchmark

interface Target { key: string; label: string; note: string; path: string; headers: string[] }
interface Canned { status: number; contentType: string; bodyBase64: string }
interface TargetResult { target: Target; bodyBytes: number; app: WrkRun[]; base: WrkRun[] }

interface Results {
  dialect: 'sqlite' | 'postgres';
  pgVersion: string | null;
  startedAt: Date;
  finishedAt: Date;
  loadAvg: number[];
  idle: Memory;
  afterLoad: Memory;
  baselineIdle: Memory;
  targets: TargetResult[];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function capture(url: string, headers: string[]): Promise<Canned> {
  const h: Record<string, string> = {};
  for (const line of headers) {
    const i = line.indexOf(':');
    h[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  const res = await fetch(url, { headers: h, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new BenchError(`${url} answered HTTP ${res.status}: ${body.toString('utf8').slice(0, 500)}`);
  const contentType = res.headers.get('content-type');
  if (!contentType) throw new BenchError(`${url} sent no content-type`);
  return { status: res.status, contentType, bodyBase64: body.toString('base64') };
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: DEMO_USER, password: DEMO_PASSWORD }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new BenchError(`login as ${DEMO_USER} failed: HTTP ${res.status} ${text.slice(0, 500)}`);
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    if (pair.startsWith('lc_session=') && pair.length > 'lc_session='.length) return pair;
  }
  throw new BenchError(`login as ${DEMO_USER} sent no lc_session cookie (Set-Cookie: ${res.headers.getSetCookie().join(' | ')})`);
}

function fmtMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}
const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
const fmtMiB = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
const fmtPct = (r: number) => `${(r * 100).toFixed(0)} %`;

async function run(): Promise<Results> {
  const startedAt = new Date();
  const loadAvg = os.loadavg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-bench-'));
  cleanups.push(async () => fs.rmSync(work, { recursive: true, force: true }));
  try {
    const appMain = path.join(root, 'dist', 'src', 'main.js');
    const baselineMain = path.join(root, 'dist', 'bench', 'baseline-server.js');
    for (const f of [appMain, baselineMain]) {
      if (!fs.existsSync(f)) throw new BenchError(`${path.relative(root, f)} is missing: run \`npm run build:server\` first (npm run bench does)`);
    }

    let databaseUrl: string | undefined;
    let pgVersion: string | null = null;
    if (settings.databaseUrl) {
      const pgdb = await createPgDatabase(settings.databaseUrl).catch((error: Error) => {
        throw new BenchError(`could not create a throw-away database on ${redactUrl(settings.databaseUrl!)}: ${error.message}`);
      });
      cleanups.push(() => pgdb.drop());
      databaseUrl = pgdb.url;
      pgVersion = pgdb.version;
      console.log(`PostgreSQL: throw-away database ${redactUrl(pgdb.url)}`);
    }

    const appPort = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' };
    delete env.NODE_ENV; // the demo data (and its admin account) is only seeded outside production
    delete env.DEMO;
    delete env.DATA_KEY;
    if (databaseUrl) env.DATABASE_URL = databaseUrl; else delete env.DATABASE_URL;
    const nodeFlags = settings.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${settings.cpuProfDir}`] : [];
    if (settings.cpuProfDir) fs.mkdirSync(settings.cpuProfDir, { recursive: true });

    const base = `http://127.0.0.1:${appPort}`;
    console.log(`starting the app on ${base} (${databaseUrl ? 'PostgreSQL' : 'SQLite'})${canPin ? ', pinned to CPU 0' : ' (not pinned: taskset or a second CPU is missing)'}`);
    const app = startChild('app', [...nodeFlags, appMain], env);
    cleanups.push(() => stopChild(app));
    await waitUntilUp(app, `${base}/healthz`, 120_000);
    const appPid = app.proc.pid!;
    if (processName(appPid) !== 'node') throw new BenchError(`pid ${appPid} is "${processName(appPid)}", not node`);

    console.log(`app up; idle for ${settings.idle} s before reading its RSS`);
    await sleep(settings.idle * 1000);
    const idle = readMemory(appPid);
    console.log(`idle RSS ${fmtMiB(idle.rssKiB)}`);

    const cookie = await login(base);
    const all: Target[] = [
      { key: 'healthz', label: 'GET /healthz', note: '', path: '/healthz', headers: [] },
      { key: 'home', label: 'GET / (portal home page, anonymous)', note: 'portal home page, anonymous', path: '/', headers: [] },
      { key: 'me', label: `GET /api/v1/auth/me (logged in as ${DEMO_USER})`, note: `logged in as ${DEMO_USER}`, path: '/api/v1/auth/me', headers: [`Cookie: ${cookie}`] },
    ];
    const targets = settings.only ? all.filter((t) => settings.only!.includes(t.key)) : all;
    if (targets.length === 0) throw new BenchError(`BENCH_ONLY matched nothing (use ${all.map((t) => t.key).join(',')})`);

    const canned: Record<string, Canned> = {};
    for (const t of targets) canned[t.path] = await capture(base + t.path, t.headers);
    const cannedFile = path.join(work, 'responses.json');
    fs.writeFileSync(cannedFile, JSON.stringify(canned));

    const basePort = await freePort();
    const baseline = startChild('baseline', [baselineMain, cannedFile], { ...process.env, PORT: String(basePort), HOST: '127.0.0.1' });
    cleanups.push(() => stopChild(baseline));
    const plain = `http://127.0.0.1:${basePort}`;
    await waitUntilUp(baseline, `${plain}/`, 30_000, true);
    // The plain server must answer exactly what the app answered.
    for (const t of targets) {
      const got = await capture(plain + t.path, t.headers);
      if (got.bodyBase64 !== canned[t.path].bodyBase64 || got.contentType !== canned[t.path].contentType) {
        throw new BenchError(`the plain server's answer to ${t.path} differs from the app's`);
      }
    }
    await sleep(1000);
    const baselineIdle = readMemory(baseline.proc.pid!);

    const results: TargetResult[] = [];
    for (const t of targets) {
      console.log(`\n${t.label}`);
      const result: TargetResult = { target: t, bodyBytes: Buffer.from(canned[t.path].bodyBase64, 'base64').length, app: [], base: [] };
      checkRun(await wrk(base + t.path, settings.warmup, t.headers), base + t.path, app, [baseline]);
      checkRun(await wrk(plain + t.path, settings.warmup, t.headers), plain + t.path, baseline, [app]);
      for (let round = 0; round < settings.rounds; round++) {
        // ABBA: app, plain, plain, app, ... so a slow drift of the machine's load hits both sides alike.
        const order = round % 2 === 0 ? (['app', 'base'] as const) : (['base', 'app'] as const);
        for (const side of order) {
          const url = (side === 'app' ? base : plain) + t.path;
          const r = await wrk(url, settings.duration, t.headers);
          if (side === 'app') checkRun(r, url, app, [baseline]);
          else checkRun(r, url, baseline, [app]);
          result[side].push(r);
          console.log(`  ${side === 'app' ? 'app  ' : 'plain'} round ${round + 1}: ${fmtInt(r.rps).padStart(7)} req/s  p50 ${fmtMs(r.p50ms)}  p99 ${fmtMs(r.p99ms)}${r.socketErrors ? `  (${r.socketErrors} socket errors)` : ''}`);
        }
      }
      results.push(result);
    }

    const afterLoad = readMemory(appPid);
    console.log(`\nRSS after the load ${fmtMiB(afterLoad.rssKiB)} (peak ${fmtMiB(afterLoad.hwmKiB)})`);
    return {
      dialect: databaseUrl ? 'postgres' : 'sqlite', pgVersion, startedAt, finishedAt: new Date(), loadAvg,
      idle, afterLoad, baselineIdle, targets: results,
    };
  } finally {
    await cleanUp();
    if (settings.cpuProfDir) console.log(`CPU profile(s) of the app in ${settings.cpuProfDir}`);
  }
}

interface Verdict { pass: boolean; text: string }

function verdicts(r: Results): Verdict[] {
  const out: Verdict[] = [];
  const home = r.targets.find((t) => t.target.key === 'home');
  if (home) {
    const ratio = mean(home.app.map((x) => x.rps)) / mean(home.base.map((x) => x.rps));
    out.push({ pass: ratio >= TARGETS.homeRatio, text: `portal home page ≥ ${fmtPct(TARGETS.homeRatio)} of the plain server's req/s: ${fmtPct(ratio)}` });
  }
  out.push({ pass: r.idle.rssKiB / 1024 < TARGETS.idleRssMiB, text: `idle RSS < ${TARGETS.idleRssMiB} MiB: ${fmtMiB(r.idle.rssKiB)}` });
  return out;
}

function markdown(r: Results): string {
  const dbName = r.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite (embedded, the default)';
  const cpu = os.cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? 'unknown CPU';
  const cmd = r.dialect === 'postgres' ? 'BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench' : 'npm run bench';
  const when = r.startedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const lines: string[] = [];
  lines.push(`### ${dbName}`, '');
  lines.push(`- Date: ${when} (took ${Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000)} s)`);
  lines.push(`- Command: \`${cmd}\``);
  lines.push(`- Machine: ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; shared with other work and noisy (load average ${r.loadAvg.map((x) => x.toFixed(2)).join(' ')} at the start) — compare the ratios, not the absolute numbers`);
  if (r.dialect === 'postgres') {
    lines.push(`- Database: PostgreSQL ${r.pgVersion} on the same machine (a fresh database, demo data seeded); its server processes are not pinned and compete with the app and wrk for the 2 cores`);
  } else {
    lines.push('- Database: a fresh SQLite file in a temporary folder, demo data seeded');
  }
  lines.push(`- Load: \`wrk -t1 -c${settings.connections} -d${settings.duration}s --latency\`${canPin ? ' on CPU 1, each server pinned to CPU 0' : ' (not pinned)'}; ${settings.warmup} s warm-up per side, then ${settings.rounds} measured runs per side, app and plain alternated (ABBA); req/s and p99 are the means of the runs`);
  lines.push('');
  lines.push('| Request | Body | App req/s | Plain req/s | App ÷ plain | App p99 | Plain p99 | Runs (app / plain req/s) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const t of r.targets) {
    const a = mean(t.app.map((x) => x.rps));
    const b = mean(t.base.map((x) => x.rps));
    const runs = `${t.app.map((x) => fmtInt(x.rps)).join(', ')} / ${t.base.map((x) => fmtInt(x.rps)).join(', ')}`;
    lines.push(`| \`GET ${t.target.path}\`${t.target.note ? ` (${t.target.note})` : ''} | ${fmtInt(t.bodyBytes)} B | ${fmtInt(a)} | ${fmtInt(b)} | **${fmtPct(a / b)}** | ${fmtMs(mean(t.app.map((x) => x.p99ms)))} | ${fmtMs(mean(t.base.map((x) => x.p99ms)))} | ${runs} |`);
  }
  lines.push('');
  lines.push('| Memory | RSS |');
  lines.push('|---|---:|');
  lines.push(`| App, idle ${settings.idle} s after start-up | ${fmtMiB(r.idle.rssKiB)} |`);
  lines.push(`| App, after the load | ${fmtMiB(r.afterLoad.rssKiB)} |`);
  lines.push(`| App, peak (VmHWM) | ${fmtMiB(r.afterLoad.hwmKiB)} |`);
  lines.push(`| Plain server, idle (for scale) | ${fmtMiB(r.baselineIdle.rssKiB)} |`);
  lines.push('');
  lines.push('Targets:', '');
  for (const v of verdicts(r)) lines.push(`- **${v.pass ? 'PASS' : 'FAIL'}** ${v.text}`);
  return lines.join('\n');
}

async function main() {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the servers`);
    for (const proc of runningWrk) proc.kill('SIGTERM');
    void Promise.all(children.map(stopChild)).then(cleanUp).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const results = await run();
  const md = markdown(results);
  console.log(`\n${md}\n`);
  for (const v of verdicts(results)) console.log(`${v.pass ? 'PASS' : 'FAIL'}  ${v.text}`);
  const partial = settings.only !== null;
  if (settings.writeDocs && !partial) {
    writeDocSection(docPath, md, results.dialect === 'postgres' ? 'http-bench-postgres' : 'http-bench');
    console.log(`\nwrote ${path.relative(root, docPath)}`);
  } else if (settings.writeDocs) {
    console.log('\nBENCH_ONLY is set: docs/benchmarks.md left as it is');
  }
}

main().catch(async (error) => {
  console.error(`\nbenchmark error: ${error instanceof BenchError ? error.message : (error as Error).stack ?? error}`);
  await Promise.all(children.map(stopChild));
  await cleanUp();
  process.exit(1);
});
