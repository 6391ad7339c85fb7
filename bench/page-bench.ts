/**
 * Portal page benchmark (issue 3): an article page and a category page served by the app from the database,
 * with the honest view counter on, against a plain node:http server answering the same bytes.
 *
 *   npx tsc -p . && node dist/bench/page-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/page-bench.js
 *
 * Same method as bench/http-bench.ts: the app (demo data, which includes the generated documents) and
 * bench/baseline-server run as child processes pinned to CPU 0, wrk on CPU 1; each page is warmed up, then
 * measured app, plain, plain, app (ABBA) at 50 connections. wrk sends a browser User-Agent, so every request
 * goes through the view counter (robots are not counted, and wrk's own UA would be one): the first request of
 * the run counts one view in the database, later ones are answered by the counter's in-memory set of
 * today's visitors. Rendered pages come from the page cache, which an edit (content version) invalidates.
 * Also reports the article page's size gzipped (HTML + the stylesheet; target < 60 KB).
 *
 * Targets: app ≥ 50 % of the plain server's req/s and p99 < 50 ms, for both pages.
 * Results go to docs/benchmarks.md between the page-bench markers (BENCH_WRITE_DOCS=0 to skip).
 * Environment: BENCH_DURATION (10 s), BENCH_WARMUP (2 s), BENCH_ROUNDS (2), BENCH_CONNECTIONS (50), BENCH_DATABASE_URL.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

class BenchError extends Error {}

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new BenchError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

const settings = {
  duration: envNumber('BENCH_DURATION', 10),
  warmup: envNumber('BENCH_WARMUP', 2),
  rounds: envNumber('BENCH_ROUNDS', 2),
  connections: envNumber('BENCH_CONNECTIONS', 50),
  databaseUrl: process.env.BENCH_DATABASE_URL || null,
  writeDocs: process.env.BENCH_WRITE_DOCS !== '0',
};
const TARGETS = { ratio: 0.5, p99ms: 50, gzipKiB: 60 };

const canPin = os.cpus().length >= 2 && ['/usr/bin/taskset', '/bin/taskset'].some((p) => fs.existsSync(p));
const pinned = (cpu: number, cmd: string, args: string[]): [string, string[]] => (canPin ? ['taskset', ['-c', String(cpu), cmd, ...args]] : [cmd, args]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Child { name: string; proc: ChildProcess; output: string[]; exited: Promise<unknown> }
const cleanups: (() => Promise<void>)[] = [];

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const [cmd, argv] = pinned(0, process.execPath, args);
  const proc = spawn(cmd, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const keep = (chunk: Buffer) => { output.push(chunk.toString('utf8')); if (output.length > 200) output.shift(); };
  proc.stdout!.on('data', keep);
  proc.stderr!.on('data', keep);
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  const child = { name, proc, output, exited };
  cleanups.push(async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  return child;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address() as net.AddressInfo; srv.close(() => resolve(port)); });
  });
}

async function waitUntilUp(child: Child, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) throw new BenchError(`${child.name} exited before it answered:\n${child.output.join('')}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      return;
    } catch { /* not yet */ }
    await sleep(200);
  }
  throw new BenchError(`${child.name} did not answer ${url}:\n${child.output.join('')}`);
}

interface WrkRun { rps: number; p99ms: number; requests: number; non2xx: number }

function parseWrk(out: string): WrkRun {
  const unit = (v: string, u: string) => Number(v) * ({ us: 0.001, ms: 1, s: 1000, m: 60_000 } as Record<string, number>)[u];
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s|m)\s*$/m.exec(out);
  const total = /^\s*(\d+) requests in /m.exec(out);
  if (!rps || !p99 || !total) throw new BenchError(`could not parse wrk output:\n${out}`);
  return { rps: Number(rps[1]), p99ms: unit(p99[1], p99[2]), requests: Number(total[1]), non2xx: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0) };
}

async function wrk(url: string, seconds: number): Promise<WrkRun> {
  const args = ['-t1', `-c${settings.connections}`, `-d${seconds}s`, '--latency', '-H', `User-Agent: ${BROWSER_UA}`, url];
  const [cmd, argv] = pinned(1, 'wrk', args);
  const out = await new Promise<string>((resolve, reject) => {
    execFile(cmd, argv, { timeout: (seconds + 60) * 1000, maxBuffer: 1 << 20 }, (error, stdout, stderr) =>
      (error ? reject(new BenchError(`wrk failed (${error.message}):\n${stdout}${stderr}`)) : resolve(stdout)));
  });
  const run = parseWrk(out);
  if (run.non2xx > 0 || run.requests === 0) throw new BenchError(`${url}: ${run.non2xx} non-2xx answers of ${run.requests}:\n${out}`);
  return run;
}

async function fetchPage(url: string): Promise<{ contentType: string; body: Buffer }> {
  const res = await fetch(url, { headers: { 'user-agent': BROWSER_UA }, redirect: 'manual' });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new BenchError(`${url} answered HTTP ${res.status}`);
  return { contentType: res.headers.get('content-type') ?? '', body };
}

async function createPgDatabase(serverUrl: string) {
  const { default: pg } = await import('pg');
  const name = `lc_pagebench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await c.end(); }
  });
  return url.toString();
}

interface PageResult { label: string; path: string; bytes: number; app: WrkRun[]; plain: WrkRun[] }

async function run() {
  const startedAt = new Date();
  const loadAvg = os.loadavg();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-pagebench-'));
  cleanups.push(async () => fs.rmSync(work, { recursive: true, force: true }));
  const appMain = path.join(root, 'dist', 'src', 'main.js');
  const baselineMain = path.join(root, 'dist', 'bench', 'baseline-server.js');
  for (const f of [appMain, baselineMain]) if (!fs.existsSync(f)) throw new BenchError(`${f} is missing: run npx tsc -p . first`);

  const appPort = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(appPort), HOST: '127.0.0.1', DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' };
  delete env.NODE_ENV;
  delete env.DEMO;
  delete env.DATA_KEY;
  if (settings.databaseUrl) env.DATABASE_URL = await createPgDatabase(settings.databaseUrl); else delete env.DATABASE_URL;
  const base = `http://127.0.0.1:${appPort}`;
  console.log(`starting the app on ${base} (${settings.databaseUrl ? 'PostgreSQL' : 'SQLite'}), demo data`);
  const app = startChild('app', [appMain], env);
  await waitUntilUp(app, `${base}/healthz`, 180_000);

  // The pages: the documents column's first page and the newest official document in it (the longest kind).
  const category = '/c/documents';
  const listing = (await fetchPage(base + category)).body.toString('utf8');
  const articleId = /href="\/a\/([A-Za-z0-9-]+)"/.exec(listing.slice(listing.indexOf('class="item-list"')))?.[1];
  if (!articleId) throw new BenchError(`no article link on ${category}`);
  const article = `/a/${articleId}`;
  const pages = [{ label: 'article page', path: article }, { label: 'category page', path: category }];

  const canned: Record<string, { status: number; contentType: string; bodyBase64: string }> = {};
  for (const p of pages) {
    const { contentType, body } = await fetchPage(base + p.path);
    canned[p.path] = { status: 200, contentType, bodyBase64: body.toString('base64') };
  }
  const articleHtml = Buffer.from(canned[article].bodyBase64, 'base64');
  const css = fs.readFileSync(path.join(root, 'src', 'portal', 'assets', 'portal.css'));
  const gzipBytes = zlib.gzipSync(articleHtml, { level: 6 }).length + zlib.gzipSync(css, { level: 6 }).length;
  const cannedFile = path.join(work, 'responses.json');
  fs.writeFileSync(cannedFile, JSON.stringify(canned));
  const basePort = await freePort();
  const baseline = startChild('baseline', [baselineMain, cannedFile], { ...process.env, PORT: String(basePort), HOST: '127.0.0.1' });
  const plain = `http://127.0.0.1:${basePort}`;
  await waitUntilUp(baseline, `${plain}/`, 30_000);

  const viewsOf = async () => Number(/浏览次数：(\d+)/.exec((await fetchPage(base + article)).body.toString('utf8'))?.[1] ?? NaN);
  const viewsBefore = await viewsOf();
  const results: PageResult[] = [];
  for (const p of pages) {
    console.log(`\n${p.label} GET ${p.path} (${articleHtml.length} B article)`);
    await wrk(base + p.path, settings.warmup);
    await wrk(plain + p.path, settings.warmup);
    const r: PageResult = { ...p, bytes: Buffer.from(canned[p.path].bodyBase64, 'base64').length, app: [], plain: [] };
    for (let round = 0; round < settings.rounds; round++) {
      for (const side of round % 2 === 0 ? ['app', 'plain'] as const : ['plain', 'app'] as const) {
        const x = await wrk((side === 'app' ? base : plain) + p.path, settings.duration);
        r[side].push(x);
        console.log(`  ${side.padEnd(5)} ${Math.round(x.rps).toLocaleString('en-US').padStart(7)} req/s  p99 ${x.p99ms.toFixed(2)} ms`);
      }
    }
    results.push(r);
  }
  // The counter counted this benchmark's visitor once (before the load), not once per request. The page shows
  // the count of its cached copy (up to 30 s old), so wait that long before reading it again.
  await sleep(31_000);
  const views = `${viewsBefore} before the load, ${await viewsOf()} after ${results.reduce((n, r) => n + r.app.reduce((m, x) => m + x.requests, 0), 0).toLocaleString('en-US')} measured requests`;
  return { startedAt, finishedAt: new Date(), loadAvg, results, gzipBytes, articleBytes: articleHtml.length, cssBytes: css.length, views };
}

type Outcome = Awaited<ReturnType<typeof run>>;

function verdicts(o: Outcome) {
  const out: { pass: boolean; text: string }[] = [];
  for (const r of o.results) {
    const ratio = mean(r.app.map((x) => x.rps)) / mean(r.plain.map((x) => x.rps));
    const p99 = mean(r.app.map((x) => x.p99ms));
    out.push({ pass: ratio >= TARGETS.ratio, text: `${r.label} ≥ ${TARGETS.ratio * 100} % of plain req/s at ${settings.connections} connections: ${(ratio * 100).toFixed(0)} %` });
    out.push({ pass: p99 < TARGETS.p99ms, text: `${r.label} p99 < ${TARGETS.p99ms} ms: ${p99.toFixed(2)} ms` });
  }
  out.push({ pass: o.gzipBytes < TARGETS.gzipKiB * 1024, text: `article page HTML + CSS gzipped < ${TARGETS.gzipKiB} KB: ${(o.gzipBytes / 1024).toFixed(1)} KB` });
  return out;
}

function markdown(o: Outcome): string {
  const cmd = settings.databaseUrl ? 'npx tsc -p . && BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/page-bench.js' : 'npx tsc -p . && node dist/bench/page-bench.js';
  const lines = [
    `### ${settings.databaseUrl ? 'PostgreSQL' : 'SQLite (embedded, the default)'}`, '',
    `- Date: ${o.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC (took ${Math.round((o.finishedAt.getTime() - o.startedAt.getTime()) / 1000)} s); command: \`${cmd}\``,
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.replace(/\s+/g, ' ').trim()}), Node ${process.version}; shared and noisy (load average ${o.loadAvg.map((x) => x.toFixed(2)).join(' ')} at the start) — compare the ratios`,
    `- Load: \`wrk -t1 -c${settings.connections} -d${settings.duration}s --latency -H 'User-Agent: <a desktop Chrome>'\`${canPin ? ' on CPU 1, servers pinned to CPU 0' : ''}; ${settings.warmup} s warm-up per side, ${settings.rounds} runs per side alternated (ABBA); means reported`,
    `- View counting on (every request passes the counter): the article's view count was ${o.views} — one visitor, one view a day`,
    '',
    '| Page | Body | App req/s | Plain req/s | App ÷ plain | App p99 | Plain p99 | Runs: app / plain req/s (p99) |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...o.results.map((r) => {
      const a = mean(r.app.map((x) => x.rps));
      const b = mean(r.plain.map((x) => x.rps));
      const runs = (xs: WrkRun[]) => xs.map((x) => `${Math.round(x.rps).toLocaleString('en-US')} (${x.p99ms.toFixed(1)} ms)`).join(', ');
      return `| ${r.label} \`GET ${r.path.replace(/[0-9a-f-]{36}/, '<id>')}\` | ${r.bytes.toLocaleString('en-US')} B | ${Math.round(a).toLocaleString('en-US')} | ${Math.round(b).toLocaleString('en-US')} | **${((a / b) * 100).toFixed(0)} %** | ${mean(r.app.map((x) => x.p99ms)).toFixed(2)} ms | ${mean(r.plain.map((x) => x.p99ms)).toFixed(2)} ms | ${runs(r.app)} / ${runs(r.plain)} |`;
    }),
    '',
    `Article page size: ${o.articleBytes.toLocaleString('en-US')} B HTML + ${o.cssBytes.toLocaleString('en-US')} B CSS = ${(o.gzipBytes / 1024).toFixed(1)} KB gzipped.`,
    '', 'Targets:', '',
    ...verdicts(o).map((v) => `- **${v.pass ? 'PASS' : 'FAIL'}** ${v.text}`),
  ];
  return lines.join('\n');
}

async function cleanUp() {
  while (cleanups.length > 0) {
    try { await cleanups.pop()!(); } catch (error) { console.error(`cleanup: ${(error as Error).message}`); }
  }
}

try {
  const outcome = await run();
  const md = markdown(outcome);
  console.log(`\n${md}\n`);
  if (settings.writeDocs) writeDocSection(docPath, md, settings.databaseUrl ? 'page-bench-postgres' : 'page-bench');
} catch (error) {
  console.error(`\nbenchmark error: ${error instanceof BenchError ? error.message : (error as Error).stack}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
