/**
 * Network lists and the gap matrix (issue 4): p95 of the institution list, the gap matrix and the uncached
 * learning-places page for a network of 200 institutions × 15 indicators, against `GET /healthz` through the
 * same app as the per-request floor (authentication hooks, routing, serialisation), in one process and run.
 *
 *   npx tsc -p . && node dist/bench/network-bench.js
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node dist/bench/network-bench.js
 *
 * The network is built through the API as a town and city admin would (demo city + base schools up to 200,
 * 3 extra indicators so there are 15, a value for nearly every cell). Requests go through Fastify's inject as
 * the city admin, the widest scope. Target: p95 < 100 ms for the list and the matrix.
 * Results go to docs/benchmarks.md between the network-bench markers (BENCH_WRITE_DOCS=0 to skip).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../src/app.js';
import os from 'node:os';
import { withBenchApp } from './bench-app.js';
import { writeDocSection } from './bench-docs.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docPath = path.join(root, 'docs', 'benchmarks.md');
const TARGET_INSTITUTIONS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const TARGET_P95_MS = 100;

interface Session { cookie: string; csrf: string }

async function call(app: App, session: Session | null, method: string, url: string, body?: unknown) {
  const res = await app.inject({
    method: method as never, url,
    headers: {
      ...(session ? { cookie: `lc_session=${session.cookie}`, 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      accept: url.startsWith('/api/') ? 'application/json' : 'text/html',
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.statusCode >= 400) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

async function login(app: App, username: string): Promise<Session> {
  const res = await call(app, null, 'POST', '/api/v1/auth/login', { username, password: 'learning-city-demo' });
  const cookie = String([res.headers['set-cookie']].flat().find((c) => String(c).startsWith('lc_session=')) ?? '').split(';')[0].slice('lc_session='.length);
  return { cookie, csrf: JSON.parse(res.body).csrfToken };
}

async function buildNetwork(app: App, admin: Session) {
  const regions = JSON.parse((await call(app, null, 'GET', '/api/v1/regions')).body).items as Array<{ id: string; level: string; parentId: string | null }>;
  const villages = regions.filter((r) => r.level === 'village');
  const centers = JSON.parse((await call(app, admin, 'GET', '/api/v1/network/institutions?tier=center&pageSize=100')).body).items as Array<{ id: string; town: { id: string } }>;
  const existing = JSON.parse((await call(app, admin, 'GET', '/api/v1/network/institutions?pageSize=1')).body).total as number;
  for (let i = 0; i < TARGET_INSTITUTIONS - existing; i++) {
    const village = villages[i % villages.length];
    const center = centers.find((c) => c.town.id === village.parentId)!;
    await call(app, admin, 'POST', '/api/v1/network/institutions', {
      name: `基准测试学习点${String(i).padStart(3, '0')}`, tier: 'base', kind: 'citizen_school', regionId: village.id, parentCenterId: center.id,
    });
  }
  // Three more indicators so the matrix has 15 columns, as the issue sizes it.
  const db = app.database.db as any;
  await db.insertInto('network_indicators').values([
    { code: 'bench_rooms', name_zh: '活动室', name_en: 'Activity rooms', unit: '间', value_type: 'number', sort: 900 },
    { code: 'bench_seats', name_zh: '报告厅座位', name_en: 'Lecture-hall seats', unit: '座', value_type: 'number', sort: 910 },
    { code: 'bench_board', name_zh: '设有宣传栏', name_en: 'Has a notice board', unit: '', value_type: 'boolean', sort: 920 },
  ]).execute();
  const indicators = JSON.parse((await call(app, admin, 'GET', '/api/v1/network/indicators')).body).items as Array<{ code: string; valueType: string; unit: string }>;
  const all: Array<{ id: string }> = [];
  for (let page = 1; all.length < TARGET_INSTITUTIONS; page++) {
    const items = JSON.parse((await call(app, admin, 'GET', `/api/v1/network/institutions?pageSize=100&page=${page}`)).body).items;
    if (items.length === 0) break;
    all.push(...items);
  }
  for (const [i, inst] of all.entries()) {
    const current = JSON.parse((await call(app, admin, 'GET', `/api/v1/network/institutions/${inst.id}/indicators`)).body).items as Array<{ code: string; version: number }>;
    const versionOf = new Map(current.map((c) => [c.code, c.version ?? 0]));
    const values = indicators.filter((_, j) => (i + j) % 13 !== 0).map((ind, j) => ({
      code: ind.code, value: ind.valueType === 'boolean' ? (i + j) % 2 === 0 : (i * 37 + j * 11) % (ind.unit === '%' ? 100 : 5000), version: versionOf.get(ind.code) ?? 0,
    }));
    await call(app, admin, 'PUT', `/api/v1/network/institutions/${inst.id}/indicators`, { values });
  }
  return { institutions: all.length, indicators: indicators.length };
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
}

async function main() {
  await withBenchApp('network', async ({ app, serverUrl }) => {
    const admin = await login(app, 'admin');
    const size = await buildNetwork(app, admin);
    const floor = await measure(() => call(app, admin, 'GET', '/healthz'));
    const list = await measure(() => call(app, admin, 'GET', '/api/v1/network/institutions?pageSize=100&page=2'));
    const filtered = await measure(() => call(app, admin, 'GET', '/api/v1/network/institutions?pageSize=100&tier=base&town=329901103000'));
    const matrix = await measure(() => call(app, admin, 'GET', '/api/v1/network/gap-matrix'));
    const places = await measure((i) => call(app, null, 'GET', `/places?bench=${i}`));
    const rows: Array<[string, typeof floor]> = [
      ['`GET /healthz` (floor: the same app, no work)', floor],
      ['institution list, page 2 of 100', list],
      ['institution list, filtered by tier and town', filtered],
      [`gap matrix, ${size.institutions} × ${size.indicators}`, matrix],
      ['`/places`, rendered uncached', places],
    ];
    const dialect = serverUrl ? 'PostgreSQL' : 'SQLite';
    const section = [
      `### ${dialect}`,
      '',
      `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npx tsc -p . && ${serverUrl ? 'BENCH_DATABASE_URL=… ' : ''}node dist/bench/network-bench.js\``,
      `- Machine: ${os.cpus().length} cores, Node ${process.version}; shared and noisy (load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')})`,
      `- ${size.institutions} network institutions × ${size.indicators} indicators; ${RUNS} requests each after 5 warm-up requests, through inject as the city admin`,
      '',
      '| request | p50 | p95 | max | p95 ÷ floor p95 |',
      '|---|---:|---:|---:|---:|',
      ...rows.map(([name, r]) => `| ${name} | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.max.toFixed(1)} ms | ${(r.p95 / floor.p95).toFixed(1)} × |`),
      '',
      `Targets: list p95 < ${TARGET_P95_MS} ms: **${list.p95 < TARGET_P95_MS && filtered.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL'}**; gap matrix p95 < ${TARGET_P95_MS} ms: **${matrix.p95 < TARGET_P95_MS ? 'PASS' : 'FAIL'}**`,
    ].join('\n');
    console.log(section);
    if (process.env.BENCH_WRITE_DOCS !== '0') writeDocSection(docPath, section, serverUrl ? 'network-bench-postgres' : 'network-bench');
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
